// Selecting policies by the filter flags shared by list, stats and targets:
// different flags AND, a repeated flag ORs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "core/tree/tree_scan.hpp"
#include "core/util/partial_date.hpp"

namespace ccnt {

// The filter flags as plain data; the command line fills it directly (cli::FilterOptions).
struct PolicyQuery {
  std::vector<std::string> regions;  // any form the registry knows: 浙江, 浙江省, zhejiang
  // A sector (slug or Chinese name; matches primary or further sectors) or a subsector in any of
  // its names (光伏, solar, Solar PV: matches policies of that subsector).
  std::vector<std::string> sectors;
  std::vector<std::string> subsectors;  // a subsector in any of its names
  std::vector<std::string> levels;  // national | provincial | municipal | county (or 国家/省级/...)
  std::vector<std::string> issuers;  // an agency in any of its names, a local kind, or a substring
  std::vector<std::string> types;    // doc_type, exact
  std::vector<std::string> tags;     // exact
  std::vector<std::string> added;    // YYYY or YYYY-MM, matched against `added`
  bool no_subregions = false;        // --region without the cities inside it
  std::string since;                 // YYYY[-MM[-DD]], inclusive, on `published` (month precision)
  std::string until;
  bool has_targets = false;
  bool stubs = false;  // only stubs: the records still waiting for a summary or sector
  // Text in the title, English title, summary or issuers, compared after search_fold (case,
  // full-width forms, traditional characters); every term must match, or any with any_term.
  std::vector<std::string> search;
  bool any_term = false;
};

// Why a query could not be made into a filter. An unknown name comes worded (message and hint,
// with the closest names); a date problem comes as data, for the caller to word in its own terms
// (the command line names its flags).
struct FilterError {
  enum class Kind {
    UnknownName,       // message and hint say which name and what is known
    InvalidDate,       // `value` of the PolicyQuery member `field` is not a date
    UntilBeforeSince,  // query.until (`value`) is before query.since (`other`)
  };
  std::string message;
  std::string hint;
  Kind kind = Kind::UnknownName;
  std::string field;  // "added", "since" or "until"
  std::string value;
  std::string other;

  // An unknown or ambiguous name: what is wrong and what to do.
  static FilterError name(std::string message, std::string hint) {
    FilterError error;
    error.message = std::move(message);
    error.hint = std::move(hint);
    return error;
  }
  // A date of the query (`field`, `value`) that is no date, or before `other`.
  static FilterError date(Kind kind, std::string field, std::string value, std::string other = {}) {
    FilterError error;
    error.kind = kind;
    error.field = std::move(field);
    error.value = std::move(value);
    error.other = std::move(other);
    return error;
  }
};

class PolicyFilter {
 public:
  // Resolves names against the registry. An unknown region, sector, level or
  // type, or a malformed date, gives nullopt with `error` set (the hint lists
  // the closest valid names).
  static std::optional<PolicyFilter> make(const PolicyQuery& query, const Registry& registry,
                                          FilterError& error);
  // The same, also checking --type against the document types the schema allows
  // (`doc_types`; empty = any type is accepted).
  static std::optional<PolicyFilter> make(const PolicyQuery& query, const Registry& registry,
                                          const std::vector<std::string>& doc_types,
                                          FilterError& error);

  // True when the policy passes every flag of the query.
  bool matches(const Policy& policy) const;

  // For pruning the directory walk: whether a first-level directory under
  // policies/ (a region name) can hold matching policies. Without --region
  // every directory is kept; with it, the directories of the selected regions
  // and of every registry region inside them (unless no_subregions), plus
  // names the registry does not know, so that their errors are still counted.
  // The filter holds a pointer to the registry, which must outlive it.
  RegionDirFilter region_dir_filter() const;

  // True when the query selects anything less than every policy.
  bool is_restrictive() const;

  // What the names of the query were taken to mean where that is not plain (a --sector value
  // that names a subsector), worded for a note on stderr.
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  const Registry* registry_ = nullptr;
  std::vector<std::string>
      region_slugs_;  // sorted: selected regions and, unless no_subregions, all inside them
  std::vector<std::string> top_dirs_;  // sorted: the top directories holding the selected ones
  bool all_dirs_ = false;              // the nation is selected: every directory is kept
  std::vector<std::string> sector_slugs_;
  // A subsector: its sector's slug and its own. From --sector (ORed with sector_slugs_) and from
  // --subsector (a filter of its own).
  struct SubsectorKey {
    std::string sector;
    std::string subsector;
  };
  std::vector<SubsectorKey> sector_subsectors_;
  std::vector<SubsectorKey> subsectors_;
  std::vector<std::string> notes_;
  bool matches_search(const Policy& policy) const;
  std::vector<std::string> levels_;
  // One --issuer value: an agency (every name it is written under), a local kind (发改委: every
  // region's, and the central one it stands for), or else text inside an issuer's name. An
  // issuer the registry cannot place is matched as text whatever the value names.
  struct IssuerNeedle {
    std::string agency_id;
    const AgencyPattern* pattern = nullptr;
    std::string folded_text;  // the value as typed, folded
  };
  bool matches_issuer(const Policy& policy) const;
  std::vector<IssuerNeedle> issuers_;
  std::vector<std::string> types_;
  std::vector<std::string> tags_;
  std::vector<PartialDate> added_;
  std::optional<PartialDate> since_;
  std::optional<PartialDate> until_;
  bool has_targets_ = false;
  bool stubs_ = false;
  std::vector<std::string> search_folded_;  // search_fold of each term
  bool any_term_ = false;
};

}  // namespace ccnt
