// The relations of a set of records read both ways: what a record names (implements,
// supersedes, amends) and which records name it, for `ccnt show` and `ccnt coverage`.
#pragma once

#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/policy/policy.hpp"

namespace ccnt {

// One record related to another, as `show` lists them: what the record names, and what names it.
struct RelatedRecord {
  RelationKind kind;
  bool incoming = false;           // true: `policy` names the record (implemented_by, ...)
  std::string_view id;             // the other record's id
  const Policy* policy = nullptr;  // the other record; nullptr when the tree has no such id
};

class RelationIndex {
 public:
  // Indexes `policies`, which must outlive the index (the first of an id used twice counts).
  explicit RelationIndex(const std::vector<const Policy*>& policies);

  // The record with this id, or nullptr.
  const Policy* find(std::string_view id) const;
  // The records whose `kind` names `policy`, in the order they were given (path order).
  const std::vector<const Policy*>& naming(const Policy& policy, RelationKind kind) const;
  // The ids of the records `policy` implements, directly or through the records it implements,
  // each once, nearest first; a cycle or an unknown id ends its branch.
  std::vector<std::string_view> implemented(const Policy& policy) const;
  // Every relation of `policy` both ways: what it names (implements, supersedes, amends, in its
  // order), then what names it (implemented by, superseded by, amended by, in path order).
  std::vector<RelatedRecord> related(const Policy& policy) const;

 private:
  std::unordered_map<std::string_view, const Policy*> by_id_;
  std::array<std::unordered_map<std::string_view, std::vector<const Policy*>>, 3> named_by_;
};

}  // namespace ccnt
