#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/diag/message_catalog.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

std::u32string decode_folded(std::string_view text) {
  std::u32string out;
  std::size_t offset = 0;
  while (offset < text.size()) {
    char32_t cp = next_code_point(text, offset);
    if (cp < 0x80) cp = static_cast<char32_t>(std::tolower(static_cast<int>(cp)));
    out.push_back(cp);
  }
  return out;
}

// Levenshtein distance with adjacent transpositions counted as one edit (nwe → new), the
// "optimal string alignment" variant.
std::size_t distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> before(b.size() + 1), above(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) above[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] =
          std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, above);
    std::swap(above, row);
  }
  return above[b.size()];
}

// Whether every character of `part` appears in `whole` in order: 规上能耗 in
// 规上工业单位增加值能耗.
bool is_subsequence(const std::u32string& part, const std::u32string& whole) {
  std::size_t at = 0;
  for (char32_t c : whole)
    if (at < part.size() && c == part[at]) ++at;
  return at == part.size();
}

// Chinese names are shortened by leaving characters out (规上 for 规模以上); a word of three
// or more Han characters may be such a short form. Latin words are not: "in" is in too much.
bool may_be_short_form(const std::u32string& word) {
  return word.size() >= 3 &&
         std::none_of(word.begin(), word.end(), [](char32_t c) { return c < 0x80; });
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return distance(decode_folded(a), decode_folded(b));
}

std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t limit) {
  const std::u32string folded = decode_folded(word);
  // A typo changes about one character in four; a single character is always allowed.
  const std::size_t allowed = std::max<std::size_t>(1, (folded.size() + 1) / 4);
  std::vector<std::pair<std::size_t, const std::string*>> scored;
  for (const std::string& candidate : candidates) {
    const std::u32string other = decode_folded(candidate);
    std::size_t d = distance(folded, other);
    // A prefix or substring (浙 → 浙江) is a good suggestion too, a short form a fair one.
    if (!folded.empty() && other.find(folded) != std::u32string::npos)
      d = std::min<std::size_t>(d, 1);
    else if (may_be_short_form(folded) && is_subsequence(folded, other))
      d = std::min(d, allowed);
    if (d <= allowed) scored.emplace_back(d, &candidate);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> result;
  for (const auto& [d, candidate] : scored) {
    if (d > scored.front().first) break;  // only the closest: one typo rarely fits two names
    if (std::find(result.begin(), result.end(), *candidate) != result.end()) continue;
    result.push_back(*candidate);
    if (result.size() == limit) break;
  }
  return result;
}

std::string did_you_mean(const std::vector<std::string>& names, std::string_view separator) {
  if (names.empty()) return {};
  return trf("did you mean {}?", fmt::join(names, separator.empty() ? tr(", ") : separator));
}

}  // namespace ccnt
