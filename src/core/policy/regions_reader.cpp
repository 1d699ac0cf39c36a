#include "core/policy/regions_reader.hpp"

#include <string>

namespace ccnt {
namespace {

struct Decline {};

bool is_space_or_end(std::string_view text, std::size_t at) {
  return at >= text.size() || text[at] == ' ';
}

// A plain scalar as the YAML reader would keep it verbatim as a string: no indicator first,
// no `: ` or ` #` inside, not a null.
bool is_safe_plain(std::string_view text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos)
    return false;
  if (text.back() == ':' || text.back() == ' ') return false;
  return text.find(": ") == std::string_view::npos && text.find(" #") == std::string_view::npos;
}

// One scalar: "double-quoted" without escapes, or plain; a view of its text in `text`.
std::string_view scalar_of(std::string_view text) {
  if (!text.empty() && text.front() == '"') {
    if (text.size() < 2 || text.back() != '"') throw Decline{};
    const std::string_view inner = text.substr(1, text.size() - 2);
    if (inner.find_first_of("\"\\") != std::string_view::npos) throw Decline{};
    return inner;
  }
  if (!is_safe_plain(text)) throw Decline{};
  return text;
}

// `[a, b, "c"]` on one line.
std::vector<std::string> list_of(std::string_view text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') throw Decline{};
  std::string_view rest = text.substr(1, text.size() - 2);
  std::vector<std::string> items;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.find_first_of("[]{}") != std::string_view::npos) throw Decline{};
    items.emplace_back(scalar_of(item));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
    if (rest.empty()) throw Decline{};  // a trailing comma
  }
  return items;
}

// Sets one field of `region`; a key twice or an unknown key declines.
void set_field(Region& region, unsigned& seen, std::string_view key, std::string_view value) {
  static constexpr std::string_view kKeys[] = {"slug",  "name", "full_name", "code",
                                               "level", "kind", "parent",    "aliases"};
  unsigned bit = 0;
  while (bit < std::size(kKeys) && kKeys[bit] != key) ++bit;
  if (bit == std::size(kKeys) || (seen & (1u << bit))) throw Decline{};
  seen |= 1u << bit;
  if (key == "aliases") {
    region.aliases = list_of(value);
    return;
  }
  static constexpr std::string Region::*kFields[] = {
      &Region::slug,  &Region::name, &Region::full_name, &Region::code,
      &Region::level, &Region::kind, &Region::parent};
  (region.*kFields[bit]).assign(scalar_of(value));
}

// The number of entries `text` can hold at most: lines that start with `  - `.
std::size_t entries_at_most(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = text.find("\n  - "); at != std::string_view::npos;
       at = text.find("\n  - ", at + 5))
    ++count;
  return count + 1;
}

// `key: value` after `prefix`; the key is letters and _.
bool split_field(std::string_view line, std::string_view prefix, std::string_view& key,
                 std::string_view& value) {
  if (!line.starts_with(prefix)) return false;
  const std::string_view rest = line.substr(prefix.size());
  std::size_t i = 0;
  while (i < rest.size() && ((rest[i] >= 'a' && rest[i] <= 'z') || rest[i] == '_')) ++i;
  if (i == 0 || i + 1 >= rest.size() || rest[i] != ':' || !is_space_or_end(rest, i + 1))
    return false;
  key = rest.substr(0, i);
  value = rest.substr(i + 2);
  return !value.empty() && value.front() != ' ';
}

}  // namespace

std::optional<RegionList> read_regions_layout(std::string_view text) {
  if (text.find_first_of("\t\r") != std::string_view::npos) return std::nullopt;
  RegionList entries;
  const std::size_t most = entries_at_most(text);
  entries.regions.reserve(most);
  entries.marks.reserve(most);
  unsigned seen = 0;
  bool in_list = false;
  int number = 0;
  try {
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(start, end - start);
      start = end + 1;
      ++number;
      const std::size_t first = line.find_first_not_of(' ');
      if (first == std::string_view::npos || line[first] == '#') continue;  // blank, comment
      std::string_view key, value;
      if (!in_list) {
        if (line != "regions:") throw Decline{};
        in_list = true;
      } else if (split_field(line, "  - ", key, value)) {
        entries.regions.emplace_back();
        entries.marks.push_back({number, 5});
        seen = 0;
        set_field(entries.regions.back(), seen, key, value);
      } else if (!entries.regions.empty() && split_field(line, "    ", key, value)) {
        set_field(entries.regions.back(), seen, key, value);
      } else {
        throw Decline{};
      }
    }
  } catch (const Decline&) {
    return std::nullopt;
  }
  if (!in_list) return std::nullopt;
  return entries;
}

}  // namespace ccnt
