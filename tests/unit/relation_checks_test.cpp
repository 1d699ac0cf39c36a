// The checks of the relations between records (cross_file_checks.hpp): ids that name no
// record (E054), implements across levels (E055) and provinces (E056), cycles (E057), supersedes
// and amends across regions (E058), a superseded record's status (W054), dates that contradict
// a relation (W055); and the series' national records (E131).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/policy/cross_file_checks.hpp"
#include "source_tree.hpp"

using namespace ccnt;

namespace {

const Registry& registry() {
  return testing::source_registry();
}

Policy record(std::string id, std::string region, std::string level,
              std::optional<std::string> published = std::nullopt) {
  Policy p;
  p.path = "policies/" + region + "/industry/" + id + ".yaml";
  p.id = std::move(id);
  p.region = std::move(region);
  p.level = std::move(level);
  p.title = p.id;
  p.id_mark = {2, 5};
  if (published) p.published = PartialDate::parse(*published);
  return p;
}

void link(Policy& from, RelationKind kind, const std::string& to, int line = 9) {
  from.relations.of(kind).push_back({to, {line, 5}});
}

std::vector<Diagnostic> check(const std::vector<Policy>& policies,
                              const std::unordered_set<std::string>& unreadable = {}) {
  Diagnostics diagnostics;
  check_relations(policies, registry(), unreadable, diagnostics);
  return diagnostics.all();
}

}  // namespace

TEST_CASE("a provincial plan implementing the national one, and its city's, is sound") {
  Policy nation = record("national-plan", "national", "national", "2022-07");
  Policy province = record("guangdong-plan", "guangdong", "provincial", "2022-11");
  Policy city = record("guangzhou-plan", "guangzhou", "municipal", "2023-01");
  link(province, RelationKind::Implements, "national-plan");
  link(city, RelationKind::Implements, "guangdong-plan");
  link(city, RelationKind::Implements, "national-plan");
  CHECK(check({nation, province, city}).empty());
}

TEST_CASE("an id no record has is E054 at the item, with the closest ids") {
  Policy nation = record("national-industry-plan", "national", "national");
  Policy province = record("zhejiang-plan", "zhejiang", "provincial");
  link(province, RelationKind::Implements, "national-industri-plan", 12);
  const auto found = check({nation, province});
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "E054");
  CHECK(found[0].path == province.path);
  CHECK(found[0].mark.line == 12);
  CHECK(found[0].message == "`implements` names `national-industri-plan`, which no record has");
  CHECK(found[0].hint.find("national-industry-plan") != std::string::npos);
}

TEST_CASE("an id of a file with errors of its own is not reported missing") {
  Policy province = record("zhejiang-plan", "zhejiang", "provincial");
  link(province, RelationKind::Implements, "national-broken");
  CHECK(check({province}, {"national-broken"}).empty());
}

TEST_CASE("implements names only a record of a higher level (E055)") {
  Policy nation = record("national-plan", "national", "national");
  Policy zhejiang = record("zhejiang-plan", "zhejiang", "provincial");
  Policy henan = record("henan-plan", "henan", "provincial");
  link(zhejiang, RelationKind::Implements, "henan-plan");  // the same level
  Policy city = record("guangzhou-plan", "guangzhou", "municipal");
  Policy guangdong = record("guangdong-plan", "guangdong", "provincial");
  link(guangdong, RelationKind::Implements, "guangzhou-plan");  // the reverse
  const auto found = check({nation, zhejiang, henan, city, guangdong});
  REQUIRE(found.size() == 2);
  CHECK(found[0].code == "E055");
  CHECK(found[0].path == zhejiang.path);
  CHECK(found[0].message ==
        "`implements` names `henan-plan`, a provincial record; a provincial record implements "
        "only records of a higher level");
  CHECK(found[1].code == "E055");
  CHECK(found[1].path == guangdong.path);
}

TEST_CASE("a city implements the plan of its own province only (E056)") {
  Policy zhejiang = record("zhejiang-plan", "zhejiang", "provincial");
  Policy city = record("guangzhou-plan", "guangzhou", "municipal");
  link(city, RelationKind::Implements, "zhejiang-plan");
  const auto found = check({zhejiang, city});
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "E056");
  CHECK(found[0].message ==
        "`implements` names `zhejiang-plan` of 浙江, which 广州 does not lie in");
}

