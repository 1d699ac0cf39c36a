#include "core/output/display_width.hpp"

#include <utf8proc.h>

#include <vector>

#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

std::size_t char_width(char32_t cp) {
  const int width = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
  return width > 0 ? static_cast<std::size_t>(width) : 0;
}

// Punctuation that must not start a line (，。）》 ...): it stays with the text before it.
bool is_closing_punctuation(char32_t cp) {
  switch (cp) {
    case U'，':
    case U'。':
    case U'、':
    case U'；':
    case U'：':
    case U'？':
    case U'！':
    case U'）':
    case U'》':
    case U'〉':
    case U'」':
    case U'』':
    case U'】':
    case U'〕':
    case U'”':
    case U'’':
    case U'…':
    case U'%':
    case U'％':
    case U',':
    case U'.':
    case U';':
    case U':':
    case U'?':
    case U'!':
    case U')':
    case U']':
      return true;
    default:
      return false;
  }
}

// Punctuation that must not end a line (（《“ ...): it stays with the text after it.
bool is_opening_punctuation(char32_t cp) {
  switch (cp) {
    case U'（':
    case U'《':
    case U'〈':
    case U'「':
    case U'『':
    case U'【':
    case U'〔':
    case U'“':
    case U'‘':
    case U'(':
    case U'[':
      return true;
    default:
      return false;
  }
}

// A piece of text that is never broken inside: a Latin word or one wide
// character, with the punctuation that clings to it.
struct WrapUnit {
  std::string text;
  std::size_t width = 0;
  bool space_before = false;
};

std::vector<WrapUnit> split_units(std::string_view line) {
  std::vector<WrapUnit> units;
  bool pending_space = false;
  bool in_word = false;  // the last unit is a Latin word still being extended
  std::string opening;   // opening punctuation waiting for the next unit
  std::size_t opening_width = 0;
  std::size_t offset = 0;
  while (offset < line.size()) {
    const std::size_t start = offset;
    const char32_t cp = next_code_point(line, offset);
    const std::string_view bytes = line.substr(start, offset - start);
    const std::size_t width = char_width(cp);
    if (cp == U' ' || cp == U'\t') {
      pending_space = true;
      in_word = false;
      continue;
    }
    if (is_closing_punctuation(cp) && !units.empty() && !pending_space && opening.empty()) {
      units.back().text += bytes;
      units.back().width += width;
      in_word = width < 2 && in_word;
      continue;
    }
    if (is_opening_punctuation(cp)) {
      opening += bytes;
      opening_width += width;
      in_word = false;
      continue;
    }
    const bool wide = width >= 2;
    if (in_word && !wide && opening.empty() && !pending_space) {
      units.back().text += bytes;
      units.back().width += width;
      continue;
    }
    if (width == 0 && !units.empty() && opening.empty() && !pending_space) {
      units.back().text += bytes;  // a combining mark belongs to the character before it
      continue;
    }
    WrapUnit unit;
    unit.text = opening + std::string(bytes);
    unit.width = opening_width + width;
    unit.space_before = pending_space;
    units.push_back(std::move(unit));
    opening.clear();
    opening_width = 0;
    pending_space = false;
    in_word = !wide;
  }
  if (!opening.empty()) units.push_back({opening, opening_width, pending_space});
  return units;
}

// Appends a unit wider than a whole line, cut at code points into lines of `width`.
void append_hard_broken(std::string& out, std::string& line, std::size_t& line_width,
                        const WrapUnit& unit, std::size_t width) {
  std::size_t offset = 0;
  while (offset < unit.text.size()) {
    const std::size_t start = offset;
    const std::size_t cw = char_width(next_code_point(unit.text, offset));
    if (line_width + cw > width && line_width > 0) {
      out += line;
      out += '\n';
      line.clear();
      line_width = 0;
    }
    line.append(unit.text, start, offset - start);
    line_width += cw;
  }
}

void wrap_line(std::string& out, std::string_view text, std::size_t width) {
  std::string line;
  std::size_t line_width = 0;
  for (const WrapUnit& unit : split_units(text)) {
    const std::size_t gap = (unit.space_before && line_width > 0) ? 1 : 0;
    if (line_width + gap + unit.width <= width) {
      if (gap) line += ' ';
      line += unit.text;
      line_width += gap + unit.width;
      continue;
    }
    if (line_width > 0) {
      out += line;
      out += '\n';
      line.clear();
      line_width = 0;
    }
    if (unit.width <= width) {
      line = unit.text;
      line_width = unit.width;
    } else {
      append_hard_broken(out, line, line_width, unit, width);
    }
  }
  out += line;
  out += '\n';
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  std::size_t offset = 0;
  while (offset < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[offset]);
    if (byte < 0x80) {  // ASCII fast path: printable characters are one column
      width += (byte >= 0x20 && byte < 0x7F) ? 1 : 0;
      ++offset;
      continue;
    }
    width += char_width(next_code_point(utf8, offset));
  }
  return width;
}

std::string truncate_to_width(std::string_view utf8, std::size_t width) {
  if (display_width(utf8) <= width) return std::string(utf8);
  if (width == 0) return {};
  const std::size_t room = width - 1;  // one column for the ellipsis
  std::size_t used = 0;
  std::size_t offset = 0;
  std::size_t end = 0;
  while (offset < utf8.size()) {
    const std::size_t cw = char_width(next_code_point(utf8, offset));
    if (used + cw > room) break;
    used += cw;
    end = offset;
  }
  std::string result(utf8.substr(0, end));
  while (!result.empty() && result.back() == ' ') result.pop_back();
  result += "…";
  return result;
}

std::string pad_to_width(std::string_view utf8, std::size_t width, bool right_align) {
  const std::size_t current = display_width(utf8);
  if (current >= width) return std::string(utf8);
  const std::string padding(width - current, ' ');
  return right_align ? padding + std::string(utf8) : std::string(utf8) + padding;
}

std::string wrap_to_width(std::string_view utf8, std::size_t width) {
  if (utf8.empty()) return {};
  if (width == 0) width = 1;
  std::string out;
  std::size_t start = 0;
  while (start <= utf8.size()) {
    std::size_t end = utf8.find('\n', start);
    if (end == std::string_view::npos) end = utf8.size();
    std::string_view line = utf8.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (end == utf8.size() && line.empty() && start > 0) break;  // text ended with "\n"
    wrap_line(out, line, width);
    start = end + 1;
  }
  return out;
}

}  // namespace ccnt
