// The registry of policy series (schemas/series.yaml): the national documents of the "1+N"
// system of carbon peaking and neutrality — the "1", and the "N" plans of sectors and
// industries — each with its national record and how a regional counterpart is recognised:
// by its `implements`, or, for a record that states none, by sector, document type and title.
// `ccnt coverage` reads it (core/query/coverage.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "core/util/mark.hpp"

namespace ccnt {

// What a record that states no `implements` must be to count as a regional counterpart of a
// series: every criterion given holds (an empty one holds for any record).
struct SeriesMatch {
  std::string sector;                  // the primary sector's slug
  std::string subsector;               // a subsector of it
  std::vector<std::string> doc_types;  // any of these document types
  std::vector<std::string> titles;     // any of these in the title, compared as a reader sees it
};

// One series: a national document and its regional counterparts.
struct PolicySeries {
  std::string slug;     // industry-peaking
  std::string name;     // 工业领域碳达峰实施方案
  std::string name_en;  // Industry carbon peaking plan
  std::string label;    // the short name a column of `ccnt coverage` has: 工业; the name if unset
  std::string group;    // "1" (the top-level design) or "N" (a plan of a sector or industry)
  std::string national;              // the national record's id; empty while the tree has none
  std::optional<SeriesMatch> match;  // none: counterparts are known only by `implements`
  Mark mark;                         // the entry in series.yaml
  Mark national_mark;                // its `national`
};

class SeriesRegistry {
 public:
  // Reads `file` (schemas/series.yaml); a tree without it has no series, which is no error.
  // Sectors and subsectors are checked against `registry`, document types against `doc_types`
  // (the schema's; none checked when empty). Problems are E130; nullopt when there is any.
  static std::optional<SeriesRegistry> load(const std::filesystem::path& file,
                                            const Registry& registry,
                                            const std::vector<std::string>& doc_types,
                                            Diagnostics& diagnostics);

  const std::vector<PolicySeries>& series() const { return series_; }
  // The file as diagnostics name it; empty when there is none.
  const std::string& path() const { return path_; }

  // The series with this slug, name, English name or label (Latin letters in any case).
  const PolicySeries* find(std::string_view any_form) const;
  // The closest slugs and labels to an unknown name, for "did you mean" hints.
  std::vector<std::string> suggest(std::string_view unknown) const;

 private:
  std::vector<PolicySeries> series_;
  std::string path_;
};

// True when `policy` meets the series' criteria for records that state no `implements`
// (false for a series without criteria). `title_form` is comparison_form(policy.title).
bool meets_series_criteria(const PolicySeries& series, const Policy& policy,
                           std::string_view title_form);

}  // namespace ccnt
