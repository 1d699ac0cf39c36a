// The coverage matrix (core/query/coverage.hpp) and the relation index behind it and `show`:
// a region's counterpart of a series found by relation, directly or through its province's
// record, or by the series' criteria; drafts left out; rows, dates and totals.
#include <catch2/catch.hpp>

#include "core/query/coverage.hpp"
#include "core/query/relation_index.hpp"
#include "source_tree.hpp"

using namespace ccnt;

namespace {

Policy record(std::string id, std::string region, std::string level, std::string title,
              std::string sector = "industry", std::optional<std::string> published = {}) {
  Policy p;
  p.id = std::move(id);
  p.path = "policies/" + p.id + ".yaml";
  p.region = std::move(region);
  p.level = std::move(level);
  p.title = std::move(title);
  p.sector = std::move(sector);
  p.doc_type = "实施方案";
  if (published) p.published = PartialDate::parse(*published);
  return p;
}

void implement(Policy& from, const std::string& to) {
  from.relations.implements.push_back({to, {}});
}

std::vector<const Policy*> pointers(const std::vector<Policy>& policies) {
  std::vector<const Policy*> out;
  for (const Policy& p : policies) out.push_back(&p);
  return out;
}

const SeriesRegistry& series() {
  return testing::source_project().series;
}

CoverageQuery query_of(std::vector<std::string> slugs, std::string level = "provincial") {
  CoverageQuery query;
  for (const std::string& slug : slugs) query.series.push_back(series().find(slug));
  query.level = std::move(level);
  return query;
}

std::vector<std::string> row_names(const CoverageMatrix& matrix) {
  std::vector<std::string> names;
  for (const Region* region : matrix.regions) names.push_back(region->slug);
  return names;
}

}  // namespace

TEST_CASE("counterparts by relation and by criteria, the earliest date, drafts left out") {
  std::vector<Policy> policies;
  policies.push_back(record("national-industry-carbon-peaking", "national", "national",
                            "工业领域碳达峰实施方案", "industry", "2022-07"));
  // By relation, though its title is not the series' (a differently named plan).
  policies.push_back(record("zhejiang-plan", "zhejiang", "provincial", "浙江省工业绿色发展方案"));
  implement(policies.back(), "national-industry-carbon-peaking");
  // By criteria, twice: the earlier dated one gives the cell its date.
  policies.push_back(record("henan-2023", "henan", "provincial", "河南省工业领域碳达峰实施方案",
                            "industry", "2023-02"));
  policies.push_back(record("henan-2022", "henan", "provincial",
                            "河南省工业领域碳达峰实施方案（征求意见稿后修订）", "industry",
                            "2022-12"));
  // A draft does not count.
  policies.push_back(record("hunan-draft", "hunan", "provincial", "湖南省工业领域碳达峰实施方案"));
  policies.back().status = "draft";
  // Another level is another matrix.
  policies.push_back(
      record("guangzhou-plan", "guangzhou", "municipal", "广州市工业领域碳达峰实施方案"));
  const CoverageMatrix matrix = compute_coverage(pointers(policies), testing::source_registry(),
                                                 series(), query_of({"industry-peaking"}));
  REQUIRE(matrix.series.size() == 1);
  REQUIRE(matrix.national[0]);
  CHECK(matrix.national[0]->id == "national-industry-carbon-peaking");
  CHECK(row_names(matrix) == std::vector<std::string>{"zhejiang", "henan"});  // registry order
  const CoverageCell& zhejiang = matrix.cells[0][0];
  REQUIRE(zhejiang.policies.size() == 1);
  CHECK_FALSE(zhejiang.published);
  const CoverageCell& henan = matrix.cells[1][0];
  REQUIRE(henan.policies.size() == 2);
  CHECK(henan.policies[0]->id == "henan-2022");
  CHECK(henan.published->to_string() == "2022-12");
  CHECK(matrix.issued == std::vector<std::size_t>{2});
  CHECK(matrix.regions_at_level == 34);
}

TEST_CASE("a city's plan counts through its province's, which implements the nation's") {
  std::vector<Policy> policies;
  policies.push_back(
      record("national-industry-carbon-peaking", "national", "national", "工业领域碳达峰实施方案"));
  policies.push_back(record("guangdong-plan", "guangdong", "provincial", "广东省工业方案"));
  implement(policies.back(), "national-industry-carbon-peaking");
  policies.push_back(record("guangzhou-plan", "guangzhou", "municipal", "广州市工业方案"));
  implement(policies.back(), "guangdong-plan");
  policies.push_back(record("shenzhen-plan", "shenzhen", "municipal", "深圳市工业方案"));
  implement(policies.back(), "shenzhen-plan");  // a loop ends its branch
  CoverageQuery query = query_of({"industry-peaking"}, "municipal");
  const CoverageMatrix matrix =
      compute_coverage(pointers(policies), testing::source_registry(), series(), query);
  CHECK(row_names(matrix) == std::vector<std::string>{"guangzhou"});
  CHECK(matrix.regions_at_level == 333);

  query.within = {testing::source_registry().find_region("浙江")};
  query.all_regions = true;
  const CoverageMatrix zhejiang =
      compute_coverage(pointers(policies), testing::source_registry(), series(), query);
  CHECK(zhejiang.regions.size() == 11);  // every city of 浙江, none with a plan
  CHECK(zhejiang.regions_at_level == 11);
  CHECK(zhejiang.issued == std::vector<std::size_t>{0});
}

TEST_CASE("without --series every series is a column, in the registry's order") {
  const CoverageMatrix matrix =
      compute_coverage({}, testing::source_registry(), series(), CoverageQuery{});
  CHECK(matrix.series.size() == series().series().size());
  CHECK(matrix.series.front()->slug == "peaking");
  CHECK(matrix.regions.empty());
  CHECK(matrix.national[1] == nullptr);  // the tree lacks it
}

TEST_CASE("the relation index reads relations both ways") {
  std::vector<Policy> policies;
  policies.push_back(record("national-a", "national", "national", "甲"));
  policies.push_back(record("zhejiang-b", "zhejiang", "provincial", "乙"));
  implement(policies.back(), "national-a");
  policies.back().relations.supersedes.push_back({"zhejiang-old", {}});
  policies.push_back(record("zhejiang-c", "zhejiang", "provincial", "丙"));
  implement(policies.back(), "national-a");
  const RelationIndex index(pointers(policies));
  CHECK(index.find("zhejiang-b") == &policies[1]);
  CHECK(index.find("nothing") == nullptr);
  CHECK(index.naming(policies[0], RelationKind::Implements) ==
        std::vector<const Policy*>{&policies[1], &policies[2]});
  CHECK(index.naming(policies[0], RelationKind::Amends).empty());
  const auto of_b = index.related(policies[1]);
  REQUIRE(of_b.size() == 2);
  CHECK(of_b[0].kind == RelationKind::Implements);
  CHECK_FALSE(of_b[0].incoming);
  CHECK(of_b[0].policy == &policies[0]);
  CHECK(of_b[1].kind == RelationKind::Supersedes);
  CHECK(of_b[1].id == "zhejiang-old");
  CHECK(of_b[1].policy == nullptr);  // not in the tree
  const auto of_a = index.related(policies[0]);
  REQUIRE(of_a.size() == 2);
  CHECK(of_a[0].incoming);
  CHECK(of_a[1].id == "zhejiang-c");
  CHECK(index.implemented(policies[2]) == std::vector<std::string_view>{"national-a"});
}
