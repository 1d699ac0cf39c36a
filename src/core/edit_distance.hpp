// Edit distance over code points, for "did you mean" suggestions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ccnt {

// Levenshtein distance between two UTF-8 strings, counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `word` (at most `limit`, best first), keeping only
// those close enough to be a plausible typo; ASCII letters compare case-insensitively.
std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t limit = 3);

}  // namespace ccnt
