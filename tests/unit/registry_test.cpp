// The registries (schemas/regions.yaml, sectors.yaml, indicators.yaml): every form of a name
// finds its entry, order and nesting are the file's, and a broken registry is reported (E091).
#include <catch2/catch.hpp>

#include <string>

#include "core/policy/registry.hpp"
#include "scratch_tree.hpp"
#include "source_tree.hpp"

using namespace ccnt;
using ccnt::testing::ScratchTree;
using ccnt::testing::source_registry;
using ccnt::testing::write_text;

TEST_CASE("a region is found by slug, short name, full name and alias, in any Latin case") {
  const Registry& registry = source_registry();
  const Region* zhejiang = registry.find_region("zhejiang");
  REQUIRE(zhejiang);
  CHECK(registry.find_region("浙江") == zhejiang);
  CHECK(registry.find_region("浙江省") == zhejiang);
  CHECK(registry.find_region("ZheJiang") == zhejiang);
  CHECK(registry.find_region("china") == registry.find_region("national"));
  CHECK_FALSE(registry.find_region("zhejang"));
  CHECK(zhejiang->policy_level() == "provincial");
}

TEST_CASE("sectors, subsectors and indicators are found by their names") {
  const Registry& registry = source_registry();
  const Sector* industry = registry.find_sector("工业");
  REQUIRE(industry);
  CHECK(industry->slug == "industry");
  CHECK(registry.find_sector("industry") == industry);
  if (!industry->subsectors.empty()) {
    const Subsector& first = industry->subsectors.front();
    CHECK(registry.find_subsector(*industry, first.slug) == &first);
    CHECK(registry.find_subsector(*industry, first.name) == &first);
  }
  CHECK(registry.find_indicator("industrial-energy-intensity-reduction"));
  CHECK_FALSE(registry.find_indicator("no-such-indicator"));
}

TEST_CASE("regions nest: a city lies within its province, which lies within the nation") {
  const Registry& registry = source_registry();
  const Region& national = *registry.find_region("national");
  const Region& guangdong = *registry.find_region("guangdong");
  const Region& guangzhou = *registry.find_region("guangzhou");
  CHECK(registry.is_within(guangzhou, guangdong));
  CHECK(registry.is_within(guangzhou, national));
  CHECK(registry.is_within(guangdong, guangdong));
  CHECK_FALSE(registry.is_within(guangdong, guangzhou));
  CHECK_FALSE(registry.is_within(*registry.find_region("zhejiang"), guangdong));
}

TEST_CASE("ranks follow the registry's order; unknown slugs come last") {
  const Registry& registry = source_registry();
  CHECK(registry.region_rank("national") == 0);
  CHECK(registry.region_rank("beijing") < registry.region_rank("guangzhou"));
  CHECK(registry.region_rank("no-such-region") == registry.regions().size());
  CHECK(registry.region_rank("浙江") == registry.regions().size());  // slugs only
  CHECK(registry.sector_rank(registry.sectors().back().slug) == registry.sectors().size() - 1);
  CHECK(registry.sector_rank("no-such-sector") == registry.sectors().size());
}

TEST_CASE("unknown names get the closest known ones as suggestions") {
  const Registry& registry = source_registry();
  const auto suggestions = registry.suggest_regions("zhejang");
  REQUIRE_FALSE(suggestions.empty());
  CHECK(suggestions.front().find("zhejiang") != std::string::npos);
}

TEST_CASE("a name used by two entries and an entry without a slug are E091") {
  ScratchTree tree;
  write_text(tree.root() / "schemas" / "regions.yaml",
             "regions:\n"
             "  - slug: national\n"
             "    name: 全国\n"
             "    full_name: 中华人民共和国\n"
             "    level: national\n"
             "  - slug: zhejiang\n"
             "    name: 全国\n"
             "    full_name: 浙江省\n"
             "    level: province\n"
             "    parent: national\n"
             "  - name: 无名\n"
             "    full_name: 无名省\n");
  Diagnostics diagnostics;
  Registry::load(tree.root() / "schemas", diagnostics);
  std::size_t e091 = 0;
  for (const Diagnostic& d : diagnostics.all()) e091 += d.code == "E091";
  CHECK(e091 == 2);
  CHECK(diagnostics.error_count() >= 2);
}
