#include "core/output/policy_export.hpp"

#include <fmt/format.h>

#include "core/output/json_writer.hpp"
#include "core/output/markdown_escape.hpp"
#include "core/output/policy_table.hpp"
#include "core/output/sheet.hpp"
#include "core/output/text_table.hpp"
#include "core/yaml/yaml_scalar.hpp"

namespace ccnt {
namespace {

std::string region_name(const Registry& registry, const std::string& slug) {
  return region_name_or_slug(registry, slug);
}

std::string sector_name(const Registry& registry, const std::string& slug) {
  return sector_name_or_slug(registry, slug);
}

void optional_string(JsonWriter& json, std::string_view key, const std::string& value) {
  if (!value.empty()) json.key(key).value(value);
}

void write_target_json(JsonWriter& json, const Target& target, const Registry& registry) {
  json.begin_object();
  json.key("indicator").value(target.indicator);
  if (const Indicator* indicator = registry.find_indicator(target.indicator))
    json.key("indicator_name").value(indicator->name);
  json.key("text").value(target.text);
  json.key("value").value(target.value);
  json.key("unit").value(target.unit);
  json.key("kind").value(target.kind);
  optional_string(json, "qualifier", target.qualifier);
  if (target.base_year) json.key("base_year").value(*target.base_year);
  json.key("target_year").value(target.target_year);
  optional_string(json, "scope", target.scope);
  json.end_object();
}

// --- YAML -------------------------------------------------------------------

// Writes YAML block mappings with a fixed indentation for nested items.
class ExportYamlWriter {
 public:
  explicit ExportYamlWriter(std::string& out) : out_(out) {}

  // `indent` is what precedes the key on its line ("- " for the first key of an item).
  void string(std::string_view indent, std::string_view key, std::string_view value,
              bool always_quote = false) {
    line(indent, key) += ' ' + (always_quote ? yaml_double_quoted(value) : yaml_scalar(value));
    out_ += '\n';
  }
  void optional(std::string_view indent, std::string_view key, const std::string& value,
                bool always_quote = false) {
    if (!value.empty()) string(indent, key, value, always_quote);
  }
  void number(std::string_view indent, std::string_view key, double value) {
    std::string text;
    JsonWriter(text).value(value);
    line(indent, key) += ' ' + text;
    out_ += '\n';
  }
  void list(std::string_view indent, std::string_view key, const std::vector<std::string>& items) {
    line(indent, key);
    if (items.empty()) {
      out_ += " []\n";
      return;
    }
    out_ += '\n';
    for (const std::string& item : items) {
      out_ += indent;
      out_ += "  - ";
      out_ += yaml_scalar(item);
      out_ += '\n';
    }
  }
  std::string& line(std::string_view indent, std::string_view key) {
    out_ += indent;
    out_ += key;
    out_ += ':';
    return out_;
  }

