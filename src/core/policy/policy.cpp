#include "core/policy/policy.hpp"

#include <algorithm>
#include <iterator>

namespace ccnt {
namespace {

std::optional<PartialDate> date_of(const Node& map, std::string_view key) {
  const Node* value = map.find(key);
  if (!value || !value->is_scalar()) return std::nullopt;
  return PartialDate::parse(value->scalar);
}

std::optional<int> year_of(const Node& map, std::string_view key) {
  const Node* value = map.find(key);
  return value ? value->as_int() : std::nullopt;
}

// The string fields drop_text keeps.
constexpr std::string Policy::*kIdentifyingFields[] = {
    &Policy::path,   &Policy::id,       &Policy::title,    &Policy::region, &Policy::level,
    &Policy::sector, &Policy::doc_type, &Policy::headline, &Policy::status};

}  // namespace

bool Policy::has_sector(const std::string& slug) const {
  return sector == slug || std::find(sectors.begin(), sectors.end(), slug) != sectors.end();
}

bool is_identifying(std::string Policy::*field) {
  return std::find(std::begin(kIdentifyingFields), std::end(kIdentifyingFields), field) !=
         std::end(kIdentifyingFields);
}

bool is_identifying(std::vector<std::string> Policy::*field) {
  return field == &Policy::issuers || field == &Policy::source_ids;
}

void drop_text(Policy& policy) {
  Policy slim;
  for (std::string Policy::*field : kIdentifyingFields) slim.*field = std::move(policy.*field);
  slim.issuers = std::move(policy.issuers);
  slim.source_ids = std::move(policy.source_ids);
  slim.relations = std::move(policy.relations);
  slim.stub = policy.stub;
  slim.published = policy.published;
  slim.added = policy.added;
  slim.updated = policy.updated;
  slim.id_mark = policy.id_mark;
  slim.title_mark = policy.title_mark;
  std::swap(policy, slim);  // a move assignment would keep the strings' buffers
}

Policy policy_from_node(const Node& document, std::string path) {
  Policy policy;
  policy.path = std::move(path);
  policy.id = scalar_at(document, "id");
  if (const Node* stub = document.find("stub")) policy.stub = stub->as_bool().value_or(false);
  policy.title = scalar_at(document, "title");
  policy.title_en = scalar_at(document, "title_en");
  policy.region = scalar_at(document, "region");
  policy.level = scalar_at(document, "level");
  policy.sector = scalar_at(document, "sector");
  policy.subsector = scalar_at(document, "subsector");
  policy.sectors = scalars_at(document, "sectors");
  policy.issuers = scalars_at(document, "issuers");
  policy.doc_type = scalar_at(document, "doc_type");
  policy.published = date_of(document, "published");
  policy.added = date_of(document, "added").value_or(PartialDate{});
  policy.updated = date_of(document, "updated");
  policy.source = scalar_at(document, "source");
  policy.source_ids = scalars_at(document, "source_ids");
  policy.document_number = scalar_at(document, "document_number");
  policy.status = scalar_at(document, "status");
  policy.instrument = scalar_at(document, "instrument");
  policy.summary = scalar_at(document, "summary");
  policy.headline = scalar_at(document, "headline");
  policy.tags = scalars_at(document, "tags");
  policy.relations = relations_from_node(document);
  if (const Node* id = document.find("id")) policy.id_mark = id->mark;
  if (const Node* title = document.find("title")) policy.title_mark = title->mark;
  if (const Node* targets = document.find("targets"); targets && targets->is_sequence()) {
    for (const Node& item : targets->items) {
      if (!item.is_map()) continue;
      Target target;
      target.indicator = scalar_at(item, "indicator");
      target.text = scalar_at(item, "text");
      if (const Node* value = item.find("value")) target.value = value->as_number().value_or(0);
      target.unit = scalar_at(item, "unit");
      target.kind = scalar_at(item, "kind");
      target.qualifier = scalar_at(item, "qualifier");
      target.base_year = year_of(item, "base_year");
      target.target_year = year_of(item, "target_year").value_or(0);
      target.scope = scalar_at(item, "scope");
      target.mark = item.mark;
      policy.targets.push_back(std::move(target));
    }
  }
  return policy;
}

}  // namespace ccnt
