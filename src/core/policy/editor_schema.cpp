#include "core/policy/editor_schema.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/output/json_writer.hpp"
#include "core/tree/source_file.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {
namespace {

namespace fs = std::filesystem;

// The date patterns of schemas/policy.schema.json, which check the form but not the calendar;
// the editor schema replaces each with the calendar's (calendar_date_pattern).
constexpr std::string_view kFormPatternYearMonthDay =
    "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
constexpr std::string_view kFormPatternMonthDay =
    "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$";

Node text_node(std::string text) {
  Node node;
  node.kind = Node::Kind::Scalar;
  node.scalar = std::move(text);
  node.plain = false;
  return node;
}

Node list_node(const std::vector<std::string>& items) {
  Node node;
  node.kind = Node::Kind::Sequence;
  for (const std::string& item : items) node.items.push_back(text_node(item));
  return node;
}

Node map_node() {
  Node node;
  node.kind = Node::Kind::Map;
  return node;
}

Node* child(Node& map, std::string_view key) {
  if (!map.is_map()) return nullptr;
  for (MapEntry& entry : map.entries)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

// Sets `key` of a mapping, replacing its value or adding it at the end.
Node& set(Node& map, std::string_view key, Node value) {
  if (Node* existing = child(map, key)) return *existing = std::move(value);
  map.entries.push_back(MapEntry{std::string(key), {}, std::move(value)});
  return map.entries.back().value;
}

// properties.<name> of a schema object, or nullptr.
Node* property(Node& schema, std::string_view name) {
  Node* properties = child(schema, "properties");
  return properties ? child(*properties, name) : nullptr;
}

// Values with their descriptions, in order, each value once.
struct EnumList {
  std::vector<std::string> values;
  std::vector<std::string> descriptions;

  bool add(const std::string& value, std::string description) {
    if (value.empty() || std::find(values.begin(), values.end(), value) != values.end())
      return false;
    values.push_back(value);
    descriptions.push_back(std::move(description));
    return true;
  }
};

// Gives a property the values of `list` as its enum, the descriptions editors show beside
// each (enumDescriptions, as VS Code and yaml-language-server read it) and the message for
// a value not among them.
void set_enum(Node& schema, const EnumList& list, std::string error_message) {
  set(schema, "enum", list_node(list.values));
  set(schema, "enumDescriptions", list_node(list.descriptions));
  set(schema, "errorMessage", text_node(std::move(error_message)));
}

EnumList region_enum(const Registry& registry) {
  EnumList list;
  for (const Region& region : registry.regions()) {
    const std::string where = registry.full_path_name(region);
    const std::string kind = region.kind.empty() ? std::string() : " · " + region.kind;
    for (const std::string& name : region_editor_names(registry, region))
      list.add(name, name == region.slug ? where + kind
                                         : fmt::format("{}{} · {}", where, kind, region.slug));
  }
  return list;
}

std::vector<std::string> sector_forms(const Sector& sector) {
  std::vector<std::string> forms{sector.slug, sector.name, sector.name_en};
  forms.insert(forms.end(), sector.aliases.begin(), sector.aliases.end());
  return forms;
}

EnumList sector_enum(const Registry& registry) {
  EnumList list;
  for (const Sector& sector : registry.sectors())
    for (const std::string& form : sector_forms(sector))
      if (registry.find_sector(form) == &sector)
        list.add(form, form == sector.slug
                           ? fmt::format("{} · {}", sector.name, sector.name_en)
                           : fmt::format("{} · {} ({})", sector.name, sector.name_en, sector.slug));
  return list;
}

EnumList subsector_enum(const std::vector<const Sector*>& sectors, const Registry& registry) {
  EnumList list;
  for (const Sector* sector : sectors)
    for (const Subsector& sub : sector->subsectors)
      for (const std::string& form : {sub.slug, sub.name, sub.name_en})
        if (registry.find_subsector(*sector, form) == &sub)
          list.add(form, fmt::format("{} · {} ({}), under {} ({})", sub.name, sub.name_en, sub.slug,
                                     sector->name, sector->slug));
  return list;
}

EnumList indicator_enum(const Registry& registry) {
  EnumList list;
  for (const Indicator& indicator : registry.indicators())
    list.add(indicator.slug,
             fmt::format("{} · {} (in {}; {} is stricter)", indicator.name, indicator.name_en,
                         indicator.unit, indicator.higher_is_stricter ? "higher" : "lower"));
  return list;
}

// What each document type means in the rule of docs/data-model.md: the longest listed type
// the title ends with, so a type that ends a longer one leaves that one out.
EnumList doc_type_enum(const std::vector<std::string>& types) {
  EnumList list;
  for (const std::string& type : types) {
    if (type == "其他") {
      list.add(type, "the title ends in none of the listed types");
      continue;
    }
    std::vector<std::string> longer;
    for (const std::string& other : types)
      if (other.size() > type.size() && other.ends_with(type)) longer.push_back(other);
    std::string description = fmt::format("the title ends in {}", type);
    if (!longer.empty())
      description += fmt::format(" (but not in {}: the longer type wins)", fmt::join(longer, ", "));
    list.add(type, std::move(description));
  }
  return list;
}

// Narrows `subsector` to the subsectors of the primary sector, one `if`/`then` per sector.
Node subsector_rules(const Registry& registry) {
  Node rules;
  rules.kind = Node::Kind::Sequence;
  for (const Sector& sector : registry.sectors()) {
    EnumList forms;
    for (const std::string& form : sector_forms(sector))
      if (registry.find_sector(form) == &sector) forms.add(form, {});
    Node condition = map_node();
    set(condition, "required", list_node({"sector", "subsector"}));
    Node sector_is = map_node();
    set(sector_is, "enum", list_node(forms.values));
    set(set(condition, "properties", map_node()), "sector", std::move(sector_is));

    Node subsector = map_node();
    if (sector.subsectors.empty()) {
      set(subsector, "not", map_node());
      set(subsector, "errorMessage",
          text_node(fmt::format("{} ({}) has no subsectors: remove `subsector`", sector.name,
                                sector.slug)));
    } else {
      const EnumList subs = subsector_enum({&sector}, registry);
      set(subsector, "enum", list_node(subs.values));
      set(subsector, "enumDescriptions", list_node(subs.descriptions));
      set(subsector, "errorMessage",
          text_node(fmt::format("not a subsector of {} ({}); schemas/sectors.yaml lists its "
                                "subsectors",
                                sector.name, sector.slug)));
    }
    Node consequence = map_node();
    set(set(consequence, "properties", map_node()), "subsector", std::move(subsector));

    Node rule = map_node();
    set(rule, "if", std::move(condition));
    set(rule, "then", std::move(consequence));
    rules.items.push_back(std::move(rule));
  }
  return rules;
}

// Replaces the form-only date patterns, wherever they are, with the calendar's.
void check_dates_against_calendar(Node& node) {
  if (node.is_map()) {
    if (Node* pattern = child(node, "pattern"); pattern && pattern->is_scalar()) {
      const bool year_alone = pattern->scalar == kFormPatternYearMonthDay;
      if (year_alone || pattern->scalar == kFormPatternMonthDay) {
        pattern->scalar = calendar_date_pattern(year_alone, true);
        set(node, "patternErrorMessage",
            text_node(year_alone ? "not a date: write YYYY, YYYY-MM or YYYY-MM-DD, a day that "
                                   "exists (2023-02-30 does not)"
                                 : "not a date: write YYYY-MM or YYYY-MM-DD, a day that exists "
                                   "(2023-02-30 does not)"));
      }
    }
    for (MapEntry& entry : node.entries) check_dates_against_calendar(entry.value);
  } else if (node.is_sequence()) {
    for (Node& item : node.items) check_dates_against_calendar(item);
  }
}

void write_json(JsonWriter& out, const Node& node) {
  switch (node.kind) {
    case Node::Kind::Null:
      out.null();
      return;
    case Node::Kind::Sequence:
      out.begin_array();
      for (const Node& item : node.items) write_json(out, item);
      out.end_array();
      return;
    case Node::Kind::Map:
      out.begin_object();
      for (const MapEntry& entry : node.entries) {
        out.key(entry.key);
        write_json(out, entry.value);
      }
      out.end_object();
      return;
    case Node::Kind::Scalar:
      break;
  }
  switch (node.type()) {
    case ValueType::Null:
      out.null();
      break;
    case ValueType::Boolean:
      out.value(node.as_bool().value_or(false));
      break;
    case ValueType::Integer:
      if (auto whole = node.as_int())
        out.value(*whole);
      else
        out.value(node.as_number().value_or(0));
      break;
    case ValueType::Number:
      out.value(node.as_number().value_or(0));
      break;
    default:
      out.value(node.scalar);
  }
}

}  // namespace

std::string calendar_date_pattern(bool year_alone, bool month_alone) {
  // Years 0001-9999; leap years: divisible by 4, centuries only when divisible by 400.
  const std::string year = "([0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)";
  const std::string leap_year =
      "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)";
  const std::string month = "(0[1-9]|1[0-2])";
  const std::string day =
      "((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|"
      "02-(0[1-9]|1[0-9]|2[0-8]))";
  std::string alternatives = year + "-" + day + "|" + leap_year + "-02-29";
  if (month_alone) alternatives += "|" + year + "-" + month;
  if (year_alone) alternatives += "|" + year;
  return "^(" + alternatives + ")$";
}

std::vector<std::string> region_editor_names(const Registry& registry, const Region& region) {
  std::vector<std::string> names;
  const auto add = [&](const std::string& name) {
    if (name.empty()) return false;
    if (std::find(names.begin(), names.end(), name) != names.end()) return true;
    if (registry.find_region(name) != &region) return false;
    names.push_back(name);
    return true;
  };
  add(region.slug);
  const Region* parent = registry.parent_of(region);
  const bool qualify = parent && parent->level != "national";
  if (!add(region.name) && qualify)
    add(parent->name + region.name) || add(parent->full_name + region.name);
  if (!add(region.full_name) && qualify)
    add(parent->full_name + region.full_name) || add(registry.full_path_name(region));
  for (const std::string& alias : region.aliases) add(alias);
  return names;
}

std::string editor_schema_text(const Node& policy_schema, const Registry& registry) {
  Node schema = policy_schema;
  if (!schema.is_map()) schema = map_node();
  set(schema, "$id", text_node("urn:ccnt:schema:policy-editor"));
  set(schema, "$comment",
      text_node("Generated by `ccnt schema --editor` from schemas/policy.schema.json and the "
                "registries (regions.yaml, sectors.yaml, indicators.yaml): do not edit, run it "
                "again after changing them. It adds what editors can check and complete: the "
                "registries' names as enums (enumDescriptions and errorMessage are the "
                "extensions VS Code and yaml-language-server read), the subsectors of each "
                "sector, and dates checked against the calendar. What ccnt alone checks is "
                "listed in docs/editors.md."));

  if (Node* region = property(schema, "region"))
    set_enum(*region, region_enum(registry),
             "unknown region (未知地区): write a slug or a name from schemas/regions.yaml; a "
             "name several regions share takes its enclosing region (北京朝阳)");
  const EnumList sectors = sector_enum(registry);
  const std::string sector_message =
      "unknown sector (未知领域): write a slug or a name from schemas/sectors.yaml";
  if (Node* sector = property(schema, "sector")) set_enum(*sector, sectors, sector_message);
  if (Node* further = property(schema, "sectors"))
    if (Node* items = child(*further, "items")) set_enum(*items, sectors, sector_message);
  if (Node* subsector = property(schema, "subsector")) {
    std::vector<const Sector*> all;
    for (const Sector& sector : registry.sectors()) all.push_back(&sector);
    set_enum(*subsector, subsector_enum(all, registry),
             "unknown subsector: schemas/sectors.yaml lists the subsectors of each sector");
    Node rules = subsector_rules(registry);
    if (Node* all_of = child(schema, "allOf"); all_of && all_of->is_sequence())
      for (Node& rule : rules.items) all_of->items.push_back(std::move(rule));
    else
      set(schema, "allOf", std::move(rules));
  }
  if (Node* doc_type = property(schema, "doc_type")) {
    std::vector<std::string> types;
    if (const Node* values = doc_type->find("enum"); values && values->is_sequence())
      for (const Node& value : values->items) types.push_back(value.scalar);
    set(*doc_type, "enumDescriptions", list_node(doc_type_enum(types).descriptions));
  }
  if (Node* definitions = child(schema, "definitions"))
    if (Node* target = child(*definitions, "target"))
      if (Node* indicator = property(*target, "indicator"))
        set_enum(*indicator, indicator_enum(registry),
                 "unknown indicator (未知指标): write a slug from schemas/indicators.yaml");
  check_dates_against_calendar(schema);

  std::string out;
  JsonWriter writer(out, true);
  write_json(writer, schema);
  out += '\n';
  return out;
}

std::optional<std::string> editor_schema_text(const Project& project, Diagnostics& diagnostics) {
  const fs::path file = project.schemas_dir / kPolicySchemaFile;
  const std::string display = display_path(file);
  const auto bytes =
      read_tree_file(file, display, tree_prefix(project.schemas_dir.parent_path()), diagnostics);
  if (!bytes) return std::nullopt;
  const auto tree = parse_yaml(*bytes, display, diagnostics);
  if (!tree) return std::nullopt;
  return editor_schema_text(*tree, project.registry);
}

bool has_own_schema_file(const Project& project, std::string_view name) {
  std::error_code ec;
  return project.schemas_dir == project.root / "schemas" &&
         fs::is_regular_file(project.schemas_dir / name, ec);
}

std::string_view modeline_schema_file(const Project& project) {
  return has_own_schema_file(project, kEditorSchemaFile) ? kEditorSchemaFile : kPolicySchemaFile;
}

}  // namespace ccnt
