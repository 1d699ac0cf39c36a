// Loading a tree: every file read and checked once, valid records in path order, broken files
// reported and left out, the checks across files run, the same answer on any number of threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/tree/loader.hpp"
#include "core/tree/project.hpp"
#include "core/tree/validation.hpp"
#include "file_text.hpp"
#include "scratch_tree.hpp"

using namespace ccnt;
using ccnt::testing::codes_of;
using ccnt::testing::ScratchTree;
using ccnt::testing::write_text;
namespace fs = std::filesystem;

namespace {

Project open(const ScratchTree& tree) {
  Diagnostics diagnostics;
  auto project = open_project(tree.root(), diagnostics);
  REQUIRE(project);
  return std::move(*project);
}

std::vector<std::string> ids_of(const LoadedPolicies& loaded) {
  std::vector<std::string> ids;
  for (const Policy& policy : loaded.policies) ids.push_back(policy.id);
  return ids;
}

}  // namespace

TEST_CASE("the project's tree loads whole, in path order, on one thread or many") {
  ScratchTree tree;
  const Project project = open(tree);
  Diagnostics one_diagnostics;
  const LoadedPolicies one = load_project_policies(project, 1, one_diagnostics);
  CHECK(one_diagnostics.all().empty());
  CHECK(one.files == one.policies.size());
  CHECK(one.files > 10);
  CHECK(std::is_sorted(one.policies.begin(), one.policies.end(),
                       [](const Policy& a, const Policy& b) { return a.path < b.path; }));
  Diagnostics many_diagnostics;
  const LoadedPolicies many = load_project_policies(project, 4, many_diagnostics);
  CHECK(ids_of(many) == ids_of(one));
}

TEST_CASE("a broken file is counted, reported and left out; the others load") {
  ScratchTree tree;
  write_text(tree.policy("zhejiang/industry/zhejiang-broken.yaml"), "id: [unclosed\n");
  const Project project = open(tree);
  Diagnostics diagnostics;
  const LoadedPolicies loaded = load_project_policies(project, 2, diagnostics);
  CHECK(loaded.files == loaded.policies.size() + 1);
  REQUIRE(diagnostics.error_count() >= 1);
  CHECK(
      diagnostics.all().front().path.ends_with("policies/zhejiang/industry/zhejiang-broken.yaml"));
  const std::vector<std::string> ids = ids_of(loaded);
  CHECK(std::count(ids.begin(), ids.end(), "zhejiang-broken") == 0);
}

TEST_CASE("the checks across files run after loading: a copied record is E050 and E051") {
  ScratchTree tree;
  const fs::path original = tree.policy("zhejiang/industry/zhejiang-industry-carbon-peaking.yaml");
  fs::copy_file(original, tree.policy("zhejiang/industry/zhejiang-industry-copy.yaml"));
  const Project project = open(tree);
  Diagnostics diagnostics;
  load_project_policies(project, 2, diagnostics);
  const std::vector<std::string> codes = codes_of(diagnostics);
  CHECK(std::count(codes.begin(), codes.end(), "E036") == 1);  // id is not the file name
  // The copy has errors of its own, so it is left out and nothing is reported twice.
  CHECK(std::count(codes.begin(), codes.end(), "E050") == 0);
}

TEST_CASE("text is dropped from the policies the caller does not keep") {
  ScratchTree tree;
  const Project project = open(tree);
  Diagnostics diagnostics;
  const LoadedPolicies loaded = load_project_policies(
      project,
      LoadOptions{.jobs = 2,
                  .keep_text = [](const Policy& policy) { return policy.region == "zhejiang"; }},
      diagnostics);
  bool kept = false;
  for (const Policy& policy : loaded.policies) {
    CHECK_FALSE(policy.id.empty());
    if (policy.region == "zhejiang")
      kept |= !policy.summary.empty();
    else
      CHECK(policy.summary.empty());
  }
  CHECK(kept);
}