 private:
  std::string& out_;
};

void append_export_yaml(std::string& out, const Policy& policy, const Registry& registry) {
  ExportYamlWriter yaml(out);
  const std::string_view first = "- ";
  const std::string_view in = "  ";
  yaml.string(first, "id", policy.id);
  if (policy.stub) yaml.line(in, "stub") += " true\n";
  yaml.string(in, "title", policy.title);
  yaml.optional(in, "title_en", policy.title_en);
  yaml.string(in, "region", policy.region);
  yaml.string(in, "region_name", region_name(registry, policy.region));
  yaml.string(in, "level", policy.level);
  yaml.string(in, "sector", policy.sector);
  yaml.string(in, "sector_name", sector_name(registry, policy.sector));
  yaml.optional(in, "subsector", policy.subsector);
  yaml.list(in, "sectors", policy.sectors);
  yaml.list(in, "issuers", policy.issuers);
  yaml.string(in, "doc_type", policy.doc_type);
  if (policy.published) yaml.string(in, "published", policy.published->to_string(), true);
  yaml.string(in, "added", policy.added.to_string(), true);
  if (policy.updated) yaml.string(in, "updated", policy.updated->to_string(), true);
  yaml.optional(in, "source", policy.source);
  if (!policy.source_ids.empty()) yaml.list(in, "source_ids", policy.source_ids);
  yaml.optional(in, "document_number", policy.document_number);
  yaml.optional(in, "status", policy.status);
  yaml.optional(in, "instrument", policy.instrument);
  for (const RelationKind kind : kRelationKinds)
    if (!policy.relations.of(kind).empty())
      yaml.list(in, relation_field(kind), relation_ids(policy.relations.of(kind)));
  yaml.optional(in, "headline", policy.headline);
  yaml.string(in, "summary", policy.summary);
  yaml.line(in, "targets");
  if (policy.targets.empty()) out += " []";
  out += '\n';
  for (const Target& target : policy.targets) {
    const std::string_view item = "    - ";
    const std::string_view field = "      ";
    yaml.string(item, "indicator", target.indicator);
    if (const Indicator* indicator = registry.find_indicator(target.indicator))
      yaml.string(field, "indicator_name", indicator->name);
    yaml.string(field, "text", target.text);
    yaml.number(field, "value", target.value);
    yaml.string(field, "unit", target.unit);
    yaml.string(field, "kind", target.kind);
    yaml.optional(field, "qualifier", target.qualifier);
    if (target.base_year) yaml.number(field, "base_year", *target.base_year);
    yaml.number(field, "target_year", target.target_year);
    yaml.optional(field, "scope", target.scope);
  }
  yaml.list(in, "tags", policy.tags);
  yaml.string(in, "path", policy.path);
}

// --- tables -------------------------------------------------------------------

// One policy as the row of the CSV and the workbook: the cells of policy_csv_columns().
std::vector<SheetCell> policy_row(const Policy& policy, const Registry& registry) {
  const auto text = [](const std::string& value) { return SheetCell::of(value); };
  const auto list = [](const std::vector<std::string>& items) {
    return SheetCell::of(join_list(items));
  };
  return {text(policy.id),
          text(policy.title),
          text(policy.region),
          text(region_name(registry, policy.region)),
          text(policy.level),
          text(policy.sector),
          text(sector_name(registry, policy.sector)),
          list(policy.issuers),
          text(policy.doc_type),
          SheetCell::of_date(policy.published),
          SheetCell::of_date(policy.added),
          text(policy.source),
          text(policy.summary),
          SheetCell::of_number(static_cast<double>(policy.targets.size())),
          text(policy.path),
          SheetCell::of_bool(policy.stub),
          text(policy.title_en),
          text(policy.subsector),
          list(policy.sectors),
          text(policy.document_number),
          SheetCell::of_date(policy.updated),
          text(policy.status),
          text(policy.instrument),
          list(policy.source_ids),
          list(policy.tags),
          text(policy.headline),
          list(relation_ids(policy.relations.implements)),
          list(relation_ids(policy.relations.supersedes)),
          list(relation_ids(policy.relations.amends))};
}

// One target as a row of the targets table, keyed by its policy's id.
std::vector<SheetCell> target_row(const Policy& policy, const Target& target,
                                  const Registry& registry) {
  const Indicator* indicator = registry.find_indicator(target.indicator);
  return {SheetCell::of(policy.id),
          SheetCell::of(target.indicator),
          SheetCell::of(indicator ? indicator->name : std::string()),
          SheetCell::of(target.text),
          SheetCell::of_number(target.value),
          SheetCell::of(target.unit),
          SheetCell::of(target.kind),
          SheetCell::of(target.qualifier),
          target.base_year ? SheetCell::of_number(*target.base_year) : SheetCell{},
          SheetCell::of_number(target.target_year),
          SheetCell::of(target.scope)};
}

TextTable markdown_table(const std::vector<const Policy*>& policies, const Registry& registry,
                         HeaderLanguage headers) {
  TextTable table;
  for (std::string_view key : {"published", "region", "sector", "title", "id"})
    table.headers.emplace_back(label(key, headers));
  table.markdown = {false, false, false, true, true};  // the title's link and the id's code span
  for (const Policy* policy : policies) {
    // Only an https source becomes a link; any other is left out rather than shown as a link.
    table.rows.push_back({policy->published ? policy->published->to_string() : std::string(),
                          region_name(registry, policy->region),
                          sector_name(registry, policy->sector),
                          markdown_link(policy->title, policy->source),
                          "`" + markdown_escape_inline(policy->id) + "`"});
  }
  return table;
}

}  // namespace

void append_policy_json(std::string& out, const Policy& policy, const Registry& registry,
                        bool pretty, const RelationIndex* relations) {
  JsonWriter json(out, pretty);
  json.begin_object();
  json.key("id").value(policy.id);
  if (policy.stub) json.key("stub").value(true);
  json.key("title").value(policy.title);
  optional_string(json, "title_en", policy.title_en);
  json.key("region").value(policy.region);
  json.key("region_name").value(region_name(registry, policy.region));
  json.key("level").value(policy.level);
  json.key("sector").value(policy.sector);
  json.key("sector_name").value(sector_name(registry, policy.sector));
  optional_string(json, "subsector", policy.subsector);
  json.key("sectors").strings(policy.sectors);
  json.key("issuers").strings(policy.issuers);
  json.key("doc_type").value(policy.doc_type);
  if (policy.published) json.key("published").value(policy.published->to_string());
  json.key("added").value(policy.added.to_string());
  if (policy.updated) json.key("updated").value(policy.updated->to_string());
  optional_string(json, "source", policy.source);
  if (!policy.source_ids.empty()) json.key("source_ids").strings(policy.source_ids);
  optional_string(json, "document_number", policy.document_number);
  optional_string(json, "status", policy.status);
  optional_string(json, "instrument", policy.instrument);
  for (const RelationKind kind : kRelationKinds)
    if (!policy.relations.of(kind).empty())
      json.key(relation_field(kind)).strings(relation_ids(policy.relations.of(kind)));
  if (relations)
    for (const RelationKind kind : kRelationKinds) {
      std::vector<std::string> ids;
      for (const Policy* other : relations->naming(policy, kind)) ids.push_back(other->id);
      if (!ids.empty()) json.key(inverse_relation_field(kind)).strings(ids);
    }
  optional_string(json, "headline", policy.headline);
  json.key("summary").value(policy.summary);
  json.key("targets").begin_array();
  for (const Target& target : policy.targets) write_target_json(json, target, registry);
  json.end_array();
  json.key("tags").strings(policy.tags);
  json.key("path").value(policy.path);
  json.end_object();
}

const std::vector<std::string>& policy_csv_columns() {
  // The first fifteen as before relations and the rest were added, so that a reader of the
  // older CSV finds its columns where they were.
  static const std::vector<std::string> kColumns = {
      "id",          "title",           "region",     "region_name", "level",      "sector",
      "sector_name", "issuers",         "doc_type",   "published",   "added",      "source",
      "summary",     "targets",         "path",       "stub",        "title_en",   "subsector",
      "sectors",     "document_number", "updated",    "status",      "instrument", "source_ids",
      "tags",        "headline",        "implements", "supersedes",  "amends"};
  return kColumns;
}

const std::vector<std::string>& target_csv_columns() {
  static const std::vector<std::string> kColumns = {
      "policy", "indicator", "indicator_name", "text",        "value", "unit",
      "kind",   "qualifier", "base_year",      "target_year", "scope"};
  return kColumns;
}

namespace {

Sheet policies_sheet(const std::vector<const Policy*>& policies, const Registry& registry,
                     HeaderLanguage headers = HeaderLanguage::English) {
  Sheet sheet{"policies", header_labels(policy_csv_columns(), headers), {}};
  sheet.rows.reserve(policies.size());
  for (const Policy* policy : policies) sheet.rows.push_back(policy_row(*policy, registry));
  return sheet;
}

Sheet policy_targets_sheet(const std::vector<const Policy*>& policies, const Registry& registry,
                           HeaderLanguage headers = HeaderLanguage::English) {
  Sheet sheet{"targets", header_labels(target_csv_columns(), headers), {}};
  for (const Policy* policy : policies)
    for (const Target& target : policy->targets)
      sheet.rows.push_back(target_row(*policy, target, registry));
  return sheet;
}

}  // namespace

std::vector<Sheet> policy_sheets(const std::vector<const Policy*>& policies,
                                 const Registry& registry, HeaderLanguage headers) {
  return {policies_sheet(policies, registry, headers),
          policy_targets_sheet(policies, registry, headers)};
}

std::string export_policy_targets(const std::vector<const Policy*>& policies,
                                  const Registry& registry, OutputFormat format, bool bom,
                                  bool formula_guard, HeaderLanguage headers) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  return out + policy_targets_sheet(policies, registry, headers)
                   .text_table()
                   .render_csv(format == OutputFormat::Tsv ? '\t' : ',', formula_guard);
}

