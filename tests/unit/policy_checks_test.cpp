// The checks of one policy file beyond YAML syntax (docs/errors.md, E020–E045): each rule on a
// small file checked against the project's own schema and registries.
#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>

#include "core/policy/policy_checks.hpp"
#include "core/tree/project.hpp"
#include "core/yaml/yaml_reader.hpp"
#include "source_tree.hpp"

using namespace ccnt;
namespace fs = std::filesystem;
using ccnt::testing::source_project;

namespace {

const PartialDate kToday{2024, 6, 15};

constexpr const char* kValid =
    "id: zhejiang-test-plan\n"
    "title: 浙江省测试实施方案\n"
    "region: zhejiang\n"
    "level: provincial\n"
    "sector: industry\n"
    "doc_type: 实施方案\n"
    "published: \"2023-01\"\n"
    "added: \"2023-03\"\n"
    "summary: 测试。\n";

struct Checked {
  std::optional<Policy> policy;
  Diagnostics diagnostics;

  std::set<std::string> codes() const {
    std::set<std::string> found;
    for (const Diagnostic& d : diagnostics.all()) found.insert(d.code);
    return found;
  }
};

// Checks `text` as the file policies/<relative>.
Checked check(const std::string& text,
              const std::string& relative = "zhejiang/industry/zhejiang-test-plan.yaml") {
  Checked checked;
  const fs::path file = source_project().policies_dir() / relative;
  const std::string display = "policies/" + relative;
  auto document = parse_yaml(text, display, checked.diagnostics);
  REQUIRE(document);
  checked.policy =
      check_policy(*document, file, display, source_project(), kToday, checked.diagnostics);
  return checked;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a sound file gives its record and no diagnostics") {
  const Checked checked = check(kValid);
  CHECK(checked.diagnostics.all().empty());
  REQUIRE(checked.policy);
  CHECK(checked.policy->id == "zhejiang-test-plan");
  CHECK(checked.policy->region == "zhejiang");
  CHECK(checked.policy->published == PartialDate{2023, 1, 0});
  CHECK(checked.policy->path == "policies/zhejiang/industry/zhejiang-test-plan.yaml");
}

TEST_CASE("schema problems are reported and the record is left out") {
  const Checked missing = check(replaced(kValid, "summary: 测试。\n", ""));
  CHECK_FALSE(missing.policy);
  CHECK(missing.codes().count("E020") + missing.codes().count("E021") > 0);
}

TEST_CASE("names and places are checked against the registries and the directories") {
  CHECK(check(replaced(kValid, "region: zhejiang", "region: zhejang")).codes().count("E030"));
  CHECK(check(replaced(kValid, "sector: industry", "sector: industy")).codes().count("E031"));
  CHECK(check(replaced(kValid, "region: zhejiang", "region: guangdong")).codes().count("E032"));
  CHECK(check(replaced(kValid, "sector: industry", "sector: energy")).codes().count("E033"));
  CHECK(check(replaced(kValid, "id: zhejiang-test-plan", "id: zhejiang-other-plan"))
            .codes()
            .count("E036"));
  CHECK(check(replaced(kValid, "level: provincial", "level: municipal")).codes().count("E037"));
}

TEST_CASE("dates must exist, lie in the past and come in order") {
  CHECK(check(replaced(kValid, "published: \"2023-01\"", "published: \"2023-02-30\""))
            .codes()
            .count("E040"));
  CHECK(check(replaced(kValid, "published: \"2023-01\"", "published: \"2024-07\""))
            .codes()
            .count("E041"));
  CHECK(check(replaced(kValid, "published: \"2023-01\"", "published: \"2023-05\""))
            .codes()
            .count("E042"));
}

TEST_CASE("targets are checked: years in order, percentages in range, known indicators") {
  const std::string target =
      "targets:\n"
      "  - indicator: industrial-energy-intensity-reduction\n"
      "    text: 下降16%\n"
      "    value: 16\n"
      "    unit: \"%\"\n"
      "    kind: reduction\n"
      "    base_year: 2020\n"
      "    target_year: 2025\n";
  // The target's text is quoted from the summary, as the checks require (W0xx otherwise).
  const Checked good =
      check(replaced(kValid, "summary: 测试。\n", "summary: 能耗下降16%。\n") + target);
  INFO((good.diagnostics.all().empty() ? std::string() : good.diagnostics.all().front().message));
  CHECK(good.diagnostics.all().empty());
  REQUIRE(good.policy);
  CHECK(good.policy->targets.size() == 1);
  CHECK(check(std::string(kValid) + replaced(target, "base_year: 2020", "base_year: 2025"))
            .codes()
            .count("E043"));
  CHECK(check(std::string(kValid) + replaced(target, "value: 16", "value: 160"))
            .codes()
            .count("E044"));
  CHECK(check(std::string(kValid) +
              replaced(target, "industrial-energy-intensity-reduction", "no-such-indicator"))
            .codes()
            .count("E045"));
}

TEST_CASE("relations are read with where each id is written") {
  const Checked checked = check(std::string(kValid) +
                                "implements:\n  - national-industry-carbon-peaking\n"
                                "supersedes:\n  - zhejiang-old-plan\n"
                                "amends:\n  - zhejiang-other-plan\n  - zhejiang-third-plan\n");
  CHECK(checked.diagnostics.all().empty());
  REQUIRE(checked.policy);
  const PolicyRelations& relations = checked.policy->relations;
  REQUIRE(relations.implements.size() == 1);
  CHECK(relations.implements[0].id == "national-industry-carbon-peaking");
  CHECK(relations.implements[0].mark.line == 11);
  CHECK(relation_ids(relations.supersedes) == std::vector<std::string>{"zhejiang-old-plan"});
  CHECK(relation_ids(relations.amends) ==
        std::vector<std::string>{"zhejiang-other-plan", "zhejiang-third-plan"});
  CHECK(relations.amends[1].mark.line == 16);
}

TEST_CASE("a relation to the record itself is E057; a relation not an id is a schema error") {
  const Checked itself = check(std::string(kValid) + "supersedes:\n  - zhejiang-test-plan\n");
  CHECK(itself.codes() == std::set<std::string>{"E057"});
  CHECK(itself.diagnostics.all()[0].message == "`supersedes` names the record itself");
  CHECK(itself.diagnostics.all()[0].mark.line == 11);
  const Checked scalar =
      check(std::string(kValid) + "implements: national-industry-carbon-peaking\n");
  CHECK_FALSE(scalar.policy);
  const Checked not_an_id =
      check(std::string(kValid) + "implements:\n  - 工业领域碳达峰实施方案\n");
  CHECK_FALSE(not_an_id.policy);
  CHECK_FALSE(not_an_id.codes().count("E057"));
}

TEST_CASE("a national record implements nothing (E055)") {
  std::string national =
      replaced(replaced(kValid, "zhejiang-test-plan", "national-test-plan"),
               "region: zhejiang\nlevel: provincial", "region: national\nlevel: national");
  national = replaced(national, "浙江省测试实施方案", "测试实施方案");
  const Checked checked = check(national + "implements:\n  - zhejiang-industry-carbon-peaking\n",
                                "national/industry/national-test-plan.yaml");
  CHECK(checked.codes() == std::set<std::string>{"E055"});
  CHECK(checked.diagnostics.all()[0].message == "a national record implements no other record");
}
