#include "core/bulletin/bulletin_headline.hpp"

#include <array>
#include <string_view>

#include "core/bulletin/bulletin_month.hpp"

namespace ccnt {
namespace {

std::string in_book_marks(const std::string& title) {
  return "《" + title + "》";
}

}  // namespace

bool names_several_agencies(const std::string& issuer) {
  constexpr std::array<std::string_view, 4> kSuffixes{"等部门", "等单位", "等机构", "等部委"};
  for (std::string_view suffix : kSuffixes)
    if (issuer.ends_with(suffix)) return true;
  return false;
}

bool names_leadership_jointly(const std::vector<std::string>& issuers) {
  if (issuers.size() != 2) return false;
  const bool party_first = issuers[0] == "中共中央" && issuers[1] == "国务院";
  const bool council_first = issuers[0] == "国务院" && issuers[1] == "中共中央";
  const bool offices = (issuers[0] == "中共中央办公厅" && issuers[1] == "国务院办公厅") ||
                       (issuers[0] == "国务院办公厅" && issuers[1] == "中共中央办公厅");
  return party_first || council_first || offices;
}

std::optional<std::string> derive_headline(const Policy& policy, const Registry& registry) {
  if (!policy.headline.empty()) return policy.headline;
  const std::string title = in_book_marks(policy.title);
  if (is_national_policy(policy)) {
    if (policy.issuers.empty()) return std::nullopt;
    if (names_leadership_jointly(policy.issuers))  // named as they sign: the Party first
      return (policy.issuers[0].ends_with("办公厅") ? "中共中央办公厅、国务院办公厅"
                                                    : "中共中央、国务院") +
             std::string("发布") + title;
    if (policy.issuers.size() > 1 || names_several_agencies(policy.issuers.front()))
      return "多部门共同发布" + title;
    return policy.issuers.front() + "发布" + title;
  }
  const Region* region = registry.find_region(policy.region);
  return (region ? region->full_name : policy.region) + "发布" + title;
}

std::string bulletin_headline(const Policy& policy, const Registry& registry) {
  return derive_headline(policy, registry).value_or(in_book_marks(policy.title));
}

}  // namespace ccnt
