#include <catch2/catch.hpp>

#include "core/bulletin/bulletin_check.hpp"
#include "core/bulletin/bulletin_editorial.hpp"

using namespace ccnt;

namespace {

Policy policy(std::string id, std::string region, std::string level, std::string added) {
  Policy p;
  p.id = std::move(id);
  p.title = "标题" + p.id;
  p.path = "policies/" + region + "/x/" + p.id + ".yaml";
  p.region = std::move(region);
  p.level = std::move(level);
  p.added = *PartialDate::parse(added);
  if (p.level == "national") p.issuers = {"国家能源局"};
  return p;
}

const std::vector<Policy>& tree() {
  static const std::vector<Policy> policies{
      policy("national-a", "national", "national", "2023-03"),
      policy("zhejiang-b", "zhejiang", "provincial", "2023-03"),
      policy("nanchang-c", "nanchang", "municipal", "2023-03-15"),
      policy("hebei-old", "hebei", "provincial", "2023-02"),
  };
  return policies;
}

const PartialDate kMarch{2023, 3, 0};

// Parses and checks `yaml` as bulletins/2023-03.yaml.
Diagnostics check(const std::string& yaml, std::optional<BulletinEditorial>* out = nullptr) {
  Diagnostics diagnostics;
  auto editorial = parse_bulletin_editorial(yaml, "bulletins/2023-03.yaml", kMarch, diagnostics);
  if (editorial) check_bulletin_editorial(*editorial, tree(), diagnostics);
  if (out) *out = std::move(editorial);
  return diagnostics;
}

std::vector<std::string> codes(const Diagnostics& diagnostics) {
  std::vector<std::string> result;
  for (const Diagnostic& d : diagnostics.all()) result.push_back(d.code);
  return result;
}

Diagnostic only(const Diagnostics& diagnostics) {
  REQUIRE(diagnostics.all().size() == 1);
  return diagnostics.all().front();
}

const char* const kGood =
    "national:\n"
    "  groups:\n"
    "    - lead: 国家导语\n"
    "      policies:\n"
    "        - national-a\n"
    "local:\n"
    "  overview:\n"
    "    - 概述一\n"
    "    - 概述二\n"
    "  groups:\n"
    "    - lead: 第一组\n"
    "      policies: [zhejiang-b]\n"
    "    - lead: |\n"
    "        第二组\n"
    "      policies:\n"
    "        - nanchang-c\n"
    "credits: 韩迪、朱彤昕\n"
    "appendix: [counts]\n";

}  // namespace

TEST_CASE("a complete editorial file parses into sections, groups and credits") {
  std::optional<BulletinEditorial> editorial;
  const Diagnostics diagnostics = check(kGood, &editorial);
  CHECK(diagnostics.empty());
  REQUIRE(editorial);
  CHECK(editorial->national.present);
  REQUIRE(editorial->national.groups.size() == 1);
  CHECK(editorial->national.groups[0].lead == "国家导语");
  CHECK(editorial->national.groups[0].policy_ids == std::vector<std::string>{"national-a"});
  CHECK(editorial->local.overview == std::vector<std::string>{"概述一", "概述二"});
  REQUIRE(editorial->local.groups.size() == 2);
  CHECK(editorial->local.groups[1].lead == "第二组\n");
  CHECK(editorial->local.groups[1].policy_marks[0].line == 16);
  CHECK(editorial->credits == "韩迪、朱彤昕");
  CHECK(editorial->shows("counts"));
  CHECK_FALSE(editorial->shows("targets"));
}

TEST_CASE("E060: an unknown key, with the closest known one") {
  const Diagnostic d = only(check(std::string(kGood) + "credit: x\n"));
  CHECK(d.code == "E060");
  CHECK(d.mark.line == 19);
  CHECK(d.mark.column == 1);
  CHECK(d.message == "unknown key `credit` in an editorial file");
  CHECK(d.hint.starts_with("did you mean `credits`?"));
  const Diagnostics nested = check(
      "national:\n  groups:\n    - lead: x\n      polices: [national-a]\n"
      "local:\n  groups:\n    - policies: [zhejiang-b, nanchang-c]\n");
  CHECK(codes(nested) == std::vector<std::string>{"E060", "E065"});
  CHECK(nested.all()[0].mark.line == 4);
}

TEST_CASE("E061: a value of the wrong type") {
  const Diagnostics diagnostics = check(
      "national:\n  groups:\n    - lead: [a]\n      policies: national-a\n"
      "local: [x]\n");
  REQUIRE(codes(diagnostics).size() >= 3);
  CHECK(diagnostics.all()[0].code == "E061");
  CHECK(diagnostics.all()[0].message == "`lead` should be text, not a list");
  CHECK(diagnostics.all()[1].code == "E061");
  CHECK(diagnostics.all()[1].message == "`policies` should be a list of policy ids, not text");
  CHECK(diagnostics.all()[2].code == "E061");
  CHECK(diagnostics.all()[2].mark.line == 5);
  CHECK(check("- a\n- b\n").all().front().code == "E061");
}

