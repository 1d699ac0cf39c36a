#include "core/output/policy_table.hpp"

#include <algorithm>

#include "core/output/display_width.hpp"
#include "core/output/text_table.hpp"

namespace ccnt {
namespace {

// Columns a title keeps at least before the sector column is dropped to make room.
constexpr std::size_t kMinTitleWidth = 24;

}  // namespace

std::string policy_table(const std::vector<const Policy*>& policies, const Registry& registry,
                         std::size_t width, HeaderLanguage headers) {
  TextTable table;
  for (std::string_view key : {"published", "region", "sector", "title", "id"})
    table.headers.emplace_back(label(key, headers));
  table.shrinkable = {false, false, false, true, false};
  table.whole = {false, false, false, false, true};
  table.rows.reserve(policies.size());
  std::vector<std::size_t> widths(table.headers.size());
  for (std::size_t c = 0; c < widths.size(); ++c) widths[c] = display_width(table.headers[c]);
  for (const Policy* policy : policies) {
    const Region* region = registry.find_region(policy->region);
    const Sector* sector = registry.find_sector(policy->sector);
    std::string sector_cell = sector ? sector->name : policy->sector;
    if (policy->stub) {
      const std::string_view stub = label("(stub)", headers);
      // A full-width bracket brings its own space.
      if (!sector_cell.empty() && !stub.starts_with("（")) sector_cell += ' ';
      sector_cell += stub;
    }
    table.rows.push_back({policy->published ? policy->published->to_string() : "-",
                          region ? region->name : policy->region, std::move(sector_cell),
                          policy->title, policy->id});
    for (std::size_t c = 0; c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(table.rows.back()[c]));
  }
  const std::size_t others = widths[0] + widths[1] + widths[2] + widths[4] + 4 * 2;
  if (width > 0 && others + std::min(widths[3], kMinTitleWidth) > width) {
    constexpr std::size_t kSector = 2;
    table.headers.erase(table.headers.begin() + kSector);
    table.shrinkable.erase(table.shrinkable.begin() + kSector);
    table.whole.erase(table.whole.begin() + kSector);
    for (auto& row : table.rows) row.erase(row.begin() + kSector);
  }
  return table.render(width);
}

}  // namespace ccnt