std::string export_policies(const std::vector<const Policy*>& policies, const Registry& registry,
                            OutputFormat format, bool bom, bool formula_guard, std::size_t width,
                            std::optional<HeaderLanguage> headers) {
  const HeaderLanguage language = headers.value_or(default_header_language(format));
  std::string out;
  switch (format) {
    case OutputFormat::Table:
      return policy_table(policies, registry, width, language);
    case OutputFormat::Json: {
      if (policies.empty()) return "[]\n";
      out += "[\n";
      for (std::size_t i = 0; i < policies.size(); ++i) {
        std::string object;
        append_policy_json(object, *policies[i], registry, true);
        // Indent the object one level inside the array.
        out += "  ";
        for (char c : object) {
          out += c;
          if (c == '\n') out += "  ";
        }
        out += i + 1 < policies.size() ? ",\n" : "\n";
      }
      out += "]\n";
      return out;
    }
    case OutputFormat::Jsonl:
      for (const Policy* policy : policies) {
        append_policy_json(out, *policy, registry, false);
        out += '\n';
      }
      return out;
    case OutputFormat::Csv:
    case OutputFormat::Tsv:
      if (bom) out += "\xEF\xBB\xBF";
      out += policies_sheet(policies, registry, language)
                 .text_table()
                 .render_csv(format == OutputFormat::Csv ? ',' : '\t', formula_guard);
      return out;
    case OutputFormat::Yaml:
      if (policies.empty()) return "[]\n";
      for (const Policy* policy : policies) append_export_yaml(out, *policy, registry);
      return out;
    case OutputFormat::Markdown:
      return markdown_table(policies, registry, language).render_markdown();
    case OutputFormat::Ids:
      for (const Policy* policy : policies) {
        out += policy->id;
        out += '\n';
      }
      return out;
    default:  // not a format of `ccnt list`
      return out;
  }
}

}  // namespace ccnt
