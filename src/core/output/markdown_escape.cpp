#include "core/output/markdown_escape.hpp"

#include <fmt/format.h>
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
    case ':':  // not Markdown, but a CI runner's workflow command (`::error::…`)
      return line.starts_with("::") ? 0 : std::string_view::npos;
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

void escape_line(std::string_view line, std::string& out, bool line_start = true) {
  const std::size_t marker = line_start ? block_marker_escape(line) : std::string_view::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    bool escape = i == marker;
    switch (c) {
      case '*':
      case '`':
      case '<':
      case '[':
      case ']':  // would end the text of a link the output wraps around this text
      case '|':  // a cell separator in a table, and a table in a paragraph (`a|b` over `-|-`)
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

// Calls line(text) for each line of `text`; CRLF, LF and a lone CR all end a line, as in
// CommonMark; `last` is true for the last line.
template <typename Line>
void for_each_line(std::string_view text, const Line& line) {
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      line(text.substr(start), true);
      return;
    }
    line(text.substr(start, end - start), false);
    start = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
  }
}

std::string_view trim_blanks(std::string_view line) {
  while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
  while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
  return line;
}

bool is_https(std::string_view url) {
  return url.size() > 8 && url.substr(0, 8) == "https://";
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for_each_line(text, [&](std::string_view line, bool last) {
    escape_line(trim_blanks(line), out);
    if (!last) out += '\n';
  });
  return out;
}

std::string markdown_escape_inline(std::string_view text) {
  std::string joined;
  joined.reserve(text.size());
  for_each_line(text, [&](std::string_view line, bool last) {
    joined += line;
    if (!last) joined += ' ';
  });
  for (char& c : joined)
    if (c == '\t') c = ' ';
  std::string out;
  out.reserve(joined.size() + joined.size() / 8);
  escape_line(trim_blanks(joined), out, false);
  return out;
}

std::optional<std::string> markdown_link_destination(std::string_view url) {
  if (!is_https(url)) return std::nullopt;
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F ||
        std::string_view("()<>[]\\|\"'`").find(c) != std::string_view::npos)
      out += fmt::format("%{:02X}", byte);
    else
      out += c;
  }
  return out;
}

std::string markdown_link(std::string_view text, std::string_view url) {
  const std::string escaped = markdown_escape_inline(text);
  const auto destination = markdown_link_destination(url);
  if (!destination) return escaped;
  return "[" + escaped + "](" + *destination + ")";
}

}  // namespace ccnt
