#include <catch2/catch.hpp>

#include "source_tree.hpp"

#include "core/diag/message_catalog.hpp"
#include "core/output/labels.hpp"
#include "core/output/policy_export.hpp"
#include "core/output/stats_output.hpp"
#include "core/output/targets_output.hpp"

using namespace ccnt;

namespace {

// Sets the language of messages for one test and back to English after it.
struct LanguageScope {
  explicit LanguageScope(Language language) { set_language(language); }
  ~LanguageScope() { set_language(Language::English); }
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;
};

Policy made_up_policy() {
  Policy policy;
  policy.path = "policies/zhejiang/industry/fixture-zhejiang-industry.yaml";
  policy.id = "fixture-zhejiang-industry";
  policy.title = "测试用工业方案";
  policy.region = "zhejiang";
  policy.level = "provincial";
  policy.sector = "industry";
  policy.doc_type = "实施方案";
  policy.added = *PartialDate::parse("2023-03");
  policy.summary = "测试摘要。";
  policy.stub = true;
  return policy;
}

// The first line of `text`.
std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace

TEST_CASE("labels are English keys or their Chinese, and a context after | is dropped in English") {
  CHECK(label("published", HeaderLanguage::English) == "published");
  CHECK(label("published", HeaderLanguage::Chinese) == "发布日期");
  CHECK(label("target|year", HeaderLanguage::English) == "target");
  CHECK(label("target|year", HeaderLanguage::Chinese) == "目标年");
  CHECK(label("not-comparable", HeaderLanguage::Chinese) == "不可比");
  CHECK(label("no such key", HeaderLanguage::Chinese) == "no such key");
  CHECK(value_label("kind", "level", HeaderLanguage::Chinese) == "水平");
  CHECK(value_label("kind", "level", HeaderLanguage::English) == "level");
  CHECK(value_label("kind", "share", HeaderLanguage::Chinese) == "占比");
  CHECK(value_label("instrument", "market", HeaderLanguage::Chinese) == "市场机制");
  CHECK(value_label("agency", "market", HeaderLanguage::Chinese) == "市场机构");
  CHECK(policy_count_label(1, HeaderLanguage::English) == "1 policy");
  CHECK(policy_count_label(3, HeaderLanguage::Chinese) == "共 3 项政策");
}

TEST_CASE("every CSV column, level, target kind and verdict has a Chinese label") {
  for (const std::string& column : policy_csv_columns()) CHECK(has_chinese_label(column));
  for (std::string_view level : {"national", "provincial", "municipal", "county"})
    CHECK(has_chinese_label(level));
  for (std::string_view kind :
       {"reduction", "share", "capacity", "count", "growth", "amount", "level|kind"})
    CHECK(has_chinese_label(kind));
  for (std::string_view verdict : {"benchmark", "stricter", "equal", "weaker", "not-comparable"})
    CHECK(has_chinese_label(verdict));
}

TEST_CASE("tables a person reads follow the language of messages and data formats stay English") {
  CHECK(default_header_language(OutputFormat::Table) == HeaderLanguage::English);
  const LanguageScope chinese(Language::Chinese);
  CHECK(default_header_language(OutputFormat::Table) == HeaderLanguage::Chinese);
  CHECK(default_header_language(OutputFormat::Markdown) == HeaderLanguage::Chinese);
  CHECK(default_header_language(OutputFormat::Csv) == HeaderLanguage::English);
  CHECK(default_header_language(OutputFormat::Tsv) == HeaderLanguage::English);
  CHECK(parse_header_language("zh") == HeaderLanguage::Chinese);
  CHECK_FALSE(parse_header_language("fr"));
}

TEST_CASE("list: Chinese headers and placeholders in the table and Markdown, keys in CSV") {
  const Registry& registry = testing::source_registry();
  const Policy policy = made_up_policy();
  const LanguageScope chinese(Language::Chinese);
  const std::string table = export_policies({&policy}, registry, OutputFormat::Table);
  CHECK(first_line(table) == "发布日期  地区  部门            标题            ID");
  CHECK(table.find("工业（待补全）") != std::string::npos);
  CHECK(first_line(export_policies({&policy}, registry, OutputFormat::Markdown)) ==
        "| 发布日期 | 地区 | 部门 | 标题 | ID |");
  CHECK(export_policies({&policy}, registry, OutputFormat::Csv).starts_with("id,title,region,"));
  CHECK(export_policies({&policy}, registry, OutputFormat::Csv, false, true, 0,
                        HeaderLanguage::Chinese)
            .starts_with("ID,标题,地区,地区名称,"));
  // --headers en on a Chinese run: English headers again.
  CHECK(first_line(export_policies({&policy}, registry, OutputFormat::Table, false, true, 0,
                                   HeaderLanguage::English))
            .starts_with("published  region"));
}

TEST_CASE("stats: Chinese titles, headers and level names, and CSV keeps its keys") {
  const Registry& registry = testing::source_registry();
  const Policy policy = made_up_policy();
  const PolicyStats stats = compute_stats({&policy}, registry);
  const StatsTables tables(std::vector<std::string>{"level"});
  const std::string text =
      render_stats(stats, {}, tables, OutputFormat::Table, 0, true, HeaderLanguage::Chinese);
  CHECK(text == "共 1 项政策\n\n按级别\n\n级别  政策数\n────  ──────\n省级       1\n");
  CHECK(render_stats(stats, {}, tables, OutputFormat::Csv, 0, true) ==
        "table,key,subkey,count\r\nlevel,provincial,,1\r\n");
}

TEST_CASE("targets: Chinese heading, verdicts and reasons in text, English in CSV") {
  const Registry& registry = testing::source_registry();
  const Indicator* indicator = registry.find_indicator("industrial-energy-intensity-reduction");
  REQUIRE(indicator);
  Policy national = made_up_policy();
  national.id = "fixture-national";
  national.region = "national";
  national.level = "national";
  national.stub = false;
  Target target;
  target.indicator = indicator->slug;
  target.text = "下降13.5%";
  target.value = 13.5;
  target.unit = "%";
  target.kind = "reduction";
  target.base_year = 2020;
  target.target_year = 2025;
  national.targets = {target};
  Policy regional = made_up_policy();
  regional.stub = false;
  target.value = 16;
  regional.targets = {target};
  target.target_year = 2030;
  regional.targets.push_back(target);
  const auto comparisons = compare_targets({&national, &regional}, registry, indicator);
  const std::string text =
      render_targets(comparisons, registry, OutputFormat::Table, 0, true, HeaderLanguage::Chinese);
  CHECK(first_line(text) == indicator->name + "（" + indicator->slug + "，%；越高越严格）");
  CHECK(text.find("严于国家水平") != std::string::npos);
  CHECK(text.find("不可比 [1]") != std::string::npos);
  CHECK(text.find("[1] 目标年 2030 与国家的 2025 不同") != std::string::npos);
  const std::string csv = render_targets(comparisons, registry, OutputFormat::Csv, 0, true);
  CHECK(csv.find("stricter") != std::string::npos);
  CHECK(csv.find("target year 2030 differs from the national 2025") != std::string::npos);
}
