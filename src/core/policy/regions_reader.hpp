// A direct reader for schemas/regions.yaml in the layout the file is written in, without a
// YAML tree: the file lists some 3,200 regions and is read on every run. It declines —
// returns nullopt — on anything outside that layout, however valid, and the caller then reads
// the file with the YAML reader, which accepts every style and words every error.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/policy/registry.hpp"
#include "core/util/mark.hpp"

namespace ccnt {

// The entries of the list in file order, and where each starts (marks[i] for regions[i]).
struct RegionList {
  std::vector<Region> regions;
  std::vector<Mark> marks;
};

// Reads `text` when it is comment lines, `regions:`, then entries of the form
//   - slug: zhejiang
//     name: 浙江
//     aliases: [浙, "xi'an"]
// with one-line plain or double-quoted scalars (no escapes) and no key twice in an entry.
// Each region is built in place: the list is reserved once and no string is copied twice.
std::optional<RegionList> read_regions_layout(std::string_view text);

}  // namespace ccnt
