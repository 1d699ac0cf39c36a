// UTF-8 helpers: validation, code-point iteration and source positions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/mark.hpp"

namespace ccnt {

// Byte offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Decodes the code point at text[offset], advancing offset; U+FFFD on bad input.
char32_t next_code_point(std::string_view text, std::size_t& offset);

// Number of code points in well-formed UTF-8 text.
std::size_t code_point_count(std::string_view text);

// 1-based line and column (in code points) of a byte offset.
Mark mark_at(std::string_view text, std::size_t offset);

// True when the bytes look like GBK/GB18030-encoded Chinese rather than random junk.
bool looks_like_gbk(std::string_view text);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace ccnt
