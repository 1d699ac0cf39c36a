// Knock-on errors: a broken policy that an editorial file lists is one diagnostic, in the policy
// file, whose hint names the editorial file; not also an "unknown id" (E062) in a file the
// contributor did not touch. When only the editorial file is checked, it says why its entry
// cannot be checked (E145).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/tree/project.hpp"
#include "core/tree/validation.hpp"
#include "file_text.hpp"
#include "scratch_tree.hpp"
#include "source_dir.hpp"

using namespace ccnt;
using ccnt::testing::codes_of;
using ccnt::testing::ScratchTree;
using ccnt::testing::write_text;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPolicy = "zhejiang/industry/zhejiang-industry-carbon-peaking.yaml";

// The scratch tree with the March 2023 bulletin, and one policy it lists broken.
void break_listed_policy(const ScratchTree& tree) {
  fs::create_directories(tree.root() / "bulletins");
  fs::copy_file(ccnt::testing::source_dir() / "bulletins/2023-03.yaml",
                tree.root() / "bulletins/2023-03.yaml");
  std::string text = ccnt::testing::file_text(tree.policy(kPolicy));
  text.replace(text.find("region: zhejiang"), 16, "region: zhejang");
  write_text(tree.policy(kPolicy), text);
}

Validation validate(const ScratchTree& tree, const std::vector<fs::path>& paths) {
  Diagnostics opening;
  const auto project = open_project(tree.root(), opening);
  REQUIRE(project);
  return validate_paths(*project, paths, LoadOptions{.jobs = 2});
}

}  // namespace

TEST_CASE("knock-on: a broken listed policy is one diagnostic, in its file, naming the bulletin") {
  ScratchTree tree;
  break_listed_policy(tree);
  for (const auto& paths :
       {std::vector<fs::path>{},
        std::vector<fs::path>{tree.policy(kPolicy), tree.root() / "bulletins/2023-03.yaml"}}) {
    const Validation validation = validate(tree, paths);
    REQUIRE(codes_of(validation.diagnostics) == std::vector<std::string>{"E030"});
    const Diagnostic& d = validation.diagnostics.all().front();
    CHECK(d.path.ends_with(kPolicy));
    CHECK(d.hint.ends_with(" — " + fs::relative(tree.root() / "bulletins/2023-03.yaml").string() +
                           " lists this policy; that entry is checked once this file has no "
                           "errors"));
  }
}

TEST_CASE("knock-on: the bulletin checked alone says its entry waits for the policy file (E145)") {
  ScratchTree tree;
  break_listed_policy(tree);
  const Validation validation = validate(tree, {tree.root() / "bulletins/2023-03.yaml"});
  REQUIRE(codes_of(validation.diagnostics) == std::vector<std::string>{"E145"});
  const Diagnostic& d = validation.diagnostics.all().front();
  CHECK(d.path.ends_with("bulletins/2023-03.yaml"));
  CHECK(d.mark.line > 1);  // where the entry is
  CHECK(d.message.starts_with("`zhejiang-industry-carbon-peaking` cannot be checked: its file "));
}

TEST_CASE(
    "knock-on: an id no file has is still E062, and a policy the checks leave valid is checked") {
  ScratchTree tree;
  break_listed_policy(tree);
  std::string bulletin = ccnt::testing::file_text(tree.root() / "bulletins/2023-03.yaml");
  bulletin.replace(bulletin.find("- henan-industry-carbon-peaking"),
                   std::string("- henan-industry-carbon-peaking").size(),
                   "- henan-industry-carbon-peakin");
  write_text(tree.root() / "bulletins/2023-03.yaml", bulletin);
  const Validation validation = validate(tree, {});
  std::vector<std::string> codes = codes_of(validation.diagnostics);
  std::sort(codes.begin(), codes.end());
  // The typo: E062 in the bulletin, and E065 for henan's policy, now listed by no entry.
  CHECK(codes == std::vector<std::string>{"E030", "E062", "E065"});
}
