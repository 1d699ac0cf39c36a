#include <catch2/catch.hpp>

#include "core/bulletin/bulletin_check.hpp"
#include "core/bulletin/bulletin_draft.hpp"
#include "core/bulletin/bulletin_month.hpp"
#include "source_tree.hpp"

using namespace ccnt;
using ccnt::testing::source_registry;

namespace {

Policy policy(std::string id, std::string region, std::string level, std::string sector,
              std::optional<PartialDate> published = std::nullopt) {
  Policy p;
  p.id = std::move(id);
  p.title = "标题" + p.id;
  p.region = std::move(region);
  p.level = std::move(level);
  p.sector = std::move(sector);
  p.published = published;
  p.added = {2023, 4, 0};
  if (p.level == "national") p.issuers = {"国家发展改革委"};
  return p;
}

const std::vector<Policy>& tree() {
  static const std::vector<Policy> policies{
      policy("zj-industry", "zhejiang", "provincial", "industry"),
      policy("national-late", "national", "national", "energy", PartialDate{2023, 3, 20}),
      policy("hn-industry", "henan", "provincial", "industry", PartialDate{2023, 2, 0}),
      policy("gz-peaking", "guangzhou", "municipal", "peaking"),
      policy("national-early", "national", "national", "power", PartialDate{2023, 1, 0}),
  };
  return policies;
}

std::vector<std::string> ids(const std::vector<const Policy*>& policies) {
  std::vector<std::string> result;
  for (const Policy* p : policies) result.push_back(p->id);
  return result;
}

}  // namespace

TEST_CASE("the draft puts national policies first, then local ones by sector, each by date") {
  const auto month = policies_added_in(tree(), {2023, 4, 0});
  const DraftGrouping grouping = group_for_draft(month, source_registry());
  CHECK(ids(grouping.national) == std::vector<std::string>{"national-early", "national-late"});
  REQUIRE(grouping.local.size() == 2);
  CHECK(grouping.local[0].sector->slug == "peaking");  // registry order: 碳达峰综合 first
  CHECK(ids(grouping.local[1].policies) ==
        std::vector<std::string>{"hn-industry", "zj-industry"});  // dated first, then by region
}

TEST_CASE("draft_bulletin states its leads from the data") {
  const auto month = policies_added_in(tree(), {2023, 4, 0});
  const BulletinEditorial draft = draft_bulletin({2023, 4, 0}, month, source_registry());
  CHECK(draft.draft);
  REQUIRE(draft.national.groups.size() == 1);
  // The count line once: in the overview, not again as the group's lead.
  CHECK(draft.national.overview == std::vector<std::string>{"本月新增国家政策 2 项。"});
  CHECK(draft.national.groups[0].lead.empty());
  REQUIRE(draft.local.groups.size() == 2);
  CHECK(draft.local.groups[1].lead == "工业领域 2 项：河南省、浙江省。");
  CHECK(draft.local.overview == std::vector<std::string>{"本月新增地方政策 3 项，来自 3 个省市。"});
}

TEST_CASE("the skeleton lists every policy of the month and parses back without errors") {
  const auto month = policies_added_in(tree(), {2023, 4, 0});
  const std::string yaml = bulletin_skeleton({2023, 4, 0}, month, source_registry());
  CHECK(yaml.find("        - national-early  # 《标题national-early》\n") != std::string::npos);
  CHECK(yaml.find("    - lead: \"TODO: 本组导语（工业，2 项）\"\n") != std::string::npos);
  Diagnostics diagnostics;
  auto editorial = parse_bulletin_editorial(yaml, "2023-04.yaml", {2023, 4, 0}, diagnostics);
  REQUIRE(editorial);
  check_bulletin_editorial(*editorial, tree(), diagnostics);
  CHECK(diagnostics.error_count() == 0);
  CHECK(diagnostics.warning_count() == 4);  // the TODO placeholders: 3 leads and the credits
  CHECK(editorial->local.groups.size() == 2);
}

TEST_CASE("the skeleton of a month without policies is valid too") {
  const std::string yaml = bulletin_skeleton({2023, 5, 0}, {}, source_registry());
  Diagnostics diagnostics;
  auto editorial = parse_bulletin_editorial(yaml, "2023-05.yaml", {2023, 5, 0}, diagnostics);
  REQUIRE(editorial);
  check_bulletin_editorial(*editorial, tree(), diagnostics);
  CHECK(diagnostics.error_count() == 0);
  CHECK(editorial->national.groups.empty());
  CHECK(editorial->local.groups.empty());
}
