// Widths of text on a terminal: a Han or fullwidth character takes two
// columns, a combining mark or control character none.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ccnt {

// Columns that UTF-8 text takes on a terminal (utf8proc_charwidth per code point).
std::size_t display_width(std::string_view utf8);

// The longest prefix of `utf8` that fits in `width` columns, ending with "…"
// (one column) when anything was cut; never splits a code point.
std::string truncate_to_width(std::string_view utf8, std::size_t width);

// `utf8` padded with spaces to `width` columns (left-aligned unless
// `right_align`); text already as wide or wider is returned unchanged.
std::string pad_to_width(std::string_view utf8, std::size_t width, bool right_align = false);

// Breaks text into lines of at most `width` columns: at spaces for Latin text,
// between any two characters of Han text; existing line breaks are kept.
std::string wrap_to_width(std::string_view utf8, std::size_t width);

}  // namespace ccnt