TEST_CASE("E062: an unknown policy id, with the closest ids of the month") {
  std::string yaml = kGood;
  yaml.replace(yaml.find("zhejiang-b"), 10, "zhejaing-b");
  const Diagnostics diagnostics = check(yaml);
  CHECK(codes(diagnostics) == std::vector<std::string>{"E062", "E065"});
  const Diagnostic& d = diagnostics.all()[0];
  CHECK(d.message == "no policy has the id `zhejaing-b`");
  CHECK(d.hint == "did you mean zhejiang-b?");
  CHECK(d.mark.line == 12);
  CHECK(d.mark.column == 18);
}

TEST_CASE("E063: a policy listed twice") {
  std::string yaml = kGood;
  yaml.replace(yaml.find("[zhejiang-b]"), 12, "[zhejiang-b, nanchang-c]");
  const Diagnostic d = only(check(yaml));
  CHECK(d.code == "E063");
  CHECK(d.message == "`nanchang-c` is listed twice");
  CHECK(d.mark.line == 16);
  CHECK(d.hint == "it is first listed at line 12; remove one");
}

TEST_CASE("E064: a policy of another month") {
  std::string yaml = kGood;
  yaml.replace(yaml.find("[zhejiang-b]"), 12, "[zhejiang-b, hebei-old]");
  const Diagnostic d = only(check(yaml));
  CHECK(d.code == "E064");
  CHECK(d.message == "`hebei-old` was added in 2023-02, not in 2023-03");
}

TEST_CASE("E065: a policy of the month that is not listed, at its section") {
  std::string yaml = kGood;
  yaml.replace(yaml.find("      policies:\n        - nanchang-c\n"), 37, "");
  const Diagnostic d = only(check(yaml));
  CHECK(d.code == "E065");
  CHECK(d.message == "`nanchang-c` (《标题nanchang-c》) was added in 2023-03 but is not listed");
  CHECK(d.mark.line == 6);  // local:
}

TEST_CASE("E066: an editorial file not named after a month") {
  CHECK_FALSE(bulletin_month_of_file_name("March.yaml"));
  CHECK_FALSE(bulletin_month_of_file_name("2023-13.yaml"));
  CHECK_FALSE(bulletin_month_of_file_name("2023-3.yaml"));
  CHECK_FALSE(bulletin_month_of_file_name("2023-03-01.yaml"));
  CHECK(bulletin_month_of_file_name("2023-03.yaml") == PartialDate{2023, 3, 0});
  CHECK(bulletin_month_of_file_name("2023-12.yml") == PartialDate{2023, 12, 0});
}

TEST_CASE("E067: a policy listed in the other section") {
  std::string yaml = kGood;
  yaml.replace(yaml.find("[zhejiang-b]"), 12, "[zhejiang-b, national-a]");
  yaml.replace(yaml.find("        - national-a\n"), 21, "");
  const Diagnostic d = only(check(yaml));
  CHECK(d.code == "E067");
  CHECK(d.message == "`national-a` is a national policy but is listed under `local`");
  CHECK(d.hint == "move it to `national`");
}

TEST_CASE("E069: an unknown appendix part") {
  std::string yaml = kGood;
  yaml.replace(yaml.find("[counts]"), 8, "[counts, charts]");
  const Diagnostic d = only(check(yaml));
  CHECK(d.code == "E069");
  CHECK(d.message == "unknown appendix part `charts`");
}

TEST_CASE("W060: TODO placeholders left in the text") {
  std::string yaml = kGood;
  yaml.replace(yaml.find("国家导语"), std::string("国家导语").size(), "\"TODO: 导语\"");
  const Diagnostic d = only(check(yaml));
  CHECK(d.code == "W060");
  CHECK(d.severity == Severity::Warning);
  CHECK(d.mark.line == 3);
}

TEST_CASE("W061: a national policy whose headline cannot be derived") {
  std::vector<Policy> policies = tree();
  policies[0].issuers.clear();
  Diagnostics diagnostics;
  auto editorial = parse_bulletin_editorial(kGood, "b.yaml", kMarch, diagnostics);
  REQUIRE(editorial);
  check_bulletin_editorial(*editorial, policies, diagnostics);
  CHECK(only(diagnostics).code == "W061");
}

TEST_CASE("YAML problems are reported by the YAML reader") {
  CHECK(check("").all().front().code == "E005");
  CHECK(check("national: [\n").all().front().code == "E006");
  CHECK(check("credits: a\ncredits: b\n").all().front().code == "E008");
}

TEST_CASE("parse_bulletin_month accepts YYYY-MM only") {
  CHECK(parse_bulletin_month("2023-03") == PartialDate{2023, 3, 0});
  CHECK_FALSE(parse_bulletin_month("2023"));
  CHECK_FALSE(parse_bulletin_month("2023-00"));
  CHECK_FALSE(parse_bulletin_month("2023-03-01"));
  CHECK_FALSE(parse_bulletin_month("23-03"));
  CHECK_FALSE(parse_bulletin_month("2023/03"));
}

TEST_CASE("is_bulletin_file recognises YAML files directly in bulletins/") {
  const std::filesystem::path root = "/data/ccnt";
  CHECK(is_bulletin_file(root / "bulletins/2023-03.yaml", root));
  CHECK(is_bulletin_file(root / "bulletins/x.yml", root));
  CHECK_FALSE(is_bulletin_file(root / "bulletins/README.md", root));
  CHECK_FALSE(is_bulletin_file(root / "bulletins/old/2023-03.yaml", root));
  CHECK_FALSE(is_bulletin_file(root / "policies/2023-03.yaml", root));
}
