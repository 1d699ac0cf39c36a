// What a change does to policy records, record by record rather than line by line: which
// records it adds, removes, moves (region or sector changed), renames (id changed) and
// changes, with the fields that differ. Works on the changed files of two revisions, each read
// as `ccnt validate` reads it (revision_diff.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/yaml/document.hpp"

namespace ccnt {

// One changed file as it is in one revision.
struct RecordVersion {
  std::string path;                // relative to the data tree's root: policies/…/x.yaml
  std::optional<Policy> policy;    // the record, when the file has no errors
  std::optional<Node> document;    // its YAML, when it parses (for the fields that differ)
  std::string id;                  // `id` as written (also when the record has errors)
  std::vector<std::string> codes;  // the codes of its errors, in order, each once
};

// One record the change touches.
struct RecordChange {
  std::string id;                   // the id in the new revision (in the old one for a removal)
  std::string old_id;               // for a rename: the id before
  std::optional<Policy> before;     // absent for an addition
  std::optional<Policy> after;      // absent for a removal
  std::vector<std::string> fields;  // the top-level fields whose value differs, in file order
  bool was_invalid = false;         // an addition or change of a file that had errors before
};

// A changed file that is not a valid record in the new revision.
struct InvalidRecord {
  std::string path;
  std::string id;                  // as written, when it can be read
  std::vector<std::string> codes;  // what `ccnt validate` reports for it
  bool was_valid = false;          // it was a valid record before the change
};

struct RecordDiff {
  std::vector<RecordChange> added;
  std::vector<RecordChange> removed;
  std::vector<RecordChange> moved;       // region or sector changed (and with them the path)
  std::vector<RecordChange> renamed;     // id changed: the same title in the same region, or a
                                         // shared source id
  std::vector<RecordChange> changed;     // other fields changed
  std::vector<std::string> reformatted;  // paths whose bytes changed but no field's value
  std::vector<InvalidRecord> invalid;

  bool empty() const {
    return added.empty() && removed.empty() && moved.empty() && renamed.empty() &&
           changed.empty() && reformatted.empty() && invalid.empty();
  }
};

// The top-level fields whose values differ between two documents: in the order of `after`,
// then those only `before` has. Values are compared as data (quoting, key order inside a
// mapping, comments and layout do not count; a number and a string do).
std::vector<std::string> differing_fields(const Node& before, const Node& after);

// Compares the versions of the changed files (each list in path order; a file absent from a
// revision is absent from its list).
RecordDiff diff_records(const std::vector<RecordVersion>& before,
                        const std::vector<RecordVersion>& after);

}  // namespace ccnt
