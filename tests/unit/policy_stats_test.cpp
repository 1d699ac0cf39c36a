#include <catch2/catch.hpp>

#include "core/query/policy_stats.hpp"
#include "source_tree.hpp"

using namespace ccnt;

namespace {

Policy policy(std::string region, std::string level, std::string sector, std::string added) {
  Policy p;
  p.region = std::move(region);
  p.level = std::move(level);
  p.sector = std::move(sector);
  p.added = *PartialDate::parse(added);
  return p;
}

}  // namespace

TEST_CASE("stats count region x sector, levels, months and targets") {
  Policy zj = policy("zhejiang", "provincial", "industry", "2023-03");
  zj.targets.resize(2);
  zj.targets[0].indicator = zj.targets[1].indicator = "industrial-energy-intensity-reduction";
  const Policy zj2 = policy("zhejiang", "provincial", "carbon-sinks", "2023-03-05");
  const Policy gz = policy("guangzhou", "municipal", "peaking", "2023-04");
  const Policy cn = policy("national", "national", "industry", "2022-08");
  const PolicyStats stats = compute_stats({&zj, &zj2, &gz, &cn}, testing::source_registry());

  CHECK(stats.policies == 4);
  REQUIRE(stats.regions.size() == 3);
  CHECK(stats.regions[0]->slug == "national");  // registry order
  CHECK(stats.regions[1]->slug == "zhejiang");
  CHECK(stats.regions[2]->slug == "guangzhou");
  REQUIRE(stats.sectors.size() == 3);
  CHECK(stats.sectors[0]->slug == "peaking");
  CHECK(stats.sectors[1]->slug == "industry");
  CHECK(stats.cells[1][1] == 1);  // 浙江 工业
  CHECK(stats.cells[0][1] == 1);  // 全国 工业
  CHECK(stats.cells[2][0] == 1);  // 广州 碳达峰

  REQUIRE(stats.by_level.size() == 3);
  CHECK(stats.by_level[0].key == "national");
  CHECK(stats.by_level[1].count == 2);
  REQUIRE(stats.by_month_added.size() == 3);
  CHECK(stats.by_month_added[0].key == "2022-08");
  CHECK(stats.by_month_added[1].key == "2023-03");
  CHECK(stats.by_month_added[1].count == 2);  // a day-precise date counts in its month

  REQUIRE(stats.by_indicator.size() == 1);
  CHECK(stats.by_indicator[0].targets == 2);
  CHECK(stats.by_indicator[0].policies == 1);
}

TEST_CASE("stats of no policies are empty, and a level outside the four still counts") {
  const PolicyStats none = compute_stats({}, testing::source_registry());
  CHECK(none.policies == 0);
  CHECK(none.regions.empty());
  CHECK(none.sectors.empty());
  CHECK(none.by_level.empty());
  CHECK(none.by_indicator.empty());

  const Policy county = policy("zhejiang", "county", "industry", "2023-03");
  const Policy odd = policy("zhejiang", "district", "industry", "2023-03");
  const Policy national = policy("national", "national", "industry", "2023-03");
  const PolicyStats stats = compute_stats({&odd, &county, &national}, testing::source_registry());
  REQUIRE(stats.by_level.size() == 3);
  CHECK(stats.by_level[0].key == "national");
  CHECK(stats.by_level[1].key == "county");
  CHECK(stats.by_level[2].key == "district");
  REQUIRE(stats.cells.size() == 2);
  CHECK(stats.cells[1][0] == 2);  // 浙江 工业
}

TEST_CASE("targets count per indicator in registry order, policies once each") {
  Policy a = policy("zhejiang", "provincial", "industry", "2023-03");
  Policy b = policy("henan", "provincial", "industry", "2023-03");
  a.targets.resize(3);
  a.targets[0].indicator = "industrial-co2-intensity-reduction";
  a.targets[1].indicator = "industrial-energy-intensity-reduction";
  a.targets[2].indicator = "industrial-co2-intensity-reduction";
  b.targets.resize(1);
  b.targets[0].indicator = "industrial-co2-intensity-reduction";
  const PolicyStats stats = compute_stats({&a, &b}, testing::source_registry());
  REQUIRE(stats.by_indicator.size() == 2);
  CHECK(stats.by_indicator[0].indicator->slug == "industrial-energy-intensity-reduction");
  CHECK(stats.by_indicator[1].indicator->slug == "industrial-co2-intensity-reduction");
  CHECK(stats.by_indicator[1].targets == 3);
  CHECK(stats.by_indicator[1].policies == 2);
}

TEST_CASE("stats by issuer count each agency once per policy, under all its names") {
  Policy a = policy("national", "national", "energy", "2024-01");
  a.issuers = {"国家发展改革委", "国家发展和改革委员会", "国家能源局"};  // the NDRC twice
  Policy b = policy("national", "national", "energy", "2024-01");
  b.issuers = {"发展改革委"};  // bare, in a national record: the NDRC
  Policy c = policy("zhejiang", "provincial", "energy", "2024-01");
  c.issuers = {"发展改革委", "国家发改委等部门"};  // 浙江's commission, and the NDRC
  Policy d = policy("national", "national", "other", "2024-01");
  d.issuers = {"某某研究会"};
  const Policy e = policy("national", "national", "other", "2024-01");
  const IssuerStats stats = count_by_issuer({&a, &b, &c, &d, &e}, testing::source_registry());

  REQUIRE(stats.agencies.size() == 4);
  CHECK(stats.agencies[0].id == "ndrc");
  CHECK(stats.agencies[0].name == "国家发展和改革委员会");
  CHECK(stats.agencies[0].kind == "government");
  CHECK(stats.agencies[0].policies == 3);
  // One policy each: placed agencies by name, then the issuer that cannot be placed.
  CHECK(stats.agencies[1].name == "国家能源局");
  CHECK(stats.agencies[2].id == "zhejiang/development-reform");
  CHECK(stats.agencies[2].name == "浙江省发展和改革委员会");
  CHECK(stats.agencies[3].id.empty());
  CHECK(stats.agencies[3].name == "某某研究会");
  CHECK(stats.agencies[3].policies == 1);
  CHECK(stats.without_issuer == 1);
}
