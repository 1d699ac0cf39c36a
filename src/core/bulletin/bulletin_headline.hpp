// The bold line above each policy in the bulletin, derived from the data:
// 国家能源局发布《…》, 多部门共同发布《…》, 浙江省发布《…》.
#pragma once

#include <optional>
#include <string>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// The headline as the data gives it, or nullopt when it cannot: a national
// policy without issuers. Rules, first match wins: the policy's `headline`;
// for a national policy, one agency → "<agency>发布《title》", several (or one
// written "X等部门") → "多部门共同发布《title》"; for a province or city, its
// full name from the registry → "浙江省发布《title》".
std::optional<std::string> derive_headline(const Policy& policy, const Registry& registry);

// derive_headline, or "《title》" alone when nothing more can be said.
std::string bulletin_headline(const Policy& policy, const Registry& registry);

// True when the issuers are 中共中央 and 国务院 (or their general offices), in either order: a
// joint document of the leadership, headlined with both names rather than 多部门共同发布.
bool names_leadership_jointly(const std::vector<std::string>& issuers);

// True for an issuer that stands for several agencies: "自然资源部等部门".
bool names_several_agencies(const std::string& issuer);

}  // namespace ccnt
