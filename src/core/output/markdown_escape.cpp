#include "core/output/markdown_escape.hpp"

#include <utf8proc.h>

#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// A character that is neither whitespace nor punctuation in CommonMark's sense
// (Unicode P* and S* categories count as punctuation); `_` between two such
// characters can neither open nor close emphasis.
bool is_word_code_point(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || is_alpha(static_cast<char>(cp));
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return false;
    default:
      return true;
  }
}

// The code point that ends just before byte `end` (U+0000 at the start).
char32_t code_point_before(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return next_code_point(text, start);
}

char32_t code_point_at(std::string_view text, std::size_t offset) {
  return offset < text.size() ? next_code_point(text, offset) : 0;
}

// True when `&` at `at` starts an entity or numeric character reference.
bool starts_entity(std::string_view line, std::size_t at) {
  std::size_t i = at + 1;
  std::size_t digits = 0;
  if (i < line.size() && line[i] == '#') {
    ++i;
    const bool hex = i < line.size() && (line[i] == 'x' || line[i] == 'X');
    if (hex) ++i;
    while (i < line.size() &&
           (is_digit(line[i]) ||
            (hex && ((line[i] >= 'a' && line[i] <= 'f') || (line[i] >= 'A' && line[i] <= 'F'))))) {
      ++i;
      ++digits;
    }
    return digits > 0 && digits <= (hex ? 6u : 7u) && i < line.size() && line[i] == ';';
  }
  if (i >= line.size() || !is_alpha(line[i])) return false;
  while (i < line.size() && (is_alpha(line[i]) || is_digit(line[i]))) ++i;
  return i < line.size() && line[i] == ';';
}

// True when the line holds only `c` and blanks (a thematic break or setext underline).
bool only_char_and_blanks(std::string_view line, char c) {
  for (char ch : line)
    if (ch != c && !is_blank(ch)) return false;
  return true;
}

// How many bytes at the start of `line` form a block marker that needs a
// backslash before its byte at the returned position; npos when none.
std::size_t block_marker_escape(std::string_view line) {
  if (line.empty()) return std::string_view::npos;
  const char first = line[0];
  const auto followed_by_blank_at = [&](std::size_t i) {
    return i >= line.size() || is_blank(line[i]);
  };
  switch (first) {
    case '#': {
      std::size_t run = 0;
      while (run < line.size() && line[run] == '#') ++run;
      return run <= 6 && followed_by_blank_at(run) ? 0 : std::string_view::npos;
    }
    case '>':
      return 0;
    case '-':
    case '+':
      return followed_by_blank_at(1) || only_char_and_blanks(line, first) ? 0
                                                                          : std::string_view::npos;
    case '=':
      return only_char_and_blanks(line, '=') ? 0 : std::string_view::npos;
    case '~':
      return line.starts_with("~~~") ? 0 : std::string_view::npos;
    default:
      break;
  }
  if (is_digit(first)) {
    std::size_t run = 0;
    while (run < line.size() && is_digit(line[run])) ++run;
    if (run <= 9 && run < line.size() && (line[run] == '.' || line[run] == ')') &&
        followed_by_blank_at(run + 1))
      return run;
  }
  return std::string_view::npos;
}

void escape_line(std::string_view line, std::string& out) {
  const std::size_t marker = block_marker_escape(line);
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    bool escape = i == marker;
    switch (c) {
      case '*':
      case '`':
      case '<':
      case '[':
        escape = true;
        break;
      case '_':
        escape = !(is_word_code_point(code_point_before(line, i)) &&
                   is_word_code_point(code_point_at(line, i + 1)));
        break;
      case '\\':
        escape = i + 1 == line.size() || is_ascii_punctuation(line[i + 1]);
        break;
      case '&':
        escape = starts_entity(line, i);
        break;
      default:
        break;
    }
    if (escape) out += '\\';
    out += c;
  }
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
    escape_line(line, out);
    if (last) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace ccnt
