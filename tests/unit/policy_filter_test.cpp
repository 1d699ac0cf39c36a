#include <catch2/catch.hpp>

#include "source_tree.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/query/policy_filter.hpp"

using namespace ccnt;

namespace {

const Registry& registry() {
  return testing::source_registry();
}

Policy make_policy(std::string id, std::string region, std::string level, std::string sector,
                   std::string published, std::string added) {
  Policy policy;
  policy.id = std::move(id);
  policy.title = "Fixture " + policy.id;
  policy.region = std::move(region);
  policy.level = std::move(level);
  policy.sector = std::move(sector);
  policy.doc_type = "实施方案";
  if (!published.empty()) policy.published = PartialDate::parse(published);
  policy.added = *PartialDate::parse(added);
  return policy;
}

// A small made-up set: 广东 with its capital 广州, and 浙江.
std::vector<Policy> fixtures() {
  std::vector<Policy> policies;
  policies.push_back(
      make_policy("gd-energy", "guangdong", "provincial", "energy", "2023-02-14", "2023-03"));
  policies.back().issuers = {"广东省发展和改革委员会", "广东省能源局"};
  policies.back().tags = {"储能"};
  policies.push_back(
      make_policy("gz-peaking", "guangzhou", "municipal", "peaking", "2023-01", "2023-03"));
  policies.back().sectors = {"energy", "transport"};
  policies.back().summary = "到2025年，Guangzhou 光伏 capacity grows.";
  policies.push_back(
      make_policy("zj-industry", "zhejiang", "provincial", "industry", "2022-11", "2023-02"));
  policies.back().doc_type = "通知";
  policies.back().targets.push_back(Target{});
  policies.push_back(
      make_policy("zj-sinks", "zhejiang", "provincial", "carbon-sinks", "", "2023-03"));
  return policies;
}

std::vector<std::string> matching_ids(const PolicyQuery& query) {
  FilterError error;
  auto filter = PolicyFilter::make(query, registry(), error);
  INFO(error.message << " / " << error.hint);
  REQUIRE(filter);
  std::vector<std::string> ids;
  for (const Policy& policy : fixtures())
    if (filter->matches(policy)) ids.push_back(policy.id);
  return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("An empty query matches everything") {
  CHECK(matching_ids({}) == Ids{"gd-energy", "gz-peaking", "zj-industry", "zj-sinks"});
}

TEST_CASE("Filter --region accepts every name form and includes the cities inside") {
  for (const char* name : {"广东", "广东省", "guangdong", "GuangDong", "粤"}) {
    INFO(name);
    PolicyQuery query;
    query.regions = {name};
    CHECK(matching_ids(query) == Ids{"gd-energy", "gz-peaking"});
  }
  PolicyQuery query;
  query.regions = {"广东"};
  query.no_subregions = true;
  CHECK(matching_ids(query) == Ids{"gd-energy"});
  query.regions = {"广州"};
  query.no_subregions = false;
  CHECK(matching_ids(query) == Ids{"gz-peaking"});
}

TEST_CASE("A repeated flag ORs and different flags AND") {
  PolicyQuery query;
  query.regions = {"广州", "zhejiang"};
  CHECK(matching_ids(query) == Ids{"gz-peaking", "zj-industry", "zj-sinks"});
  query.sectors = {"industry"};
  CHECK(matching_ids(query) == Ids{"zj-industry"});
}

TEST_CASE("Filter --sector matches the primary or a further sector, by slug or Chinese name") {
  PolicyQuery query;
  query.sectors = {"能源"};
  CHECK(matching_ids(query) == Ids{"gd-energy", "gz-peaking"});
  query.sectors = {"transport"};
  CHECK(matching_ids(query) == Ids{"gz-peaking"});
}

TEST_CASE("Filter --level accepts the English and Chinese level names") {
  PolicyQuery query;
  query.levels = {"municipal"};
  CHECK(matching_ids(query) == Ids{"gz-peaking"});
  query.levels = {"省级"};
  CHECK(matching_ids(query) == Ids{"gd-energy", "zj-industry", "zj-sinks"});
}

TEST_CASE("Filter --issuer, --type and --tag") {
  PolicyQuery query;
  query.issuers = {"能源局"};
  CHECK(matching_ids(query) == Ids{"gd-energy"});
  query = {};
  query.types = {"通知"};
  CHECK(matching_ids(query) == Ids{"zj-industry"});
  query = {};
  query.tags = {"储能"};
  CHECK(matching_ids(query) == Ids{"gd-energy"});
}

TEST_CASE("Filter --issuer finds an agency under every name, and the agencies inside an issuer") {
  std::vector<Policy> policies;
  const auto add = [&](std::string id, std::string region, std::string level,
                       std::vector<std::string> issuers) {
    policies.push_back(make_policy(std::move(id), std::move(region), std::move(level), "energy",
                                   "2024-01", "2024-02"));
    policies.back().issuers = std::move(issuers);
  };
  add("full", "national", "national", {"国家发展和改革委员会"});
  add("short", "national", "national", {"国家发改委"});
  add("bare", "national", "national", {"发展改革委"});
  add("others", "national", "national", {"国家发展改革委等部门"});
  add("joint", "national", "national", {"国家能源局、国家发展改革委"});
  add("zj-bare", "zhejiang", "provincial", {"发改委"});
  add("zj-full", "zhejiang", "provincial", {"浙江省发展和改革委员会"});
  add("energy", "national", "national", {"国家能源局综合司"});
  const auto ids = [&](std::vector<std::string> issuers) {
    PolicyQuery query;
    query.issuers = std::move(issuers);
    FilterError error;
    auto filter = PolicyFilter::make(query, registry(), error);
    REQUIRE(filter);
    Ids found;
    for (const Policy& policy : policies)
      if (filter->matches(policy)) found.push_back(policy.id);
    return found;
  };
  const Ids ndrc{"full", "short", "bare", "others", "joint"};
  CHECK(ids({"国家发展改革委"}) == ndrc);
  CHECK(ids({"国家发展和改革委员会"}) == ndrc);
  CHECK(ids({"国家发改委"}) == ndrc);
  CHECK(ids({"浙江省发改委"}) == Ids{"zj-bare", "zj-full"});
  CHECK(ids({"发改委"}) == Ids{"full", "short", "bare", "others", "joint", "zj-bare", "zj-full"});
  CHECK(ids({"国家能源局"}) == Ids{"joint", "energy"});
  // Text that names no agency matches inside the issuer as written or as the registry names it.
  CHECK(ids({"综合司"}) == Ids{"energy"});
  CHECK(ids({"和改革"}) == Ids{"full", "short", "bare", "others", "joint", "zj-bare", "zj-full"});
}

TEST_CASE("Filter --since and --until compare at month precision and drop undated policies") {
  PolicyQuery query;
  query.since = "2023-02-28";  // same month as 2023-02-14: included
  CHECK(matching_ids(query) == Ids{"gd-energy"});
  query.since = "2023";
  CHECK(matching_ids(query) == Ids{"gd-energy", "gz-peaking"});
  query = {};
  query.until = "2022-12";
  CHECK(matching_ids(query) == Ids{"zj-industry"});
  query.since = "2022-11";
  CHECK(matching_ids(query) == Ids{"zj-industry"});
}

TEST_CASE("Filter --added matches the month or year of addition") {
  PolicyQuery query;
  query.added = {"2023-02"};
  CHECK(matching_ids(query) == Ids{"zj-industry"});
  query.added = {"2023"};
  CHECK(matching_ids(query).size() == 4);
}

TEST_CASE("Filter --has-targets and --search") {
  PolicyQuery query;
  query.has_targets = true;
  CHECK(matching_ids(query) == Ids{"zj-industry"});
  query = {};
  query.search = {"GUANGZHOU"};  // case-insensitive, in the summary
  CHECK(matching_ids(query) == Ids{"gz-peaking"});
  query.search = {"光伏"};
  CHECK(matching_ids(query) == Ids{"gz-peaking"});
  query.search = {"发展和改革"};  // in an issuer
  CHECK(matching_ids(query) == Ids{"gd-energy"});
  query.search = {"fixture zj"};  // in the title
  CHECK(matching_ids(query) == Ids{"zj-industry", "zj-sinks"});
}

TEST_CASE("Unknown names give an error with the closest valid names") {
  FilterError error;
  PolicyQuery query;
  query.regions = {"zhejang"};
  CHECK_FALSE(PolicyFilter::make(query, registry(), error));
  CHECK(error.message == "unknown region `zhejang`");
  CHECK(error.hint == "did you mean zhejiang, 浙江?");

  query.regions = {"guang"};
  CHECK_FALSE(PolicyFilter::make(query, registry(), error));
  CHECK(error.hint == "did you mean guangdong, 广东; guangxi, 广西; guangping, 广平?");

  query = {};
  query.sectors = {"industy"};
  CHECK_FALSE(PolicyFilter::make(query, registry(), error));
  CHECK(error.message == "unknown sector `industy`");
  CHECK(error.hint == "did you mean industry, 工业?");

  query = {};
  query.levels = {"provincal"};
  CHECK_FALSE(PolicyFilter::make(query, registry(), error));
  CHECK(error.message == "unknown level `provincal`");
  CHECK(error.hint == "did you mean provincial?");

  query = {};
  query.types = {"实施方按"};
  CHECK_FALSE(PolicyFilter::make(query, registry(), {"实施方案", "通知"}, error));
  CHECK(error.message == "unknown document type `实施方按`");
  CHECK(error.hint == "did you mean 实施方案?");
}

TEST_CASE("Malformed dates are rejected") {
  FilterError error;
  for (const char* date : {"2023/03", "2023-13", "23-03", "2023-02-30"}) {
    INFO(date);
    PolicyQuery query;
    query.since = date;
    CHECK_FALSE(PolicyFilter::make(query, registry(), error));
    CHECK(error.kind == FilterError::Kind::InvalidDate);
    CHECK(error.field == "since");
    CHECK(error.value == date);
    CHECK(error.message.empty());  // the caller words it, naming its own flag
  }
  PolicyQuery query;
  query.since = "2023-05";
  query.until = "2023-01";
  CHECK_FALSE(PolicyFilter::make(query, registry(), error));
  CHECK(error.kind == FilterError::Kind::UntilBeforeSince);
  CHECK(error.value == "2023-01");
  CHECK(error.other == "2023-05");
}

TEST_CASE("region_dir_filter keeps the province directories that hold the selected regions") {
  FilterError error;
  PolicyQuery query;
  CHECK_FALSE(PolicyFilter::make(query, registry(), error)->region_dir_filter());

  query.regions = {"广东"};
  const auto keep = PolicyFilter::make(query, registry(), error)->region_dir_filter();
  REQUIRE(keep);
  CHECK(keep("guangdong"));
  CHECK_FALSE(keep("zhejiang"));
  CHECK_FALSE(keep("national"));
  CHECK(keep("not-a-region"));  // unknown directories are read so that their errors count
  CHECK(keep("guangzhou"));     // a city's directory at the top is misplaced: read, reported

  query.regions = {"义乌"};  // policies/zhejiang/jinhua/yiwu/: the province's directory is read
  const auto county = PolicyFilter::make(query, registry(), error)->region_dir_filter();
  CHECK(county("zhejiang"));
  CHECK_FALSE(county("guangdong"));

  query.regions = {"广东"};
  query.no_subregions = true;
  const auto only = PolicyFilter::make(query, registry(), error)->region_dir_filter();
  CHECK(only("guangdong"));
  CHECK_FALSE(only("jiangsu"));
}

TEST_CASE("Filter --sector takes a subsector in any of its names and says what it matched") {
  std::vector<Policy> policies = fixtures();
  policies[0].subsector = "energy-storage";  // gd-energy
  for (const char* name :
       {"储能", "energy-storage", "Energy Storage", "ＥＮＥＲＧＹ-ＳＴＯＲＡＧＥ"}) {
    INFO(name);
    PolicyQuery query;
    query.sectors = {name};
    FilterError error;
    const auto filter = PolicyFilter::make(query, registry(), error);
    REQUIRE(filter);
    CHECK(filter->matches(policies[0]));
    CHECK_FALSE(filter->matches(policies[1]));  // gz-peaking names energy as a further sector
    REQUIRE(filter->notes().size() == 1);
    CHECK(filter->notes()[0] == fmt::format("`{}` is no sector; matching the subsector 储能 "
                                            "(energy-storage) of 能源 (energy)",
                                            name));
  }
  // A sector and a subsector in one flag: either matches.
  PolicyQuery query;
  query.sectors = {"储能", "transport"};
  FilterError error;
  const auto filter = PolicyFilter::make(query, registry(), error);
  REQUIRE(filter);
  CHECK(filter->matches(policies[0]));
  CHECK(filter->matches(policies[1]));
  CHECK_FALSE(filter->matches(policies[2]));
}

TEST_CASE("Filter --subsector selects the policies of a subsector and names an unknown one") {
  std::vector<Policy> policies = fixtures();
  policies[0].subsector = "energy-storage";
  PolicyQuery query;
  query.subsectors = {"储能"};
  FilterError error;
  auto filter = PolicyFilter::make(query, registry(), error);
  REQUIRE(filter);
  CHECK(filter->matches(policies[0]));
  CHECK_FALSE(filter->matches(policies[1]));
  CHECK(filter->is_restrictive());
  CHECK(filter->notes().empty());
  query.subsectors = {"solr"};
  CHECK_FALSE(PolicyFilter::make(query, registry(), error));
  CHECK(error.message == "unknown subsector `solr`");
  CHECK(error.hint == "did you mean solar?");
  query = {};
  query.sectors = {"solr"};
  CHECK_FALSE(PolicyFilter::make(query, registry(), error));
  CHECK(error.message == "unknown sector `solr`");
  CHECK(error.hint == "did you mean the subsector solar?");
}

TEST_CASE("Filter -q terms must all match (any with --any) and folding applies to query and text") {
  PolicyQuery query;
  query.search = {"光伏", "guangzhou"};
  CHECK(matching_ids(query) == Ids{"gz-peaking"});
  query.search = {"光伏", "发展和改革"};
  CHECK(matching_ids(query).empty());
  query.any_term = true;
  CHECK(matching_ids(query) == Ids{"gd-energy", "gz-peaking"});
  query = {};
  query.search = {"ＧＵＡＮＧＺＨＯＵ"};  // full-width letters
  CHECK(matching_ids(query) == Ids{"gz-peaking"});
  query.search = {"廣東省發展"};  // traditional characters
  CHECK(matching_ids(query) == Ids{"gd-energy"});
  query.search = {"到２０２５年，"};  // full-width digits and comma
  CHECK(matching_ids(query) == Ids{"gz-peaking"});
  query.search = {""};  // an empty term selects nothing less
  CHECK(matching_ids(query).size() == 4);
}
