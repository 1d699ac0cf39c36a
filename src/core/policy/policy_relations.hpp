// Links between records, stated in a record by id: the document of a higher level it carries
// out (`implements`: a provincial plan → the national one), and the earlier records it replaces
// (`supersedes`) or changes (`amends`). Checked across files (cross_file_checks.hpp); read both
// ways by core/query/relation_index.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/util/mark.hpp"
#include "core/yaml/document.hpp"

namespace ccnt {

enum class RelationKind { Implements, Supersedes, Amends };

// Every kind, in the order records list them.
inline constexpr RelationKind kRelationKinds[] = {RelationKind::Implements,
                                                  RelationKind::Supersedes, RelationKind::Amends};

// One id a relation field names, with where it is written (for diagnostics across files).
struct RelationLink {
  std::string id;
  Mark mark;

  bool operator==(const RelationLink& other) const = default;
};

// The relation fields of one record; each empty when the record states none.
struct PolicyRelations {
  std::vector<RelationLink> implements;
  std::vector<RelationLink> supersedes;
  std::vector<RelationLink> amends;

  bool empty() const { return implements.empty() && supersedes.empty() && amends.empty(); }
  const std::vector<RelationLink>& of(RelationKind kind) const;
  std::vector<RelationLink>& of(RelationKind kind);

  bool operator==(const PolicyRelations& other) const = default;
};

// The field of a record that states the relation: implements, supersedes, amends.
std::string_view relation_field(RelationKind kind);

// The same relation read the other way, as `show` and the exports name it: implemented_by,
// superseded_by, amended_by.
std::string_view inverse_relation_field(RelationKind kind);

// The relation fields of a record's document (the scalar items of each list).
PolicyRelations relations_from_node(const Node& document);

// The ids of `links`, in their order.
std::vector<std::string> relation_ids(const std::vector<RelationLink>& links);

}  // namespace ccnt
