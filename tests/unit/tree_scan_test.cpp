// Scanning a tree for policy files: .yaml/.yml in a stable order, hidden entries skipped,
// other files (W004), broken links and loops (W003) reported, the limit (E013) kept.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/tree/tree_scan.hpp"
#include "scratch_tree.hpp"

using namespace ccnt;
using ccnt::testing::codes_of;
using ccnt::testing::ScratchTree;
using ccnt::testing::write_text;
namespace fs = std::filesystem;

namespace {

// The files found below policies/, relative to it.
std::vector<std::string> relative(const std::vector<FoundFile>& found, const fs::path& dir) {
  std::vector<std::string> names;
  for (const FoundFile& file : found)
    names.push_back(fs::path(file.path).lexically_relative(dir).generic_string());
  return names;
}

// The scratch tree's policies/ directory, emptied for the test to fill.
fs::path empty_policies(const ScratchTree& tree) {
  const fs::path dir = tree.root() / "policies";
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("policy files are found in name order, on one thread or many") {
  ScratchTree tree;
  const fs::path dir = empty_policies(tree);
  write_text(dir / "b" / "x" / "b.yaml", "");
  write_text(dir / "a" / "y" / "z.yml", "");
  write_text(dir / "a" / "x" / "c.yaml", "");
  write_text(dir / "a" / ".hidden" / "h.yaml", "");
  write_text(dir / "a" / "x" / ".h.yaml", "");
  write_text(dir / "README.md", "");
  Diagnostics diagnostics;
  const auto found = scan_policy_files(dir, diagnostics, {}, kMaxPolicyFiles, 1);
  CHECK(relative(found, dir) == std::vector<std::string>{"a/x/c.yaml", "a/y/z.yml", "b/x/b.yaml"});
  CHECK(diagnostics.all().empty());
  Diagnostics parallel;
  CHECK(relative(scan_policy_files(dir, parallel, {}, kMaxPolicyFiles, 4), dir) ==
        relative(found, dir));
  CHECK(found.front().stamp.size == 0);
  CHECK(found.front().stamp.inode != 0);
}

TEST_CASE("other files, broken links and loops are reported and skipped") {
  ScratchTree tree;
  const fs::path dir = empty_policies(tree);
  write_text(dir / "a" / "x" / "p.yaml", "");
  write_text(dir / "a" / "x" / "notes.txt", "");
  fs::create_symlink(dir / "a" / "missing.yaml", dir / "a" / "x" / "broken.yaml");
  fs::create_directory_symlink(dir / "a", dir / "a" / "x" / "loop");
  Diagnostics diagnostics;
  const auto found = scan_policy_files(dir, diagnostics);
  CHECK(relative(found, dir) == std::vector<std::string>{"a/x/p.yaml"});
  CHECK(codes_of(diagnostics) == std::vector<std::string>{"W003", "W003", "W004"});
}

TEST_CASE("a region filter prunes first-level directories only") {
  ScratchTree tree;
  const fs::path dir = empty_policies(tree);
  write_text(dir / "keep" / "keep" / "a.yaml", "");
  write_text(dir / "drop" / "keep" / "b.yaml", "");
  Diagnostics diagnostics;
  const auto found =
      scan_policy_files(dir, diagnostics, [](std::string_view name) { return name == "keep"; });
  CHECK(relative(found, dir) == std::vector<std::string>{"keep/keep/a.yaml"});
}

TEST_CASE("past the limit the scan stops with E013 once") {
  ScratchTree tree;
  const fs::path dir = empty_policies(tree);
  for (const char* region : {"a", "b"})
    for (int i = 0; i < 3; ++i) write_text(dir / region / "s" / (std::to_string(i) + ".yaml"), "");
  for (unsigned jobs : {1u, 2u}) {
    Diagnostics diagnostics;
    const auto found = scan_policy_files(dir, diagnostics, {}, 4, jobs);
    CHECK(found.size() == 4);
    CHECK(codes_of(diagnostics) == std::vector<std::string>{"E013"});
  }
}

TEST_CASE("find_policy_files gives the paths alone; the names ccnt reads end in .yaml or .yml") {
  CHECK(is_policy_file_name("a.yaml"));
  CHECK(is_policy_file_name("a.yml"));
  CHECK_FALSE(is_policy_file_name("a.yaml.bak"));
  ScratchTree tree;
  Diagnostics diagnostics;
  const auto paths = find_policy_files(tree.root() / "policies", diagnostics);
  const auto found = scan_policy_files(tree.root() / "policies", diagnostics);
  REQUIRE(paths.size() == found.size());
  CHECK(paths.front().string() == found.front().path);
}
