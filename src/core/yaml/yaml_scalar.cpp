#include "core/yaml/yaml_scalar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/util/hidden_chars.hpp"
#include "core/util/utf8.hpp"
#include "core/yaml/document.hpp"

namespace ccnt {
namespace {

// Words that YAML 1.1 readers (editors, PyYAML) take for booleans or null,
// although YAML 1.2 reads them as strings: quoted for every reader's sake.
constexpr std::array<std::string_view, 12> kYaml11Words = {"yes", "no", "on", "off", "y",   "n",
                                                           "Yes", "No", "On", "Off", "YES", "NO"};

bool needs_quotes(std::string_view text) {
  if (text.empty()) return true;
  Node plain;
  plain.kind = Node::Kind::Scalar;
  plain.scalar = std::string(text);
  if (plain.type() != ValueType::String) return true;  // null, true, 12, 1e3, .inf
  if (std::find(kYaml11Words.begin(), kYaml11Words.end(), text) != kYaml11Words.end()) return true;
  // Something that looks like a date or a number to a human or an older reader.
  if (text.find_first_not_of("0123456789-:.+ ") == std::string_view::npos) return true;
  // Indicators that start another YAML construct.
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos)
    return true;
  if (text.front() == ' ' || text.back() == ' ' || text.back() == ':') return true;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos)
    return true;
  // Control characters (tabs, line breaks), C1 controls, bidirectional and zero-width
  // characters and bytes that are not UTF-8 are written as escapes.
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++i;
      continue;
    }
    if (hidden_kind(next_code_point(text, i)) != HiddenKind::None) return true;
  }
  return find_invalid_utf8(text).has_value();
}

}  // namespace

std::string yaml_double_quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      // Multi-byte: kept when well-formed and visible; else a \u escape or U+FFFD.
      const DecodedChar decoded = decode_utf8_at(text, i);
      if (decoded.valid && hidden_kind(decoded.cp) == HiddenKind::None)
        out.append(text, i, decoded.length);
      else
        out += fmt::format("\\u{:04X}", static_cast<unsigned>(decoded.cp));
      i += decoded.length - 1;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  return out + "\"";
}

std::string yaml_scalar(std::string_view text) {
  return needs_quotes(text) ? yaml_double_quoted(text) : std::string(text);
}

}  // namespace ccnt
