// The rules of a new record (ccnt new): normalised values, names resolved against the
// registries, the derived id and the duplicate-title check, on a copy of the project's tree.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/policy/draft.hpp"
#include "core/tree/loader.hpp"
#include "core/tree/project.hpp"
#include "core/tree/tree_scan.hpp"
#include "scratch_tree.hpp"
#include "source_tree.hpp"

using namespace ccnt;
using ccnt::testing::ScratchTree;
using ccnt::testing::write_text;
namespace fs = std::filesystem;

namespace {

const PartialDate kToday{2024, 6, 15};

// A draft over the scratch tree as it is now.
struct DraftFixture {
  ScratchTree tree;
  std::optional<Project> project;

  DraftFixture() {
    Diagnostics diagnostics;
    project = open_project(tree.root(), diagnostics);
    REQUIRE(project);
  }

  Draft draft() const {
    Diagnostics ignored;
    LoadedPolicies loaded = load_project_policies(*project, 1, ignored);
    return Draft(*project, std::move(loaded.policies),
                 find_policy_files(project->policies_dir(), ignored), kToday);
  }
};

}  // namespace

TEST_CASE("typed lists split at commas and enumeration commas") {
  CHECK(split_list(" 工业, 能源，交通、 、建筑 ") ==
        std::vector<std::string>{"工业", "能源", "交通", "建筑"});
  CHECK(split_list("").empty());
}

TEST_CASE("ids are lower-case ASCII words joined by hyphens") {
  CHECK(is_policy_id("zhejiang-industry-2023"));
  CHECK_FALSE(is_policy_id("ab"));
  CHECK_FALSE(is_policy_id("Zhejiang-industry"));
  CHECK_FALSE(is_policy_id("zhejiang--industry"));
  CHECK_FALSE(is_policy_id(std::string(81, 'a')));
}

TEST_CASE("the region a title starts with is the longest name that matches") {
  const Registry& registry = ccnt::testing::source_registry();
  CHECK(region_named_by("浙江省工业领域碳达峰实施方案", registry) == "浙江");
  CHECK(region_named_by("广州市碳达峰实施方案", registry) == "广州");
  CHECK(region_named_by("关于加快建立统一规范的碳排放统计核算体系实施方案", registry).empty());
}

TEST_CASE("a title is trimmed, loses its 《》 and must be one non-empty line") {
  DraftFixture fixture;
  Draft draft = fixture.draft();
  CHECK_FALSE(draft.set_title(" \u3000《 某市碳达峰实施方案 》\t"));
  CHECK(draft.policy().title == "某市碳达峰实施方案");
  const auto empty = draft.set_title("《》");
  REQUIRE(empty);
  CHECK(empty->message == "the title is empty");
  REQUIRE(draft.set_title("第一行\n第二行"));
}

TEST_CASE("names resolve to slugs; the level follows the region") {
  DraftFixture fixture;
  Draft draft = fixture.draft();
  CHECK_FALSE(draft.set_region("浙江省"));
  CHECK(draft.policy().region == "zhejiang");
  CHECK(draft.policy().level == "provincial");
  CHECK_FALSE(draft.set_sectors({"工业", " industry ", "energy"}));
  CHECK(draft.policy().sector == "industry");
  CHECK(draft.policy().sectors == std::vector<std::string>{"energy"});
  const auto unknown = draft.set_region("zhejang");
  REQUIRE(unknown);
  CHECK(unknown->message == "unknown region `zhejang`");
  CHECK(unknown->hint.find("zhejiang") != std::string::npos);
  CHECK(draft.set_sectors({" "}));  // no sector at all
}

TEST_CASE("dates may not lie in the future; the flag is named when there is one") {
  DraftFixture fixture;
  Draft draft = fixture.draft();
  CHECK(draft.policy().added == PartialDate{2024, 6, 0});  // this month by default
  CHECK_FALSE(draft.set_published("2024-06", {}));
  const auto future = draft.set_published("2024-07", "--published");
  REQUIRE(future);
  CHECK(future->message == "--published 2024-07 is in the future (today is 2024-06-15)");
  const auto bad = draft.set_published("2024-13", {});
  REQUIRE(bad);
  CHECK(bad->message == "`2024-13` is not a date");
  const auto month = draft.set_added("2024", "--added");
  REQUIRE(month);
  CHECK(month->message == "invalid month `2024` for --added");
}

TEST_CASE("https sources are taken, http ones with a warning, nothing else") {
  DraftFixture fixture;
  Draft draft = fixture.draft();
  CHECK_FALSE(draft.set_source(" https://www.gov.cn/x "));
  CHECK(draft.policy().source == "https://www.gov.cn/x");
  CHECK(draft.source_warning().empty());
  CHECK_FALSE(draft.set_source("http://www.gov.cn/x"));
  CHECK(draft.source_warning().starts_with("the source is an http:// address, not https://"));
  CHECK(draft.set_source("https://"));
  CHECK(draft.set_source("ftp://www.gov.cn/x"));
  CHECK(draft.set_source("www.gov.cn/x"));
  CHECK_FALSE(draft.set_source(""));
}