TEST_CASE("a region filter loads only the regions it keeps, with the cities inside them") {
  ScratchTree tree;
  const Project project = open(tree);
  Diagnostics diagnostics;
  const LoadedPolicies loaded = load_project_policies(
      project, 2, diagnostics, [](std::string_view dir) { return dir == "guangdong"; });
  REQUIRE_FALSE(loaded.policies.empty());
  const Region& guangdong = *project.registry.find_region("guangdong");
  bool city = false;
  for (const Policy& policy : loaded.policies) {
    const Region* region = project.registry.find_region(policy.region);
    REQUIRE(region);
    CHECK(project.registry.is_within(*region, guangdong));
    city = city || region != &guangdong;
  }
  CHECK(city);  // policies/guangdong/guangzhou/ is under policies/guangdong/
}

TEST_CASE("validating some files keeps their diagnostics only, with the tree's cross checks") {
  ScratchTree tree;
  write_text(tree.policy("zhejiang/industry/zhejiang-broken.yaml"), "id: [unclosed\n");
  const Project project = open(tree);
  const LoadOptions load{.jobs = 2};

  const Validation whole = validate_paths(project, {}, load);
  CHECK(whole.diagnostics.error_count() >= 1);

  const fs::path zhejiang_plan =
      tree.policy("zhejiang/industry/zhejiang-industry-carbon-peaking.yaml");
  const Validation one = validate_paths(project, {zhejiang_plan}, load);
  CHECK(one.files == 1);
  CHECK(one.valid == 1);
  CHECK(one.diagnostics.all().empty());  // the broken file is not this file's business

  const Validation dir = validate_paths(project, {tree.policy("zhejiang")}, load);
  REQUIRE(dir.diagnostics.error_count() >= 1);
  for (const Diagnostic& d : dir.diagnostics.all())
    CHECK(d.path.find("policies/zhejiang/") != std::string::npos);
  CHECK(dir.files == dir.valid + 1);

  // The same title in the same region, found across files though only the new one is asked for.
  std::string text = ccnt::testing::file_text(zhejiang_plan);
  const auto at = text.find("id: zhejiang-industry-carbon-peaking");
  REQUIRE(at != std::string::npos);
  text.replace(at, 36, "id: zhejiang-industry-second");
  write_text(tree.policy("zhejiang/industry/zhejiang-industry-second.yaml"), text);
  const Validation second = validate_paths(
      project, {tree.policy("zhejiang/industry/zhejiang-industry-second.yaml")}, load);
  const std::vector<std::string> codes = codes_of(second.diagnostics);
  CHECK(codes == std::vector<std::string>{"E051"});
}

TEST_CASE("many broken files: every diagnostic, in path order, whatever the threads or the cache") {
  // Each file's diagnostics are passed on as soon as the files before it are done: the order
  // must not depend on which thread finished first, nor on whether the cache answered.
  ScratchTree tree;
  for (int i = 0; i < 300; ++i)
    write_text(tree.policy(fmt::format("zhejiang/industry/broken-{:03}.yaml", i)),
               i % 3 == 0 ? "id: x\n" : "id: [unclosed\n");
  tree.age_everything();
  const Project project = open(tree);
  const auto listed = [](const Diagnostics& diagnostics) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : diagnostics.all())
      lines.push_back(
          fmt::format("{}:{}:{} {} {}", d.path, d.mark.line, d.mark.column, d.code, d.message));
    return lines;
  };
  Diagnostics one;
  const LoadedPolicies loaded = load_project_policies(project, 1, one);
  CHECK(loaded.files == loaded.policies.size() + 300);
  const std::vector<std::string> expected = listed(one);
  CHECK(expected.size() > 300);
  CHECK(std::is_sorted(one.all().begin(), one.all().end(),
                       [](const Diagnostic& a, const Diagnostic& b) { return a.path < b.path; }));
  for (int run = 0; run < 3; ++run) {  // cold, writing the cache, then warm, reading it
    INFO("run " << run);
    Diagnostics many;
    const LoadedPolicies again =
        load_project_policies(project, LoadOptions{.jobs = 4, .use_cache = run > 0}, many);
    CHECK(listed(many) == expected);
    if (run == 2) CHECK(again.from_cache > 0);
  }
}
