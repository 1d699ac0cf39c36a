// The mapping file of `ccnt import` (docs/import.md): which column of an export is which field
// of a policy record, how issuers are split, how categories map to sectors, the region when the
// export has none, and which months are placeholders.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/import/source_table.hpp"
#include "core/policy/registry.hpp"
#include "core/util/partial_date.hpp"

namespace ccnt {

// A sector (and optionally a subsector) that a category maps to, as canonical slugs.
struct SectorChoice {
  std::string sector;
  std::string subsector;
  std::vector<std::string> sectors;  // further sectors the category implies
};

// A month that the source writes when it does not know the month: records whose month is
// `month` and whose update date is before `updated_before` keep only their year.
struct PlaceholderMonth {
  int month = 0;
  PartialDate updated_before;
};

struct ImportMapping {
  std::string path;                    // as displayed, for messages
  std::string source;                  // prefix of the source ids: tracker → tracker:<id>
  std::optional<SourceFormat> format;  // else from the export's file name
  // Field → column of the export. Fields: source_id, title, issuers, link, published,
  // published_year, published_month, updated, summary, region.
  std::map<std::string, std::string> columns;
  std::vector<std::string> categories;          // columns read as category levels, in order
  std::vector<std::string> issuer_separators;   // split issuers on each of these
  std::string region;                           // canonical slug when no region column gives one
  std::map<std::string, SectorChoice> sectors;  // "level1/level2" or "level1" → sector
  std::vector<PlaceholderMonth> placeholder_months;

  // The column mapped to `field`, or "" when it is not mapped.
  const std::string& column(const std::string& field) const;
  // The sector for a record's categories: the longest prefix of levels that the map lists.
  const SectorChoice* sector_for(const std::vector<std::string>& levels) const;
};

// Reads and checks a mapping file (E104 for every problem: unknown keys, wrong types, sectors or
// regions the registry does not know, a missing `source` or required column). An `include`
// under `sectors` is read relative to the mapping file.
std::optional<ImportMapping> load_import_mapping(const std::filesystem::path& file,
                                                 const Registry& registry,
                                                 Diagnostics& diagnostics);

}  // namespace ccnt
