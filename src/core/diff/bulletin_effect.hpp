// What a change to the records means for the monthly bulletins (月报): which records enter or
// leave a month (by `added`; stubs are never in a bulletin), which of them the month's
// editorial file does not list yet or still lists, and what the change does to that file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bulletin/bulletin_editorial.hpp"
#include "core/diff/record_diff.hpp"
#include "core/util/partial_date.hpp"

namespace ccnt {

// The editorial file of one month in the two revisions (absent where it does not exist).
struct EditorialVersions {
  PartialDate month;
  std::optional<BulletinEditorial> before;
  std::optional<BulletinEditorial> after;
  bool changed = false;  // the file differs between the revisions
};

struct BulletinEffect {
  PartialDate month;
  bool has_file = false;                   // the new revision has bulletins/YYYY-MM.yaml
  bool file_changed = false;               // the change edits it
  std::vector<std::string> new_items;      // ids the change brings into the month
  std::vector<std::string> left;           // ids (as they were) the change takes out of it
  std::vector<std::string> changed_items;  // ids in the month before and after, with new values
  std::vector<std::string> missing;        // new items the editorial file does not list (E065)
  std::vector<std::string> dangling;       // ids that left the month and the file still lists
  std::vector<std::string> listed;         // ids the change adds to the editorial file
  std::vector<std::string> unlisted;       // ids the change removes from it
  bool text_changed = false;  // the change edits its leads, overview, credits or appendix

  // True when the month's bulletin needs an editor's work: entries to add or to remove.
  bool needs_work() const { return !missing.empty() || !dangling.empty(); }
};

// The months whose bulletins the record changes touch, in order.
std::vector<PartialDate> months_touched(const RecordDiff& diff);

// The effect on each month of `editorials` (one entry per month, in order; the months of
// months_touched and those whose editorial file changed).
std::vector<BulletinEffect> bulletin_effects(const RecordDiff& diff,
                                             const std::vector<EditorialVersions>& editorials);

}  // namespace ccnt
