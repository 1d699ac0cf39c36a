#include "core/policy/data_quality.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <unordered_map>

#include "core/diag/message_catalog.hpp"

namespace ccnt {
namespace {

bool remove_prefix(std::string& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return false;
  text.erase(0, prefix.size());
  return true;
}

bool remove_suffix(std::string& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) return false;
  text.erase(text.size() - suffix.size());
  return true;
}

void remove_all(std::string& text, std::string_view part) {
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at))
    text.erase(at, part.size());
}

constexpr std::array<std::string_view, 9> kDigits = {"一", "二", "三", "四", "五",
                                                     "六", "七", "八", "九"};

}  // namespace

std::string duplicate_title_key(std::string_view title, const std::vector<std::string>& issuers) {
  std::string key(title);
  for (std::string_view blank : {" ", "\t", "\n", "\r", "\xE3\x80\x80"}) remove_all(key, blank);
  for (const std::string& issuer : issuers)
    if (!issuer.empty() && remove_prefix(key, issuer)) break;
  // 关于印发《X》的通知, 关于发布X的公告, 印发X的通知 → X
  const bool about = remove_prefix(key, "关于");
  bool wrapped = false;
  for (std::string_view verb : {"印发", "发布", "转发", "公布", "下发"})
    if (remove_prefix(key, verb)) {
      wrapped = true;
      break;
    }
  if (wrapped || about)
    for (std::string_view end : {"的通知", "的公告", "的通告"})
      if (remove_suffix(key, end)) break;
  if (about && !wrapped) key = "关于" + key;  // 关于加快…的意见 keeps its 关于
  for (std::string_view mark : {"《", "》", "“", "”", "\"", "〈", "〉"}) remove_all(key, mark);
  return key;
}

int five_year_plan_start(std::string_view title) {
  constexpr std::string_view kTen = "十";
  constexpr std::string_view kFive = "五";
  for (std::size_t at = title.find(kTen); at != std::string_view::npos;
       at = title.find(kTen, at + kTen.size())) {
    const std::string_view rest = title.substr(at + kTen.size());
    for (std::size_t d = 0; d < kDigits.size(); ++d)
      if (rest.starts_with(kDigits[d]) && rest.substr(kDigits[d].size()).starts_with(kFive)) {
        const int plan = 10 + static_cast<int>(d) + 1;  // 十四五 → the 14th plan
        return 1966 + 5 * (plan - 3);  // the 3rd plan began in 1966, each lasts five years
      }
  }
  return 0;
}

void check_data_quality(const std::vector<Policy>& policies, Diagnostics& diagnostics) {
  // W050: near-duplicate titles, each reported against the first record with its key.
  std::unordered_map<std::string, std::size_t> first_with_key;
  first_with_key.reserve(policies.size());
  // W053: per year, how many records are dated to the month and how many to January.
  std::map<int, std::pair<std::size_t, std::size_t>> months_by_year;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    const Policy& policy = policies[i];
    auto [it, inserted] =
        first_with_key.emplace(duplicate_title_key(policy.title, policy.issuers), i);
    if (!inserted && policies[it->second].title != policy.title)
      diagnostics.warning("W050", policy.path, policy.title_mark,
                          trf("the title looks like the same document as {} (《{}》)",
                              policies[it->second].path, policies[it->second].title),
                          trf("the two differ only by an issuer prefix, 《》 or a 关于印发…的通知 "
                              "wrapper; keep one record"));
    if (policy.published) {
      const int start = five_year_plan_start(policy.title);
      if (start != 0 && policy.published->year < start - 1)
        diagnostics.warning("W051", policy.path, policy.title_mark,
                            trf("the title names the Five-Year Plan of {}-{}, but `published` is "
                                "{}",
                                start, start + 4, policy.published->to_string()),
                            trf("a plan is published from the year before its period; check "
                                "`published` and the title"));
      if (policy.published->month != 0) {
        auto& [dated, january] = months_by_year[policy.published->year];
        ++dated;
        if (policy.published->month == 1) ++january;
      }
    }
    // Records written by hand leave `issuers` out when their source names none (the schema's
    // rule); an imported record's source has an issuer field, so an empty one is a gap.
    if (policy.issuers.empty() && !policy.source_ids.empty())
      diagnostics.warning("W052", policy.path, policy.id_mark, trf("no issuer"),
                          trf("add `issuers` as the source names them"));
  }
  for (const Policy& policy : policies) {
    if (!policy.published || policy.published->month != 1) continue;
    const auto& [dated, january] = months_by_year.at(policy.published->year);
    if (dated >= kPlaceholderMonthMinRecords && january * 2 > dated)
      diagnostics.warning(
          "W053", policy.path, policy.id_mark,
          trf("`published` {}: {} of the {} records dated to a month of {} are in January, which "
              "looks like a placeholder",
              policy.published->to_string(), january, dated, policy.published->year),
          trf("when the source does not know the month, keep only the year: published: \"{}\"",
              policy.published->year));
  }
}

}  // namespace ccnt
