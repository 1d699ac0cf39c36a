#include "core/util/utf8.hpp"

namespace ccnt {

std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

bool is_utf8_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(bytes[i]);
    if (length == 0 || i + length > size) return i;
    for (std::size_t k = 1; k < length; ++k)
      if (!is_utf8_continuation(bytes[i + k])) return i;
    // Reject overlong forms, surrogates and code points above U+10FFFF.
    if (length == 3) {
      if (bytes[i] == 0xE0 && bytes[i + 1] < 0xA0) return i;
      if (bytes[i] == 0xED && bytes[i + 1] >= 0xA0) return i;
    } else if (length == 4) {
      if (bytes[i] == 0xF0 && bytes[i + 1] < 0x90) return i;
      if (bytes[i] == 0xF4 && bytes[i + 1] >= 0x90) return i;
    }
    i += length;
  }
  return std::nullopt;
}

std::size_t valid_sequence_length(std::string_view text, std::size_t offset) {
  const std::size_t length = utf8_sequence_length(static_cast<unsigned char>(text[offset]));
  if (length == 0 || offset + length > text.size()) return 0;
  return find_invalid_utf8(text.substr(offset, length)) ? 0 : length;
}

DecodedChar decode_utf8_at(std::string_view text, std::size_t offset) {
  const std::size_t length = valid_sequence_length(text, offset);
  if (length == 0) return {U'\uFFFD', 1, false};
  std::size_t end = offset;
  return {next_code_point(text, end), length, true};
}

char32_t next_code_point(std::string_view text, std::size_t& offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  const std::size_t length = utf8_sequence_length(lead);
  if (length == 0 || offset + length > text.size()) {
    ++offset;
    return U'\uFFFD';
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[offset + k]);
    if (!is_utf8_continuation(byte)) {
      ++offset;
      return U'\uFFFD';
    }
    cp = (cp << 6) | (byte & 0x3F);
  }
  offset += length;
  return cp;
}

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if (!is_utf8_continuation(static_cast<unsigned char>(c))) ++count;
  return count;
}

Mark mark_at(std::string_view text, std::size_t offset) {
  Mark mark{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++mark.line;
      mark.column = 1;
    } else if (!is_utf8_continuation(byte)) {
      ++mark.column;
    }
  }
  return mark;
}

bool looks_like_gbk(std::string_view text) {
  std::size_t pairs = 0, bad = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) continue;
    if (byte >= 0x81 && byte <= 0xFE && i + 1 < text.size()) {
      const auto trail = static_cast<unsigned char>(text[i + 1]);
      if (trail >= 0x40 && trail <= 0xFE && trail != 0x7F) {
        ++pairs;
        ++i;
        continue;
      }
    }
    ++bad;
  }
  return pairs >= 2 && bad * 10 <= pairs;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace ccnt
