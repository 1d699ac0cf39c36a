#include "core/policy/policy_relations.hpp"

namespace ccnt {

namespace {

// The list of `kind` in `relations`, const or not.
template <typename Relations>
auto& list_of(Relations& relations, RelationKind kind) {
  switch (kind) {
    case RelationKind::Supersedes:
      return relations.supersedes;
    case RelationKind::Amends:
      return relations.amends;
    case RelationKind::Implements:
      break;
  }
  return relations.implements;
}

}  // namespace

const std::vector<RelationLink>& PolicyRelations::of(RelationKind kind) const {
  return list_of(*this, kind);
}

std::vector<RelationLink>& PolicyRelations::of(RelationKind kind) {
  return list_of(*this, kind);
}

std::string_view relation_field(RelationKind kind) {
  switch (kind) {
    case RelationKind::Supersedes:
      return "supersedes";
    case RelationKind::Amends:
      return "amends";
    case RelationKind::Implements:
      break;
  }
  return "implements";
}

std::string_view inverse_relation_field(RelationKind kind) {
  switch (kind) {
    case RelationKind::Supersedes:
      return "superseded_by";
    case RelationKind::Amends:
      return "amended_by";
    case RelationKind::Implements:
      break;
  }
  return "implemented_by";
}

PolicyRelations relations_from_node(const Node& document) {
  PolicyRelations relations;
  for (const RelationKind kind : kRelationKinds) {
    const Node* list = document.find(relation_field(kind));
    if (!list || !list->is_sequence()) continue;
    for (const Node& item : list->items)
      if (item.is_scalar()) relations.of(kind).push_back({item.scalar, item.mark});
  }
  return relations;
}

std::vector<std::string> relation_ids(const std::vector<RelationLink>& links) {
  std::vector<std::string> ids;
  ids.reserve(links.size());
  for (const RelationLink& link : links) ids.push_back(link.id);
  return ids;
}

}  // namespace ccnt
