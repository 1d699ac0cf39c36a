#include <catch2/catch.hpp>

#include "core/bulletin/bulletin_render.hpp"
#include "source_tree.hpp"

using namespace ccnt;
using ccnt::testing::source_registry;

namespace {

Policy policy(std::string id, std::string region, std::string level, std::string title,
              std::string summary) {
  Policy p;
  p.id = std::move(id);
  p.region = std::move(region);
  p.level = std::move(level);
  p.sector = "industry";
  p.title = std::move(title);
  p.summary = std::move(summary);
  p.added = {2023, 3, 0};
  if (p.level == "national") p.issuers = {"国家能源局"};
  return p;
}

BulletinEditorial editorial(std::vector<std::string> national, std::vector<std::string> local) {
  BulletinEditorial e;
  e.month = {2023, 3, 0};
  e.national.present = !national.empty();
  e.national.groups.push_back({"国家导语 *强调*", {}, std::move(national), {}});
  e.local.present = !local.empty();
  e.local.groups.push_back({"地方导语", {}, std::move(local), {}});
  e.credits = "韩迪";
  return e;
}

const char* const kTemplate =
    "{{year}} 年 {{month}} 月\n"
    "\n"
    "{{#national}}\n"
    "国家\n"
    "\n"
    "{{#overview}}\n"
    "{{{.}}}\n"
    "\n"
    "{{/overview}}\n"
    "{{#groups}}\n"
    "{{#items}}\n"
    "- **{{headline}}**\n"
    "\n"
    "{{summary}}\n"
    "\n"
    "{{/items}}\n"
    "{{/groups}}\n"
    "{{/national}}\n"
    "{{#local}}\n"
    "地方 {{count}}\n"
    "\n"
    "{{#groups}}\n"
    "{{#lead}}\n"
    "{{{lead}}}\n"
    "\n"
    "{{/lead}}\n"
    "{{#items}}\n"
    "- **{{headline}}**\n"
    "\n"
    "{{summary}}\n"
    "\n"
    "{{/items}}\n"
    "{{/groups}}\n"
    "{{/local}}\n"
    "{{#counts}}\n"
    "共 {{total}} 项\n"
    "{{/counts}}\n"
    "（信息整理：{{{credits}}}）\n";

std::string render(const BulletinEditorial& e, const std::vector<Policy>& policies,
                   std::string_view layout = kTemplate) {
  Diagnostics diagnostics;
  auto text = render_bulletin(layout, "t.mustache", e, policies, source_registry(), diagnostics);
  REQUIRE(text);
  CHECK(diagnostics.empty());
  return *text;
}

}  // namespace

TEST_CASE("render_bulletin fills the template with headlines, summaries and leads") {
  const std::vector<Policy> policies{
      policy("n", "national", "national", "油气方案", "《方案》提出，到2025年。"),
      policy("z", "zhejiang", "provincial", "浙江省方案", "《方案》提出，到 2025 年。")};
  CHECK(render(editorial({"n"}, {"z"}), policies) ==
        "2023 年 3 月\n"
        "\n"
        "国家\n"
        "\n"
        "国家导语 *强调*\n"
        "\n"
        "- **国家能源局发布《油气方案》**\n"
        "\n"
        "《方案》提出，到2025年。\n"
        "\n"
        "地方 1\n"
        "\n"
        "地方导语\n"
        "\n"
        "- **浙江省发布《浙江省方案》**\n"
        "\n"
        "《方案》提出，到 2025 年。\n"
        "\n"
        "（信息整理：韩迪）\n");
}

TEST_CASE("render_bulletin escapes text from policy files but not editorial Markdown") {
  const std::vector<Policy> policies{policy("z", "zhejiang", "provincial",
                                            "关于*重点*_领域_<试行>[2023]版",
                                            "# 提出 `代码` 与 <b>标签</b>")};
  const std::string text = render(editorial({}, {"z"}), policies);
  CHECK(text.find("- **浙江省发布《关于\\*重点\\*\\_领域\\_\\<试行>\\[2023\\]版》**\n") !=
        std::string::npos);
  CHECK(text.find("\n\\# 提出 \\`代码\\` 与 \\<b>标签\\</b>\n") != std::string::npos);
  CHECK(text.find("\n地方导语\n") != std::string::npos);
}

TEST_CASE("render_bulletin leaves out absent sections and shows counts on request") {
  const std::vector<Policy> policies{policy("z", "zhejiang", "provincial", "浙江省方案", "摘要。"),
                                     policy("g", "guangzhou", "municipal", "广州市方案", "摘要。")};
  BulletinEditorial e = editorial({}, {"z", "g"});
  std::string text = render(e, policies);
  CHECK(text.find("国家") == std::string::npos);
  CHECK(text.find("共 ") == std::string::npos);
  e.appendix = {"counts"};
  text = render(e, policies);
  CHECK(text.find("\n共 2 项\n") != std::string::npos);
  CHECK(text.find("- **广州市发布《广州市方案》**") != std::string::npos);
}

TEST_CASE("the overview is the group leads unless the section has its own") {
  const std::vector<Policy> policies{policy("n", "national", "national", "油气方案", "摘要。")};
  BulletinEditorial e = editorial({"n"}, {});
  CHECK(render(e, policies).find("\n国家导语 *强调*\n\n- **") != std::string::npos);
  e.national.overview = {"概述一", "概述二"};
  CHECK(render(e, policies).find("国家\n\n概述一\n\n概述二\n\n- **") != std::string::npos);
}

TEST_CASE("check_bulletin_template reports syntax errors at their position") {
  Diagnostics diagnostics;
  CHECK_FALSE(
      check_bulletin_template("第一行\n{{#national}}\n未关闭\n", "t.mustache", diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  const Diagnostic& d = diagnostics.all().front();
  CHECK(d.code == "E068");
  CHECK(d.message == "template syntax error: Unclosed section \"national\"");
  CHECK(d.mark.line == 2);
  CHECK(d.mark.column == 1);
}

TEST_CASE("check_bulletin_template warns about names the renderer does not provide") {
  Diagnostics diagnostics;
  CHECK(check_bulletin_template(
      "{{! a comment }}\n{{#national}}{{#groups}}{{#items}}\n  {{headlin}} {{summary}}\n"
      "{{/items}}{{/groups}}{{/national}}{{{credits}}} {{counts.total}} {{counts.totl}}\n",
      "t.mustache", diagnostics));
  REQUIRE(diagnostics.all().size() == 2);
  CHECK(diagnostics.all()[0].code == "W062");
  CHECK(diagnostics.all()[0].message ==
        "the renderer provides no `headlin`; the tag renders nothing");
  CHECK(diagnostics.all()[0].hint == "did you mean `headline`?");
  CHECK(diagnostics.all()[0].mark.line == 3);
  CHECK(diagnostics.all()[0].mark.column == 3);
  CHECK(diagnostics.all()[1].message == "the renderer provides no `totl`; the tag renders nothing");
}

TEST_CASE("tidy_blank_lines folds blank runs and ends with one newline") {
  CHECK(tidy_blank_lines("\n\na\n\n\n  \nb  \n\t\nc") == "a\n\nb  \n\nc\n");
  CHECK(tidy_blank_lines("") == "");
  CHECK(tidy_blank_lines("a\nb\n\n") == "a\nb\n");
}