TEST_CASE("dates are taken as people type them") {
  CHECK(normalize_typed_date("2023-04") == "2023-04");
  CHECK(normalize_typed_date("2023年4月") == "2023-04");
  CHECK(normalize_typed_date("2023.4") == "2023-04");
  CHECK(normalize_typed_date("2023/4") == "2023-04");
  CHECK(normalize_typed_date("2023-4") == "2023-04");
  CHECK(normalize_typed_date("2023年4月5日") == "2023-04-05");
  CHECK(normalize_typed_date("2023.4.15") == "2023-04-15");
  CHECK(normalize_typed_date("２０２３年１２月") == "2023-12");
  CHECK(normalize_typed_date("2023年") == "2023");
  CHECK(normalize_typed_date(" 2023 ") == "2023");
  CHECK(normalize_typed_date("April 2023") == "April 2023");  // left for the date check to refuse
  DraftFixture fixture;
  Draft draft = fixture.draft();
  CHECK_FALSE(draft.set_published("2023年4月", {}));
  CHECK(draft.policy().published->to_string() == "2023-04");
  CHECK_FALSE(draft.set_added("2023.5", {}));
  CHECK(draft.policy().added.to_string() == "2023-05");
  CHECK(draft.set_added("2023", {}));  // added is a month
  CHECK(draft.set_published("2023年13月", {}));
}

TEST_CASE("the derived id follows the convention: region and the title's terms, then the year") {
  DraftFixture fixture;
  // A broken file still holds its name.
  write_text(fixture.tree.policy("zhejiang/industry/zhejiang-industry-2023.yaml"), "id: [\n");
  write_text(fixture.tree.policy("zhejiang/industry/zhejiang-industry.yaml"), "id: [\n");
  Draft draft = fixture.draft();
  REQUIRE_FALSE(draft.set_title("浙江省某实施方案"));  // no term: the sector's slug
  REQUIRE_FALSE(draft.set_region("浙江"));
  REQUIRE_FALSE(draft.set_sectors({"industry"}));
  REQUIRE_FALSE(draft.set_doc_type(""));
  REQUIRE_FALSE(draft.set_published("2023-05", {}));
  CHECK(draft.derived_id() == "zhejiang-industry-2023-2");
  REQUIRE_FALSE(draft.set_published("2022", {}));
  REQUIRE_FALSE(draft.set_id(""));
  CHECK(draft.policy().id == "zhejiang-industry-2022");
  CHECK(draft.file() ==
        fixture.project->policies_dir() / "zhejiang" / "industry" / "zhejiang-industry-2022.yaml");
  REQUIRE_FALSE(draft.set_title("浙江省光伏发电高质量发展实施意见"));
  CHECK(draft.derived_id() == "zhejiang-pv-high-quality-development");

  const auto taken = draft.set_id("zhejiang-industry-2023");
  REQUIRE(taken);
  CHECK(taken->message.find("already exists") != std::string::npos);
  const auto used = draft.set_id("zhejiang-ocean-carbon-sinks");  // another directory's file
  REQUIRE(used);
  CHECK(used->message.find("is already used by") != std::string::npos);
  CHECK(draft.set_id("Not-An-Id"));
}

TEST_CASE("a target is filled in value by value") {
  DraftFixture fixture;
  TargetDraft target(fixture.project->registry);
  CHECK(target.set_indicator("no-such-indicator"));
  REQUIRE_FALSE(target.set_indicator("规上工业单位增加值能耗下降率"));
  CHECK(target.target().indicator == "industrial-energy-intensity-reduction");
  CHECK(target.target().unit == "%");
  CHECK(target.target().kind == "reduction");
  CHECK(target.set_text(" "));
  CHECK_FALSE(target.set_text("下降13.5%"));
  CHECK(target.set_value("很多"));
  CHECK_FALSE(target.set_value("１３.５%"));
  CHECK(target.target().value == 13.5);
  CHECK(target.set_kind("percent"));
  CHECK_FALSE(target.set_base_year("2020"));
  CHECK(target.set_target_year("2019"));
  CHECK(target.set_target_year("20x5"));
  CHECK_FALSE(target.set_target_year("2025"));
  CHECK(target.target().target_year == 2025);
  CHECK_FALSE(target.set_base_year(""));
  CHECK_FALSE(target.target().base_year);
}

TEST_CASE("a title is recorded once per region, and may recur in another region") {
  DraftFixture fixture;
  Draft draft = fixture.draft();
  REQUIRE_FALSE(draft.set_title("《浙江省工业领域碳达峰实施方案》"));
  REQUIRE_FALSE(draft.set_region("zhejiang"));
  const auto duplicate = draft.duplicate_title();
  REQUIRE(duplicate);
  CHECK(duplicate->message.find("zhejiang-industry-carbon-peaking.yaml") != std::string::npos);
  REQUIRE_FALSE(draft.set_region("guangdong"));
  CHECK_FALSE(draft.duplicate_title());
  const auto elsewhere = draft.same_title_elsewhere();
  REQUIRE(elsewhere.size() == 1);
  CHECK(elsewhere.front()->region == "zhejiang");
}

TEST_CASE("an empty document type is the one the title ends with") {
  DraftFixture fixture;
  Draft draft = fixture.draft();
  REQUIRE_FALSE(draft.set_title("某市工业领域碳达峰实施方案"));
  CHECK_FALSE(draft.set_doc_type(""));
  CHECK(draft.policy().doc_type == "实施方案");
  const auto unknown = draft.set_doc_type("实施方按");
  REQUIRE(unknown);
  CHECK(unknown->message == "unknown document type `实施方按`");
}
