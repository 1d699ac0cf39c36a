#include "core/policy/policy_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/yaml/yaml_scalar.hpp"

namespace ccnt {

namespace {

class RecordYamlWriter {
 public:
  void scalar(std::string_view key, std::string_view value, int indent = 0) {
    if (value.empty()) return;
    line(indent, fmt::format("{}: {}", key, yaml_scalar(value)));
  }
  // Dates are always quoted, as the schema's descriptions ask.
  void date(std::string_view key, const std::optional<PartialDate>& value) {
    if (value) line(0, fmt::format("{}: \"{}\"", key, value->to_string()));
  }
  void list(std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    line(0, fmt::format("{}:", key));
    for (const std::string& value : values) line(2, "- " + yaml_scalar(value));
  }
  void raw(int indent, std::string_view text) { line(indent, text); }
  std::string take() { return std::move(out_); }

 private:
  void line(int indent, std::string_view text) {
    out_.append(static_cast<std::size_t>(indent), ' ');
    out_ += text;
    out_ += '\n';
  }
  std::string out_;
};

void write_target(RecordYamlWriter& out, const Target& target) {
  // The first key goes on the "- " line, the others under it.
  out.raw(2, fmt::format("- indicator: {}", yaml_scalar(target.indicator)));
  out.scalar("text", target.text, 4);
  out.raw(4, fmt::format("value: {}", target.value));
  out.scalar("unit", target.unit, 4);
  out.scalar("kind", target.kind, 4);
  out.scalar("qualifier", target.qualifier, 4);
  if (target.base_year) out.raw(4, fmt::format("base_year: {}", *target.base_year));
  out.raw(4, fmt::format("target_year: {}", target.target_year));
  out.scalar("scope", target.scope, 4);
}

}  // namespace

std::string policy_file_text(const Policy& policy, std::size_t depth,
                             std::string_view schema_file) {
  RecordYamlWriter out;
  std::string up;
  for (std::size_t i = 0; i < depth; ++i) up += "../";
  out.raw(0, fmt::format("# yaml-language-server: $schema={}schemas/{}", up, schema_file));
  out.scalar("id", policy.id);
  if (policy.stub) out.raw(0, "stub: true");
  out.scalar("title", policy.title);
  out.scalar("title_en", policy.title_en);
  out.scalar("region", policy.region);
  out.scalar("level", policy.level);
  out.scalar("sector", policy.sector);
  out.scalar("subsector", policy.subsector);
  out.list("sectors", policy.sectors);
  out.list("issuers", policy.issuers);
  out.scalar("doc_type", policy.doc_type);
  out.scalar("document_number", policy.document_number);
  out.date("published", policy.published);
  out.date("added", policy.added);
  out.date("updated", policy.updated);
  out.scalar("source", policy.source);
  out.list("source_ids", policy.source_ids);
  out.scalar("status", policy.status);
  out.scalar("instrument", policy.instrument);
  for (const RelationKind kind : kRelationKinds)
    out.list(relation_field(kind), relation_ids(policy.relations.of(kind)));
  out.scalar("headline", policy.headline);
  out.scalar("summary", policy.summary);
  if (!policy.targets.empty()) {
    out.raw(0, "targets:");
    for (const Target& target : policy.targets) write_target(out, target);
  }
  out.list("tags", policy.tags);
  return out.take();
}

std::size_t schema_depth(const std::filesystem::path& file,
                         const std::filesystem::path& policies_dir) {
  const std::filesystem::path relative = file.lexically_relative(policies_dir);
  return static_cast<std::size_t>(std::distance(relative.begin(), relative.end()));
}

}  // namespace ccnt
