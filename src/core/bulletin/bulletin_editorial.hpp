// The editorial file of a monthly bulletin (bulletins/YYYY-MM.yaml): the text
// the analysts write — lead paragraphs, the grouping and order of the month's
// policies, the credits — as opposed to the facts, which come from policies/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/util/partial_date.hpp"
#include "core/yaml/document.hpp"

namespace ccnt {

// One group inside a section: a lead paragraph, then its policies in order.
struct BulletinGroup {
  std::string lead;  // Markdown, written by the editor; may be empty
  Mark lead_mark;
  std::vector<std::string> policy_ids;
  std::vector<Mark> policy_marks;  // where each id is written
};

// 碳中和国家行动一览 or 碳中和地方行动一览.
struct BulletinSection {
  bool present = false;  // the key is in the file
  Mark mark;             // where the section's key is written
  // The section's paragraphs in the overview at the top; empty means the group leads.
  std::vector<std::string> overview;
  std::vector<Mark> overview_marks;
  std::vector<BulletinGroup> groups;
};

// The optional parts of the template an editorial file can switch on.
inline constexpr std::string_view kAppendixCounts = "counts";
inline constexpr std::string_view kAppendixTargets = "targets";

struct BulletinEditorial {
  std::string path;   // as displayed
  PartialDate month;  // from the file name; year 0 when the name is not YYYY-MM
  BulletinSection national;
  BulletinSection local;
  std::string credits;  // 信息整理: the names, e.g. 韩迪、朱彤昕
  Mark credits_mark;
  std::vector<std::string> appendix;  // kAppendixCounts, kAppendixTargets
  bool draft = false;                 // made from the data, not read from a file

  bool shows(std::string_view part) const;
};

// Parses YYYY-MM (a real month) as the bulletin's month; nullopt for any other text.
std::optional<PartialDate> parse_bulletin_month(std::string_view text);

// The month a file name such as 2023-03.yaml stands for; nullopt when it is not one.
std::optional<PartialDate> bulletin_month_of_file_name(std::string_view file_name);

// Reads the shape of an editorial file: known keys only (E060), the right
// types (E061), allowed appendix names (E069). `month` is the file's month
// (from its name). Returns nullopt when the file cannot be used at all; the
// problems found are appended to diagnostics under `path`.
std::optional<BulletinEditorial> parse_bulletin_editorial(std::string_view bytes,
                                                          const std::string& path,
                                                          const PartialDate& month,
                                                          Diagnostics& diagnostics);

}  // namespace ccnt
