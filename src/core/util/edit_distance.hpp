// Edit distance over code points, for "did you mean" suggestions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ccnt {

// Edit distance between two UTF-8 strings, counted in code points: insertions, deletions,
// substitutions and swaps of two neighbours each count one.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `word` (at most `limit`, all at the smallest distance found),
// keeping only those close enough to be a plausible typo; ASCII letters compare
// case-insensitively.
std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t limit = 3);

// The hint "did you mean a, b?" in the current language, the names joined by `separator`
// (default: a comma, or 、 in Chinese); empty when there are no names.
std::string did_you_mean(const std::vector<std::string>& names, std::string_view separator = {});

}  // namespace ccnt
