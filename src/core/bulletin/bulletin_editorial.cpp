#include "core/bulletin/bulletin_editorial.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/diag/message_catalog.hpp"
#include "core/policy/text_checks.hpp"
#include "core/util/edit_distance.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {
namespace {

constexpr std::array<std::string_view, 4> kTopKeys{"national", "local", "credits", "appendix"};
constexpr std::array<std::string_view, 2> kSectionKeys{"overview", "groups"};
constexpr std::array<std::string_view, 2> kGroupKeys{"lead", "policies"};
constexpr std::array<std::string_view, 2> kAppendixParts{kAppendixCounts, kAppendixTargets};

std::string kind_name(const Node& node) {
  switch (node.kind) {
    case Node::Kind::Map:
      return trf("a mapping");
    case Node::Kind::Sequence:
      return trf("a list");
    case Node::Kind::Scalar:
      return trf("text");
    case Node::Kind::Null:
      break;
  }
  return trf("empty");
}

template <std::size_t N>
std::vector<std::string> names(const std::array<std::string_view, N>& known) {
  return {known.begin(), known.end()};
}

template <std::size_t N>
bool is_known(const std::array<std::string_view, N>& known, std::string_view key) {
  return std::find(known.begin(), known.end(), key) != known.end();
}

// Reads the Node tree of one file, reporting what does not fit the format.
class EditorialReader {
 public:
  EditorialReader(const std::string& path, Diagnostics& diagnostics)
      : path_(path), out_(diagnostics) {}

  void read(const Node& document, BulletinEditorial& editorial) {
    if (!document.is_map()) {
      wrong_type(document, trf("the file"), trf("a mapping with the keys national, local, credits"),
                 trf("start from `ccnt report --month YYYY-MM --init`"));
      return;
    }
    for (const MapEntry& entry : document.entries) {
      if (!check_key(entry, kTopKeys, trf("an editorial file"))) continue;
      if (entry.key == "national") {
        read_section(entry, editorial.national);
      } else if (entry.key == "local") {
        read_section(entry, editorial.local);
      } else if (entry.key == "credits") {
        if (auto text = read_text(entry.value, "credits")) editorial.credits = *text;
        editorial.credits_mark = entry.value.mark;
      } else {
        read_appendix(entry.value, editorial.appendix);
      }
    }
  }

 private:
  template <std::size_t N>
  bool check_key(const MapEntry& entry, const std::array<std::string_view, N>& known,
                 std::string_view where) {
    if (is_known(known, entry.key)) return true;
    const auto suggestions = closest_matches(entry.key, names(known), 1);
    out_.error("E060", path_, entry.key_mark, trf("unknown key `{}` in {}", entry.key, where),
               suggestions.empty() ? trf("the keys here are {}", fmt::join(known, ", "))
                                   : trf("did you mean `{}`? (the keys here are {})",
                                         suggestions.front(), fmt::join(known, ", ")));
    return false;
  }

  void wrong_type(const Node& node, std::string_view what, std::string_view expected,
                  std::string hint = {}) {
    out_.error("E061", path_, node.mark,
               trf("{} should be {}, not {}", what, expected, kind_name(node)), std::move(hint));
  }

  // A scalar's text; null gives "" and anything else an error.
  std::optional<std::string> read_text(const Node& node, std::string_view what) {
    if (node.is_scalar()) return node.scalar;
    if (node.kind == Node::Kind::Null) return std::string();
    wrong_type(node, fmt::format("`{}`", what), trf("text"),
               trf("write the paragraph on one line after the colon, or as a YAML block (|)"));
    return std::nullopt;
  }

  void read_section(const MapEntry& entry, BulletinSection& section) {
    section.present = true;
    section.mark = entry.key_mark;
    const Node& value = entry.value;
    if (value.kind == Node::Kind::Null) return;
    if (!value.is_map()) {
      wrong_type(value, fmt::format("`{}`", entry.key), trf("a mapping with `groups`"));
      return;
    }
    for (const MapEntry& field : value.entries) {
      if (!check_key(field, kSectionKeys, fmt::format("`{}`", entry.key))) continue;
      if (field.key == "overview")
        read_overview(field.value, section);
      else
        read_groups(field.value, section);
    }
  }

