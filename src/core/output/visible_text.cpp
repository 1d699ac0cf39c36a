#include "core/output/visible_text.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include "core/util/hidden_chars.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

bool keeps(char32_t cp, LineBreaks breaks) {
  return breaks == LineBreaks::Keep && (cp == '\n' || cp == '\t');
}

// Appends the visible form of a hidden code point.
void append_escape(std::string& out, char32_t cp) {
  switch (cp) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  if (cp < 0x80)
    out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
  else
    out += fmt::format("<U+{:04X}>", static_cast<unsigned>(cp));
}

}  // namespace

bool is_visible_text(std::string_view text, LineBreaks breaks) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++i;
      continue;
    }
    const DecodedChar decoded = decode_utf8_at(text, i);
    if (!decoded.valid ||
        (hidden_kind(decoded.cp) != HiddenKind::None && !keeps(decoded.cp, breaks)))
      return false;
    i += decoded.length;
  }
  return true;
}

std::string visible_text(std::string_view text, LineBreaks breaks) {
  if (is_visible_text(text, breaks)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    const DecodedChar decoded = decode_utf8_at(text, i);
    if (!decoded.valid)
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
    else if (hidden_kind(decoded.cp) != HiddenKind::None && !keeps(decoded.cp, breaks))
      append_escape(out, decoded.cp);
    else
      out.append(text, i, decoded.length);
    i += decoded.length;
  }
  return out;
}

std::string without_ci_commands(std::string text) {
  if (text.find("::") == std::string::npos && text.find("##[") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size() + 8);
  bool line_start = true;  // only blanks so far on this line
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (line_start && c == ':' && i + 1 < text.size() && text[i + 1] == ':') {
      out += "\\x3a";
      line_start = false;
      continue;
    }
    if (c == '[' && i >= 2 && text[i - 1] == '#' && text[i - 2] == '#') {
      out += "\\x5b";
      line_start = false;
      continue;
    }
    if (c == '\n' || c == '\r') {
      line_start = true;
    } else if (line_start && static_cast<unsigned char>(c) >= 0x80) {
      // .NET's TrimStart, which the runner applies, also skips Unicode spaces (U+3000, ...).
      std::size_t at = i;
      const char32_t cp = next_code_point(text, at);
      line_start = utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS;
      out.append(text, i, at - i);
      i = at - 1;
      continue;
    } else if (c != ' ' && c != '\t') {
      line_start = false;
    }
    out += c;
  }
  return out;
}

}  // namespace ccnt
