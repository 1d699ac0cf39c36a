// Every input the fuzzer ever crashed on (tests/fuzz/regressions/) and the seed corpus
// (tests/fuzz/corpus/) go through the fuzz target's pipeline; under the ASan/UBSan build of
// the suite (CCNT_SANITIZE=ON) this keeps fixed crashes fixed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/policy/policy_checks.hpp"
#include "core/tree/policy_cache.hpp"
#include "core/tree/project.hpp"
#include "core/yaml/yaml_reader.hpp"
#include "file_text.hpp"
#include "source_dir.hpp"

using namespace ccnt;
namespace fs = std::filesystem;

TEST_CASE("fuzz regressions and seed corpus: no crash, every diagnostic well-formed", "[fuzz]") {
  Diagnostics opened;
  const auto project = open_project(ccnt::testing::source_dir(), opened);
  REQUIRE(project);
  std::size_t inputs = 0;
  for (const char* dir : {"tests/fuzz/regressions", "tests/fuzz/corpus"}) {
    for (const auto& entry : fs::directory_iterator(ccnt::testing::source_dir() / dir)) {
      if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
      ++inputs;
      const std::string bytes = ccnt::testing::file_text(entry.path());
      const std::string display = "policies/zhejiang/industry/fuzz.yaml";
      Diagnostics diagnostics;
      auto document = parse_yaml(bytes, display, diagnostics);
      std::optional<Policy> policy;
      if (document)
        policy = check_policy(*document, project->policies_dir() / "zhejiang/industry/fuzz.yaml",
                              display, *project, PartialDate{2026, 11, 24}, diagnostics);
      INFO(entry.path().filename().string());
      CHECK((policy.has_value() || diagnostics.error_count() > 0));
      for (const Diagnostic& d : diagnostics.all()) {
        CHECK(d.mark.line >= 0);
        CHECK(d.mark.column >= 0);
        CHECK_FALSE(d.code.empty());
        CHECK_FALSE(d.message.empty());
      }
      PolicyCache::encode_entry("zhejiang/industry/fuzz.yaml", {}, policy ? &*policy : nullptr,
                                diagnostics, display);
    }
  }
  CHECK(inputs > 50);
}
