#include <catch2/catch.hpp>

#include "source_tree.hpp"

#include "core/output/tally_output.hpp"
#include "core/query/policy_tally.hpp"

using namespace ccnt;

namespace {

Policy made_up(std::string id, std::string region, std::string level, std::string sector) {
  Policy policy;
  policy.id = std::move(id);
  policy.region = std::move(region);
  policy.level = std::move(level);
  policy.sector = std::move(sector);
  policy.added = *PartialDate::parse("2023-03");
  return policy;
}

}  // namespace

TEST_CASE("tally: counts per value, in registry order, with the policies lacking one last") {
  const Registry& registry = testing::source_registry();
  Policy a = made_up("a", "guangzhou", "municipal", "power");
  a.subsector = "solar";
  a.tags = {"光伏", "光伏", "储能"};
  a.published = PartialDate::parse("2023-02");
  Policy b = made_up("b", "guangdong", "provincial", "energy");
  b.sectors = {"power"};
  b.tags = {"储能"};
  Policy c = made_up("c", "national", "national", "power");
  const std::vector<const Policy*> policies{&a, &b, &c};

  const auto sector = tally_policies(policies, registry, "sector");
  REQUIRE(sector);
  REQUIRE(sector->rows.size() == 2);
  CHECK(sector->rows[0].key == "energy");  // sectors.yaml lists energy before power
  CHECK(sector->rows[0].name == "能源");
  CHECK(sector->rows[1].policies == 2);
  CHECK_FALSE(sector->several);

  const auto sectors = tally_policies(policies, registry, "sectors");
  REQUIRE(sectors);
  CHECK(sectors->several);
  CHECK(sectors->rows[1].key == "power");
  CHECK(sectors->rows[1].policies == 3);

  const auto province = tally_policies(policies, registry, "province");
  REQUIRE(province);
  REQUIRE(province->rows.size() == 2);
  CHECK(province->rows[0].key == "national");
  CHECK(province->rows[1].key == "guangdong");
  CHECK(province->rows[1].policies == 2);  // 广州 counts for 广东

  const auto subsector = tally_policies(policies, registry, "subsector");
  REQUIRE(subsector);
  REQUIRE(subsector->rows.size() == 2);
  CHECK(subsector->rows[0].key == "power/solar");
  CHECK(subsector->rows[0].name == "光伏");
  CHECK(subsector->rows[1].key.empty());
  CHECK(subsector->rows[1].policies == 2);

  const auto tag = tally_policies(policies, registry, "tag");
  REQUIRE(tag);
  REQUIRE(tag->rows.size() == 3);
  CHECK(tag->rows[0].key == "储能");  // a tag written twice counts once
  CHECK(tag->rows[0].policies == 2);
  CHECK(tag->rows[1].key == "光伏");
  CHECK(tag->rows[1].policies == 1);

  const auto published = tally_policies(policies, registry, "published");
  REQUIRE(published);
  REQUIRE(published->rows.size() == 2);
  CHECK(published->rows[0].key == "2023");
  CHECK(published->rows[1].policies == 2);

  CHECK_FALSE(tally_policies(policies, registry, "colour"));
}

TEST_CASE("tally rendered: names and a total in the table, keys in CSV") {
  const Registry& registry = testing::source_registry();
  Policy a = made_up("a", "guangzhou", "municipal", "power");
  Policy b = made_up("b", "national", "national", "power");
  const auto level = tally_policies({&a, &b}, registry, "level");
  REQUIRE(level);
  CHECK(render_tally(*level, OutputFormat::Table, 0) ==
        "2 policies\n\n"
        "level      policies\n"
        "─────────  ────────\n"
        "national          1\n"
        "municipal         1\n"
        "total             2\n");
  CHECK(render_tally(*level, OutputFormat::Table, 0, true, HeaderLanguage::Chinese) ==
        "共 2 项政策\n\n"
        "级别    政策数\n"
        "──────  ──────\n"
        "国家级       1\n"
        "市级         1\n"
        "合计         2\n");
  CHECK(render_tally(*level, OutputFormat::Csv, 0) ==
        "level,name,policies\r\nnational,national,1\r\nmunicipal,municipal,1\r\n");
  CHECK(tally_format_supported(OutputFormat::Json));
  CHECK_FALSE(tally_format_supported(OutputFormat::Yaml));
}