TEST_CASE("supersedes and amends stay in the record's region (E058)") {
  Policy old_plan = record("henan-old", "henan", "provincial");
  old_plan.status = "superseded";
  Policy plan = record("zhejiang-new", "zhejiang", "provincial");
  link(plan, RelationKind::Supersedes, "henan-old");
  link(plan, RelationKind::Amends, "henan-old");
  const auto found = check({old_plan, plan});
  REQUIRE(found.size() == 2);
  CHECK(found[0].code == "E058");
  CHECK(found[0].message ==
        "`supersedes` names `henan-old` of 河南, another region than this record's (浙江)");
  CHECK(found[1].code == "E058");
}

TEST_CASE("a superseded record says so in its status (W054, in its own file)") {
  Policy old_plan = record("zhejiang-old", "zhejiang", "provincial", "2021-05");
  Policy in_force = record("zhejiang-older", "zhejiang", "provincial", "2020-01");
  in_force.status = "in-force";
  Policy plan = record("zhejiang-new", "zhejiang", "provincial", "2023-01");
  link(plan, RelationKind::Supersedes, "zhejiang-old");
  link(plan, RelationKind::Supersedes, "zhejiang-older");
  const auto found = check({old_plan, in_force, plan});
  REQUIRE(found.size() == 2);
  CHECK(found[0].code == "W054");
  CHECK(found[0].severity == Severity::Warning);
  CHECK(found[0].path == old_plan.path);
  CHECK(found[0].message == "superseded by `zhejiang-new`, but the record states no status");
  CHECK(found[1].message == "superseded by `zhejiang-new`, but its status is `in-force`");
}

TEST_CASE("a record does not implement, supersede or amend a later one (W055)") {
  Policy nation = record("national-plan", "national", "national", "2023-05");
  Policy province = record("zhejiang-plan", "zhejiang", "provincial", "2023-02");
  link(province, RelationKind::Implements, "national-plan");
  Policy coarse =
      record("henan-plan", "henan", "provincial", "2023");  // 2023 is not before 2023-05
  link(coarse, RelationKind::Implements, "national-plan");
  const auto found = check({nation, province, coarse});
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "W055");
  CHECK(found[0].path == province.path);
  CHECK(found[0].message ==
        "`implements` names `national-plan`, published 2023-05, after this record (2023-02)");
}

TEST_CASE("supersedes and amends in a cycle are E057 once, at the first record of the cycle") {
  Policy a = record("zhejiang-a", "zhejiang", "provincial");
  Policy b = record("zhejiang-b", "zhejiang", "provincial");
  Policy c = record("zhejiang-c", "zhejiang", "provincial");
  a.status = b.status = c.status = "superseded";
  link(a, RelationKind::Amends, "zhejiang-b");
  link(b, RelationKind::Supersedes, "zhejiang-c");
  link(c, RelationKind::Amends, "zhejiang-a");
  const auto found = check({c, b, a});  // path order: the first is reported
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "E057");
  CHECK(found[0].path == c.path);
  CHECK(found[0].message ==
        "supersedes and amends form a cycle: zhejiang-c → zhejiang-a → zhejiang-b → zhejiang-c");
}

TEST_CASE("a chain of 50,000 supersedes is checked without a cycle or a deep recursion") {
  std::vector<Policy> chain;
  for (int i = 0; i < 50000; ++i) {
    chain.push_back(record("zhejiang-" + std::to_string(i), "zhejiang", "provincial"));
    chain.back().status = "superseded";
    if (i > 0) link(chain.back(), RelationKind::Supersedes, "zhejiang-" + std::to_string(i - 1));
  }
  CHECK(check(chain).empty());
  link(chain.front(), RelationKind::Amends, "zhejiang-49999");  // closes it
  const auto found = check(chain);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "E057");
}

TEST_CASE("a series' national record must be national (E131); one not in the tree is no error") {
  Diagnostics diagnostics;
  const SeriesRegistry& series = testing::source_project().series;
  REQUIRE(series.find("industry-peaking"));
  check_series_records({}, series, diagnostics);  // a tree without it
  CHECK(diagnostics.empty());
  Policy impostor = record("national-industry-carbon-peaking", "zhejiang", "provincial");
  check_series_records({impostor}, series, diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics.all()[0].code == "E131");
  CHECK(diagnostics.all()[0].path.ends_with("schemas/series.yaml"));
  CHECK(diagnostics.all()[0].message ==
        "series `industry-peaking` names `national-industry-carbon-peaking` as its national "
        "record, but it is a provincial record");
}
