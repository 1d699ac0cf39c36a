#include <catch2/catch.hpp>

#include "core/bulletin/bulletin_headline.hpp"
#include "source_tree.hpp"

using ccnt::bulletin_headline;
using ccnt::derive_headline;
using ccnt::Policy;
using ccnt::testing::source_registry;

namespace {

Policy policy(std::string region, std::string level, std::vector<std::string> issuers = {}) {
  Policy p;
  p.id = "x";
  p.title = "某某实施方案";
  p.region = std::move(region);
  p.level = std::move(level);
  p.issuers = std::move(issuers);
  return p;
}

}  // namespace

TEST_CASE("a national policy with one agency is headlined with the agency") {
  CHECK(bulletin_headline(policy("national", "national", {"国家能源局"}), source_registry()) ==
        "国家能源局发布《某某实施方案》");
}

TEST_CASE("a national policy with several agencies is headlined 多部门共同发布") {
  const auto& registry = source_registry();
  CHECK(bulletin_headline(
            policy("national", "national", {"自然资源部办公厅", "国家林业和草原局办公室"}),
            registry) == "多部门共同发布《某某实施方案》");
  CHECK(bulletin_headline(policy("national", "national", {"自然资源部等部门"}), registry) ==
        "多部门共同发布《某某实施方案》");
  // 等 inside a name is not "and others".
  CHECK(bulletin_headline(policy("national", "national", {"教育部高等教育司"}), registry) ==
        "教育部高等教育司发布《某某实施方案》");
}

TEST_CASE("a provincial or city policy is headlined with the region's full name") {
  const auto& registry = source_registry();
  CHECK(bulletin_headline(policy("zhejiang", "provincial"), registry) ==
        "浙江省发布《某某实施方案》");
  CHECK(bulletin_headline(policy("nanchang", "municipal"), registry) ==
        "南昌市发布《某某实施方案》");
  CHECK(bulletin_headline(policy("beijing", "provincial"), registry) ==
        "北京市发布《某某实施方案》");
  // Issuers of a local policy do not change its headline.
  CHECK(bulletin_headline(policy("guangdong", "provincial", {"广东省发展改革委"}), registry) ==
        "广东省发布《某某实施方案》");
}

TEST_CASE("the headline field overrides the derived headline") {
  Policy p = policy("national", "national", {"国家能源局"});
  p.headline = "国家能源局等发布《某某实施方案》";
  CHECK(bulletin_headline(p, source_registry()) == "国家能源局等发布《某某实施方案》");
}

TEST_CASE("a national policy without issuers has no derived headline") {
  const Policy p = policy("national", "national");
  CHECK_FALSE(derive_headline(p, source_registry()).has_value());
  CHECK(bulletin_headline(p, source_registry()) == "《某某实施方案》");
}

TEST_CASE("headline: a joint document of 中共中央 and 国务院 names both") {
  using ccnt::names_leadership_jointly;
  CHECK(bulletin_headline(policy("national", "national", {"国务院", "中共中央"}),
                          source_registry()) == "中共中央、国务院发布《某某实施方案》");
  CHECK(names_leadership_jointly({"中共中央", "国务院"}));
  CHECK(names_leadership_jointly({"国务院", "中共中央"}));
  CHECK(names_leadership_jointly({"中共中央办公厅", "国务院办公厅"}));
  CHECK_FALSE(names_leadership_jointly({"中共中央", "国务院", "生态环境部"}));
  CHECK_FALSE(names_leadership_jointly({"国务院"}));
}
