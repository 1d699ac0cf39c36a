// The policy record: one YAML file under policies/<region>/<sector>/, as the
// rest of ccnt sees it once it has been read and checked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/policy/policy_relations.hpp"
#include "core/util/partial_date.hpp"
#include "core/yaml/document.hpp"

namespace ccnt {

// A quantitative target stated in a policy, structured for comparison across regions.
struct Target {
  std::string indicator;  // slug in schemas/indicators.yaml
  std::string text;       // the phrase of the summary that states it
  double value = 0;
  std::string unit;       // "%", "万千瓦", ...
  std::string kind;       // reduction | share | level | capacity | count | growth | amount
  std::string qualifier;  // at-least | about | aim | at-most, or empty for an exact value
  std::optional<int> base_year;
  int target_year = 0;
  std::string scope;  // e.g. 规模以上工业
  Mark mark;
};

// The directory (in place of a sector's) of the stubs that have no sector yet:
// policies/<region>/_unsorted/<id>.yaml.
inline constexpr const char* kUnsortedDir = "_unsorted";

struct Policy {
  std::string path;  // as displayed, e.g. policies/zhejiang/industry/x.yaml
  std::string id;
  bool stub = false;  // only what the source gives yet: summary or sector still to write
  std::string title;
  std::string title_en;
  std::string region;  // canonical region slug
  std::string level;   // national | provincial | municipal | county
  std::string sector;  // primary sector slug
  std::string subsector;
  std::vector<std::string> sectors;  // further sector slugs
  std::vector<std::string> issuers;
  std::string doc_type;
  std::optional<PartialDate> published;
  PartialDate added;
  std::optional<PartialDate> updated;
  std::string source;
  std::vector<std::string> source_ids;  // "tracker:<64 hex>": ids in external sources
  std::string document_number;
  std::string status;
  std::string instrument;
  std::string summary;
  std::string headline;  // editorial override of the bulletin headline
  std::vector<Target> targets;
  std::vector<std::string> tags;
  PolicyRelations relations;  // implements, supersedes, amends: other records by id
  Mark id_mark;               // where `id` is written, for cross-file diagnostics
  Mark title_mark;            // where `title` is written

  // True when the primary or any further sector is `slug`.
  bool has_sector(const std::string& slug) const;
};

// True when `field` identifies a policy, so that drop_text keeps it: path, id, title, region,
// level, sector, doc_type, headline, status, issuers and source_ids, which with the dates,
// relations and marks are all that checks across files and the bulletin's checks read.
bool is_identifying(std::string Policy::*field);
bool is_identifying(std::vector<std::string> Policy::*field);

// Frees the text of a policy (summary, targets, tags, ...), keeping only what identifies it.
void drop_text(Policy& policy);

// Reads a schema-valid document into a Policy; region and sector names are
// stored as written (the loader canonicalises them).
Policy policy_from_node(const Node& document, std::string path);

}  // namespace ccnt
