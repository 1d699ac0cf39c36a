#include "core/query/relation_index.hpp"

#include <algorithm>

namespace ccnt {

RelationIndex::RelationIndex(const std::vector<const Policy*>& policies) {
  by_id_.reserve(policies.size());
  for (const Policy* policy : policies) by_id_.emplace(policy->id, policy);
  for (const Policy* policy : policies)
    for (const RelationKind kind : kRelationKinds)
      for (const RelationLink& link : policy->relations.of(kind))
        if (link.id != policy->id)
          named_by_[static_cast<std::size_t>(kind)][link.id].push_back(policy);
}

const Policy* RelationIndex::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

const std::vector<const Policy*>& RelationIndex::naming(const Policy& policy,
                                                        RelationKind kind) const {
  static const std::vector<const Policy*> kNone;
  const auto& named = named_by_[static_cast<std::size_t>(kind)];
  const auto it = named.find(policy.id);
  return it == named.end() ? kNone : it->second;
}

std::vector<std::string_view> RelationIndex::implemented(const Policy& policy) const {
  std::vector<std::string_view> reached;
  std::vector<const Policy*> queue{&policy};
  for (std::size_t at = 0; at < queue.size(); ++at)
    for (const RelationLink& link : queue[at]->relations.implements) {
      const std::string_view id = link.id;
      if (id == policy.id || std::find(reached.begin(), reached.end(), id) != reached.end())
        continue;
      reached.push_back(id);
      if (const Policy* next = find(id)) queue.push_back(next);
    }
  return reached;
}

std::vector<RelatedRecord> RelationIndex::related(const Policy& policy) const {
  std::vector<RelatedRecord> out;
  for (const RelationKind kind : kRelationKinds)
    for (const RelationLink& link : policy.relations.of(kind))
      out.push_back({kind, false, link.id, find(link.id)});
  for (const RelationKind kind : kRelationKinds)
    for (const Policy* other : naming(policy, kind)) out.push_back({kind, true, other->id, other});
  return out;
}

}  // namespace ccnt
