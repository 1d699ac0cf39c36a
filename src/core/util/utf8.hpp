// UTF-8 helpers: validation, code-point iteration and source positions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/mark.hpp"

namespace ccnt {

// Length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot lead one
// (a continuation byte, C0, C1, F5 to FF).
std::size_t utf8_sequence_length(unsigned char lead);

// True for the bytes that continue a UTF-8 sequence (10xxxxxx).
bool is_utf8_continuation(unsigned char byte);

// Byte offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Decodes the code point at text[offset], advancing offset; U+FFFD on bad input.
char32_t next_code_point(std::string_view text, std::size_t& offset);

// Length in bytes of the well-formed UTF-8 sequence at text[offset], or 0 when the bytes there
// are not one (a stray continuation byte, a cut or overlong sequence, a surrogate).
std::size_t valid_sequence_length(std::string_view text, std::size_t offset);

// One character of text that may not be UTF-8: the code point and the bytes it takes, or, where
// the bytes are not UTF-8, U+FFFD for one byte with `valid` false.
struct DecodedChar {
  char32_t cp = 0;
  std::size_t length = 1;
  bool valid = false;
};
DecodedChar decode_utf8_at(std::string_view text, std::size_t offset);

// Number of code points in well-formed UTF-8 text.
std::size_t code_point_count(std::string_view text);

// 1-based line and column (in code points) of a byte offset.
Mark mark_at(std::string_view text, std::size_t offset);

// True when the bytes look like GBK/GB18030-encoded Chinese rather than random junk.
bool looks_like_gbk(std::string_view text);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t cp);

}  // namespace ccnt
