// The names a user may type for regions and sectors, offered by shell completion and by
// Tab in `ccnt new`'s questions.
#pragma once

#include <string>
#include <vector>

#include "cli/completion_engine.hpp"
#include "core/policy/registry.hpp"

namespace ccnt::cli {

// Every region as 浙江, 浙江省 and zhejiang, each described by another of its names.
std::vector<Candidate> region_names(const Registry& registry);

// Every sector by slug and by Chinese name.
std::vector<Candidate> sector_names(const Registry& registry);

// The values alone.
std::vector<std::string> values_of(const std::vector<Candidate>& candidates);

}  // namespace ccnt::cli
