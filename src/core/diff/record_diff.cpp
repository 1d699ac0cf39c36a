#include "core/diff/record_diff.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace ccnt {
namespace {

bool is_scalar_like(const Node& node) {
  return node.kind == Node::Kind::Scalar || node.kind == Node::Kind::Null;
}

bool same_value(const Node& a, const Node& b) {
  if (is_scalar_like(a) && is_scalar_like(b)) {
    const auto numeric = [](ValueType type) {
      return type == ValueType::Integer || type == ValueType::Number;
    };
    const ValueType type = a.type();
    if (numeric(type) && numeric(b.type())) return a.as_number() == b.as_number();  // 16 is 16.0
    if (type != b.type()) return false;
    return type == ValueType::Null || a.scalar == b.scalar;
  }
  if (a.kind != b.kind) return false;
  if (a.is_sequence()) {
    if (a.items.size() != b.items.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
      if (!same_value(a.items[i], b.items[i])) return false;
    return true;
  }
  if (a.entries.size() != b.entries.size()) return false;
  for (const MapEntry& entry : a.entries) {
    const Node* other = b.find(entry.key);
    if (!other || !same_value(entry.value, *other)) return false;
  }
  return true;
}

std::vector<std::string> fields_between(const RecordVersion& then, const RecordVersion& now) {
  if (!then.document || !now.document) return {};
  return differing_fields(*then.document, *now.document);
}

// True when two records are one document under two ids: a source id in common, or the same
// title in the same region.
bool same_document(const Policy& a, const Policy& b) {
  for (const std::string& id : a.source_ids)
    if (std::find(b.source_ids.begin(), b.source_ids.end(), id) != b.source_ids.end()) return true;
  return a.region == b.region && a.title == b.title;
}

}  // namespace

std::vector<std::string> differing_fields(const Node& before, const Node& after) {
  std::vector<std::string> fields;
  if (!before.is_map() || !after.is_map()) return fields;
  for (const MapEntry& entry : after.entries) {
    const Node* old_value = before.find(entry.key);
    if (!old_value || !same_value(*old_value, entry.value)) fields.push_back(entry.key);
  }
  for (const MapEntry& entry : before.entries)
    if (!after.find(entry.key)) fields.push_back(entry.key);
  return fields;
}

RecordDiff diff_records(const std::vector<RecordVersion>& before,
                        const std::vector<RecordVersion>& after) {
  RecordDiff diff;
  std::map<std::string, const RecordVersion*> old_by_id;
  std::map<std::string, const RecordVersion*> old_by_path;
  for (const RecordVersion& then : before) {
    old_by_path.emplace(then.path, &then);
    if (then.policy) old_by_id.emplace(then.policy->id, &then);
  }
  std::set<std::string> matched;  // ids of the old revision accounted for

  // 1. The new revision's files: a record kept (moved, changed or only reformatted), a record
  // not there before (added, or renamed: step 2), or a file with errors.
  std::vector<std::pair<const RecordVersion*, bool>> new_records;  // with "had errors before"
  for (const RecordVersion& now : after) {
    const auto at_path = old_by_path.find(now.path);
    if (!now.policy) {
      InvalidRecord bad{now.path, now.id, now.codes, false};
      const RecordVersion* was = nullptr;
      if (auto it = old_by_id.find(now.id); !now.id.empty() && it != old_by_id.end())
        was = it->second;
      else if (at_path != old_by_path.end() && at_path->second->policy)
        was = at_path->second;
      if (was) {
        bad.was_valid = true;
        matched.insert(was->policy->id);
      }
      diff.invalid.push_back(std::move(bad));
      continue;
    }
    const Policy& policy = *now.policy;
    const auto kept = old_by_id.find(policy.id);
    if (kept == old_by_id.end()) {
      new_records.emplace_back(&now, at_path != old_by_path.end() && !at_path->second->policy);
      continue;
    }
    const RecordVersion& then = *kept->second;
    matched.insert(policy.id);
    RecordChange change{policy.id, {}, then.policy, policy, fields_between(then, now), false};
    if (then.policy->region != policy.region || then.policy->sector != policy.sector ||
        then.path != now.path)
      diff.moved.push_back(std::move(change));
    else if (!change.fields.empty())
      diff.changed.push_back(std::move(change));
    else
      diff.reformatted.push_back(now.path);
  }

  // 2. A new id for a record the old revision had under another: a rename.
  std::vector<const RecordVersion*> old_only;
  for (const RecordVersion& then : before)
    if (then.policy && !matched.count(then.policy->id) && old_by_id.at(then.policy->id) == &then)
      old_only.push_back(&then);
  std::vector<bool> renamed(old_only.size(), false);
  for (const auto& [now, had_errors] : new_records) {
    std::size_t match = old_only.size();
    for (std::size_t i = 0; i < old_only.size() && match == old_only.size(); ++i)
      if (!renamed[i] && same_document(*old_only[i]->policy, *now->policy)) match = i;
    if (match == old_only.size()) {
      diff.added.push_back({now->policy->id, {}, std::nullopt, now->policy, {}, had_errors});
      continue;
    }
    renamed[match] = true;
    const RecordVersion& then = *old_only[match];
    diff.renamed.push_back({now->policy->id, then.policy->id, then.policy, now->policy,
                            fields_between(then, *now), had_errors});
  }

  // 3. What is left of the old revision is gone.
  for (std::size_t i = 0; i < old_only.size(); ++i)
    if (!renamed[i])
      diff.removed.push_back(
          {old_only[i]->policy->id, {}, old_only[i]->policy, std::nullopt, {}, false});
  return diff;
}

}  // namespace ccnt
