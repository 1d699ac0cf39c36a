// `ccnt import`: turns the rows of an export into policy records through a mapping, matches them
// to the tree by source id, and writes what is new or changed (docs/import.md).
//
// Field ownership: the source owns title, issuers, published, updated, source (the link) and
// source_ids, which a re-import overwrites; everything else (summary, sector, subsector,
// sectors, doc_type, targets, tags, headline, status, ...) is written on the first import only
// and belongs to people afterwards. `added` is the month of the first import and never moves.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/import/import_mapping.hpp"
#include "core/import/source_table.hpp"
#include "core/policy/policy.hpp"
#include "core/tree/project.hpp"

namespace ccnt {

enum class ImportOutcome { Added, Updated, Unchanged, Rejected };

// What happens to one row of the export.
struct ImportEntry {
  ImportOutcome outcome = ImportOutcome::Rejected;
  int line = 0;      // where the row starts in the export
  std::string id;    // the record's id (empty when rejected before one exists)
  std::string path;  // the record's file, as displayed
  std::string title;
  std::vector<std::string> changed;  // fields a re-import changes (Updated)
  std::vector<std::string> notes;    // what was left out, e.g. a link that is not https
  Diagnostics problems;              // why a row is rejected (E106-E112 and the record's own)
};

struct ImportOptions {
  bool dry_run = false;
  unsigned jobs = 0;  // worker threads; 0 = one per core
};

struct ImportReport {
  std::vector<ImportEntry> entries;  // one per row, in the export's order
  std::size_t added = 0, updated = 0, unchanged = 0, rejected = 0;
  bool written = false;  // false for a dry run, or when nothing needed writing
};

// Imports `table` (read from `display`) into the project's tree through `mapping`. `existing`
// must be the tree's policies, loaded with their text and without errors. Columns the mapping
// names but the export lacks are reported (E105) and nothing is imported. Every new or changed
// record is checked like a policy file before anything is written; a row whose record would not
// validate, or would clash with another (same id, title in its region, source id), is rejected
// with the reasons. Writing is atomic per file.
std::optional<ImportReport> import_table(const Project& project,
                                         const std::vector<Policy>& existing,
                                         const SourceTable& table, const ImportMapping& mapping,
                                         const std::string& display, const ImportOptions& options,
                                         Diagnostics& diagnostics);

// The id of an imported record: <region>-<source>-<12 hex digits of a hash of the source id>,
// stable for the same record whatever the order of the export.
std::string imported_policy_id(const std::string& region, const std::string& source,
                               const std::string& source_value);

// Splits an issuer cell on any of the separators, trims spaces around each piece and drops empty
// pieces and repeats, keeping the source's order. Spaces inside a name are kept (and flagged by
// validate).
std::vector<std::string> split_issuers(const std::string& cell,
                                       const std::vector<std::string>& separators);

}  // namespace ccnt