  void read_overview(const Node& value, BulletinSection& section) {
    if (value.is_scalar()) {
      section.overview.push_back(value.scalar);
      section.overview_marks.push_back(value.mark);
      return;
    }
    if (value.kind == Node::Kind::Null) return;
    if (!value.is_sequence()) {
      wrong_type(value, "`overview`", trf("a list of paragraphs"));
      return;
    }
    for (const Node& item : value.items) {
      if (auto text = read_text(item, "overview")) {
        section.overview.push_back(*text);
        section.overview_marks.push_back(item.mark);
      }
    }
  }

  void read_groups(const Node& value, BulletinSection& section) {
    if (value.kind == Node::Kind::Null) return;
    if (!value.is_sequence()) {
      wrong_type(value, "`groups`", trf("a list of groups, each with `lead` and `policies`"),
                 trf("start each group with `- lead:`"));
      return;
    }
    for (const Node& item : value.items) {
      if (!item.is_map()) {
        wrong_type(item, trf("a group"), trf("a mapping with `lead` and `policies`"));
        continue;
      }
      BulletinGroup group;
      for (const MapEntry& field : item.entries) {
        if (!check_key(field, kGroupKeys, trf("a group"))) continue;
        if (field.key == "lead") {
          if (auto text = read_text(field.value, "lead")) group.lead = *text;
          group.lead_mark = field.value.mark;
        } else {
          read_policy_ids(field.value, group);
        }
      }
      section.groups.push_back(std::move(group));
    }
  }

  void read_policy_ids(const Node& value, BulletinGroup& group) {
    if (value.kind == Node::Kind::Null) return;
    if (!value.is_sequence()) {
      wrong_type(value, "`policies`", trf("a list of policy ids"),
                 trf("write one `- <id>` per line"));
      return;
    }
    for (const Node& item : value.items) {
      if (!item.is_scalar()) {
        wrong_type(item, trf("a policy id"), trf("text"));
        continue;
      }
      group.policy_ids.push_back(item.scalar);
      group.policy_marks.push_back(item.mark);
    }
  }

  void read_appendix(const Node& value, std::vector<std::string>& appendix) {
    if (value.kind == Node::Kind::Null) return;
    if (!value.is_sequence()) {
      wrong_type(value, "`appendix`", trf("a list"),
                 trf("for example `appendix: [{}]`", fmt::join(kAppendixParts, ", ")));
      return;
    }
    for (const Node& item : value.items) {
      if (!item.is_scalar()) {
        wrong_type(item, trf("an `appendix` entry"), trf("text"));
        continue;
      }
      if (!is_known(kAppendixParts, item.scalar)) {
        out_.error("E069", path_, item.mark, trf("unknown appendix part `{}`", item.scalar),
                   trf("the parts are {}", fmt::join(kAppendixParts, ", ")));
        continue;
      }
      appendix.push_back(item.scalar);
    }
  }

  const std::string& path_;
  Diagnostics& out_;
};

}  // namespace

bool BulletinEditorial::shows(std::string_view part) const {
  return std::find(appendix.begin(), appendix.end(), part) != appendix.end();
}

std::optional<PartialDate> parse_bulletin_month(std::string_view text) {
  if (text.size() != 7) return std::nullopt;
  auto date = PartialDate::parse(text);
  if (!date || date->month == 0 || date->day != 0 || !date->is_real()) return std::nullopt;
  return date;
}

std::optional<PartialDate> bulletin_month_of_file_name(std::string_view file_name) {
  for (std::string_view extension : {".yaml", ".yml"})
    if (file_name.ends_with(extension))
      return parse_bulletin_month(file_name.substr(0, file_name.size() - extension.size()));
  return std::nullopt;
}

std::optional<BulletinEditorial> parse_bulletin_editorial(std::string_view bytes,
                                                          const std::string& path,
                                                          const PartialDate& month,
                                                          Diagnostics& diagnostics) {
  const auto document = parse_yaml(bytes, path, diagnostics);
  if (!document) return std::nullopt;
  check_text(*document, path, editorial_text_rules(), diagnostics);
  BulletinEditorial editorial;
  editorial.path = path;
  editorial.month = month;
  EditorialReader(path, diagnostics).read(*document, editorial);
  return editorial;
}

}  // namespace ccnt
