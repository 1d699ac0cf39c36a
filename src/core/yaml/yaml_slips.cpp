#include "core/yaml/yaml_slips.hpp"

#include <vector>

#include "core/diag/message_catalog.hpp"
#include "core/yaml/yaml_scalar.hpp"

namespace ccnt {
namespace {

constexpr std::string_view kFullWidthColon = "：";

// The lines of `text`, without their line ends.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// A line taken apart: indentation, an optional "- ", a key (field-name characters) and what
// follows it.
struct LineParts {
  std::string_view indent;  // spaces and tabs
  std::string_view dash;    // "- " or ""
  std::string_view key;     // empty when the line does not start with a key
  std::string_view rest;    // after the key: ": value", ":value", "：value" ...
};

LineParts parts_of(std::string_view line) {
  LineParts parts;
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  parts.indent = line.substr(0, i);
  if (line.substr(i).starts_with("- ")) {
    parts.dash = line.substr(i, 2);
    i += 2;
  }
  std::size_t key_end = i;
  while (key_end < line.size() && is_key_char(line[key_end])) ++key_end;
  parts.key = line.substr(i, key_end - i);
  parts.rest = line.substr(key_end);
  return parts;
}

// The line written as it should be: the key, ": " and the value in double quotes.
std::string quoted_line(const LineParts& parts, std::string_view value) {
  std::string out(parts.indent);
  out += parts.dash;
  out += parts.key;
  out += ": ";
  out += yaml_double_quoted(value);
  return out;
}

std::string spaced_line(const LineParts& parts, std::string_view value) {
  std::string out(parts.indent);
  out += parts.dash;
  out += parts.key;
  out += ": ";
  out += value;
  return out;
}

// A block scalar header (| or > with an optional indentation digit and chomping sign) is all a
// line may hold after the indicator, but for spaces and a comment.
bool is_block_header(std::string_view value) {
  std::size_t i = 1;
  while (i < value.size() &&
         (value[i] == '+' || value[i] == '-' || (value[i] >= '1' && value[i] <= '9')))
    ++i;
  while (i < value.size() && value[i] == ' ') ++i;
  return i == value.size() || value[i] == '#';
}

// True when `value` is an anchor or alias as YAML writes them, `&name …` or a lone `*name` (an
// ASCII name): sharing, which E009 refuses as such, rather than text that starts with & or *.
bool looks_like_yaml_name(std::string_view value) {
  std::size_t end = 1;
  while (end < value.size() && is_key_char(value[end])) ++end;
  if (end == 1) return false;
  std::string_view after = value.substr(end);
  if (!after.empty() && after[0] != ' ') return false;
  while (after.starts_with(' ')) after.remove_prefix(1);
  return value[0] == '&' || after.empty() || after[0] == '#';
}

std::optional<Slip> slip_on(std::string_view line, int number) {
  const LineParts parts = parts_of(line);
  if (parts.indent.find('\t') != std::string_view::npos)
    return Slip{SlipKind::Tab, number,
                trf("YAML indents with spaces, never tabs: replace each tab at the start of "
                    "line {} with spaces (two per level)",
                    number)};
  if (parts.key.empty()) return std::nullopt;
  if (parts.rest.starts_with(kFullWidthColon)) {
    std::string_view value = parts.rest.substr(kFullWidthColon.size());
    while (value.starts_with(' ')) value.remove_prefix(1);
    return Slip{SlipKind::FullWidthColon, number,
                trf("after a key YAML needs an ASCII colon and a space, not the full-width `：`: "
                    "{}",
                    spaced_line(parts, value))};
  }
  if (!parts.rest.starts_with(':')) return std::nullopt;
  std::string_view value = parts.rest.substr(1);
  if (!value.empty() && value[0] != ' ')
    return Slip{SlipKind::NoSpace, number,
                trf("YAML needs a space after the colon of a key: {}", spaced_line(parts, value))};
  while (value.starts_with(' ')) value.remove_prefix(1);
  if (value.empty()) return std::nullopt;
  if ((value[0] == '*' || value[0] == '&') && looks_like_yaml_name(value)) return std::nullopt;
  const std::string quoted = quoted_line(parts, value);
  switch (value[0]) {
    case '*':
      return Slip{SlipKind::Alias, number,
                  trf("YAML reads a value starting with `*` as an alias (*name); write the text in "
                      "double quotes: {}",
                      quoted)};
    case '&':
      return Slip{SlipKind::Anchor, number,
                  trf("YAML reads a value starting with `&` as an anchor (&name); write the text "
                      "in double quotes: {}",
                      quoted)};
    case '!':
      return Slip{SlipKind::Tag, number,
                  trf("YAML reads a value starting with `!` as a tag (!name); write the text in "
                      "double quotes: {}",
                      quoted)};
    case '%':
    case '@':
    case '`':
      return Slip{
          SlipKind::Reserved, number,
          trf("YAML reserves {} at the start of a value; write the text in double "
              "quotes: {}",
              value[0] == '`' ? std::string("'`'") : "`" + std::string(1, value[0]) + "`", quoted)};
    case '|':
    case '>':
      if (is_block_header(value)) return std::nullopt;
      return Slip{
          SlipKind::Block, number,
          trf("YAML reads a value starting with `{}` as a block of lines; write the text in "
              "double quotes: {}",
              value.substr(0, 1), quoted)};
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<Slip> find_slip(std::string_view text, int line) {
  const std::vector<std::string_view> lines = lines_of(text);
  for (int number = line; number >= 1 && number >= line - 2; --number) {
    if (static_cast<std::size_t>(number) > lines.size()) continue;
    if (auto slip = slip_on(lines[static_cast<std::size_t>(number) - 1], number)) return slip;
  }
  return std::nullopt;
}

std::optional<std::string> key_slip_hint(std::string_view key) {
  const LineParts parts = parts_of(key);
  if (parts.key.empty() || !parts.indent.empty() || !parts.dash.empty()) return std::nullopt;
  if (!parts.rest.starts_with(kFullWidthColon) &&
      !(parts.rest.starts_with(':') && parts.rest.size() > 1 && parts.rest[1] != ' '))
    return std::nullopt;
  auto slip = slip_on(key, 0);
  if (!slip) return std::nullopt;
  return slip->hint;
}

}  // namespace ccnt
