// The default output of `ccnt list`: a table fitted to the terminal.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/output/labels.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// The default output: published, region, sector, title and id, fitted to `width`
// (0: no limit) by cutting titles, never ids (a cut id cannot be pasted into `ccnt show`);
// on terminals too narrow for whole ids and a readable title, the sector column is left
// out first. Headers and placeholders are in `headers`.
std::string policy_table(const std::vector<const Policy*>& policies, const Registry& registry,
                         std::size_t width, HeaderLanguage headers = HeaderLanguage::English);

}  // namespace ccnt
