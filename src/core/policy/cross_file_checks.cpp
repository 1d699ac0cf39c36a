#include "core/policy/cross_file_checks.hpp"

#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "core/diag/message_catalog.hpp"
#include "core/util/text_normalize.hpp"

namespace ccnt {

void check_across_files(const std::vector<Policy>& policies, Diagnostics& diagnostics) {
  // For each policy, the earlier one with the same id and with the same region and title; the
  // two are found on two threads, with keys that view the policies' own strings.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> same_id(policies.size(), kNone);
  std::vector<std::size_t> same_title(policies.size(), kNone);
  std::vector<std::pair<std::size_t, std::string_view>> same_source;  // (policy, its source id)
  std::vector<std::size_t> same_source_first;
  auto find_ids = [&] {
    std::unordered_map<std::string_view, std::size_t> ids;
    ids.reserve(policies.size());
    for (std::size_t i = 0; i < policies.size(); ++i)
      if (auto [it, inserted] = ids.emplace(policies[i].id, i); !inserted) same_id[i] = it->second;
    std::unordered_map<std::string_view, std::size_t> sources;
    for (std::size_t i = 0; i < policies.size(); ++i)
      for (const std::string& source_id : policies[i].source_ids)
        if (auto [it, inserted] = sources.emplace(source_id, i); !inserted) {
          same_source.emplace_back(i, source_id);
          same_source_first.push_back(it->second);
        }
  };
  auto find_titles = [&] {
    using RegionTitle = std::pair<std::string_view, std::string_view>;
    struct RegionTitleHash {
      std::size_t operator()(const RegionTitle& key) const {
        const std::hash<std::string_view> hash;
        return hash(key.first) * 31 + hash(key.second);
      }
    };
    // Titles as a reader sees them: an NBSP, a doubled space or a zero-width character does
    // not make a second record of the same document.
    std::vector<std::string> forms(policies.size());
    for (std::size_t i = 0; i < policies.size(); ++i) forms[i] = comparison_form(policies[i].title);
    std::unordered_map<RegionTitle, std::size_t, RegionTitleHash> titles;
    titles.reserve(policies.size());
    for (std::size_t i = 0; i < policies.size(); ++i)
      if (auto [it, inserted] = titles.emplace(RegionTitle(policies[i].region, forms[i]), i);
          !inserted)
        same_title[i] = it->second;
  };
  if (policies.size() >= 10000 && std::thread::hardware_concurrency() > 1) {
    std::thread titles(find_titles);
    find_ids();
    titles.join();
  } else {
    find_ids();
    find_titles();
  }
  for (std::size_t i = 0; i < policies.size(); ++i) {
    const Policy& policy = policies[i];
    if (same_id[i] != kNone)
      diagnostics.error("E050", policy.path, policy.id_mark,
                        trf("id `{}` is already used by {}", policy.id, policies[same_id[i]].path),
                        trf("ids are unique across the tree; choose another id and file name"));
    if (same_title[i] != kNone)
      diagnostics.error(
          "E051", policy.path, policy.title_mark,
          trf("the same title is already recorded in {}", policies[same_title[i]].path),
          trf("a document is recorded once; update the existing file instead"));
  }
  for (std::size_t k = 0; k < same_source.size(); ++k) {
    const Policy& policy = policies[same_source[k].first];
    diagnostics.error("E052", policy.path, policy.id_mark,
                      trf("source id `{}` is already used by {}", same_source[k].second,
                          policies[same_source_first[k]].path),
                      trf("a source record is imported once; merge the two files into one"));
  }
}

}  // namespace ccnt
