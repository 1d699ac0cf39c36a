#include <catch2/catch.hpp>

#include <map>

#include "source_tree.hpp"

#include <nlohmann/json.hpp>

#include "core/output/policy_export.hpp"

using namespace ccnt;
using nlohmann::json;

namespace {

const Registry& registry() {
  return testing::source_registry();
}

// A made-up policy whose text exercises quoting in every format.
Policy fixture_policy() {
  Policy policy;
  policy.path = "policies/zhejiang/industry/fixture-zhejiang-industry.yaml";
  policy.id = "fixture-zhejiang-industry";
  policy.title = "测试用工业方案, \"quoted\" | piped";
  policy.region = "zhejiang";
  policy.level = "provincial";
  policy.sector = "industry";
  policy.sectors = {"energy"};
  policy.issuers = {"测试厅", "Fixture Office"};
  policy.doc_type = "实施方案";
  policy.published = PartialDate::parse("2022-11");
  policy.added = *PartialDate::parse("2023-03");
  policy.summary = "第一行：到2025年。\n第二行\twith tab";
  Target target;
  target.indicator = "non-fossil-energy-share";
  target.text = "非化石能源消费比重达到 20%";
  target.value = 20.5;
  target.unit = "%";
  target.kind = "share";
  target.qualifier = "at-least";
  target.target_year = 2025;
  policy.targets.push_back(target);
  policy.tags = {"测试"};
  return policy;
}

// Splits RFC 4180 CSV into records of fields (quoted fields may hold CR, LF and "").
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      records.back().push_back(field);
      field.clear();
      records.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (records.back().empty()) records.pop_back();
  return records;
}

}  // namespace

TEST_CASE("JSON export parses back with every documented field") {
  const Policy policy = fixture_policy();
  const std::string out = export_policies({&policy, &policy}, registry(), OutputFormat::Json);
  const json parsed = json::parse(out);
  REQUIRE(parsed.is_array());
  REQUIRE(parsed.size() == 2);
  const json& p = parsed[0];
  CHECK(p["id"] == "fixture-zhejiang-industry");
  CHECK(p["title"] == policy.title);
  CHECK(p["region"] == "zhejiang");
  CHECK(p["region_name"] == "浙江");
  CHECK(p["level"] == "provincial");
  CHECK(p["sector"] == "industry");
  CHECK(p["sector_name"] == "工业");
  CHECK(p["sectors"] == json::array({"energy"}));
  CHECK(p["issuers"] == json::array({"测试厅", "Fixture Office"}));
  CHECK(p["doc_type"] == "实施方案");
  CHECK(p["published"] == "2022-11");
  CHECK(p["added"] == "2023-03");
  CHECK(p["summary"] == policy.summary);
  CHECK(p["tags"] == json::array({"测试"}));
  CHECK(p["path"] == policy.path);
  REQUIRE(p["targets"].size() == 1);
  CHECK(p["targets"][0]["indicator"] == "non-fossil-energy-share");
  CHECK(p["targets"][0]["value"] == 20.5);
  CHECK(p["targets"][0]["qualifier"] == "at-least");
  CHECK(p["targets"][0]["target_year"] == 2025);
  CHECK_FALSE(p["targets"][0].contains("base_year"));
  // Absent optional fields are omitted, not null.
  for (const char* absent :
       {"title_en", "subsector", "updated", "source", "document_number", "status", "instrument"})
    CHECK_FALSE(p.contains(absent));
}

TEST_CASE("JSON export of nothing is an empty array") {
  CHECK(json::parse(export_policies({}, registry(), OutputFormat::Json)) == json::array());
}

TEST_CASE("JSON Lines export is one compact object per line") {
  const Policy policy = fixture_policy();
  const std::string out = export_policies({&policy, &policy}, registry(), OutputFormat::Jsonl);
  std::size_t newline = out.find('\n');
  REQUIRE(newline != std::string::npos);
  CHECK(json::parse(out.substr(0, newline))["id"] == policy.id);
  CHECK(json::parse(out.substr(newline + 1))["region_name"] == "浙江");
  CHECK(std::count(out.begin(), out.end(), '\n') == 2);
}

TEST_CASE("CSV export parses back per RFC 4180, with a BOM when asked") {
  const Policy policy = fixture_policy();
  const std::string out = export_policies({&policy}, registry(), OutputFormat::Csv, true);
  REQUIRE(out.rfind("\xEF\xBB\xBF", 0) == 0);
  const auto records = parse_csv(out.substr(3));
  REQUIRE(records.size() == 2);
  CHECK(records[0] == policy_csv_columns());
  const auto& row = records[1];
  REQUIRE(row.size() == policy_csv_columns().size());
  CHECK(row[0] == policy.id);
  CHECK(row[1] == policy.title);
  CHECK(row[3] == "浙江");
  CHECK(row[6] == "工业");
  CHECK(row[7] == "测试厅;Fixture Office");
  CHECK(row[9] == "2022-11");
  CHECK(row[12] == policy.summary);
  CHECK(row[13] == "1");
  CHECK(row[14] == policy.path);
  CHECK(export_policies({&policy}, registry(), OutputFormat::Csv).rfind("id,title,", 0) == 0);
}

TEST_CASE("TSV export keeps one record per line") {
  const Policy policy = fixture_policy();
  const std::string out = export_policies({&policy}, registry(), OutputFormat::Tsv);
  CHECK(std::count(out.begin(), out.end(), '\n') == 2);
  CHECK(out.find("第一行：到2025年。 第二行 with tab") != std::string::npos);
}

TEST_CASE("YAML export quotes what would not read back as the same string") {
  const Policy policy = fixture_policy();
  const std::string out = export_policies({&policy}, registry(), OutputFormat::Yaml);
  CHECK(out.rfind("- id: fixture-zhejiang-industry\n  title: ", 0) == 0);
  CHECK(out.find("  published: \"2022-11\"\n") != std::string::npos);
  CHECK(out.find("  summary: \"第一行：到2025年。\\n第二行\\twith tab\"\n") != std::string::npos);
  CHECK(out.find("  issuers:\n    - 测试厅\n    - Fixture Office\n") != std::string::npos);
  CHECK(out.find("  targets:\n    - indicator: non-fossil-energy-share\n") != std::string::npos);
  CHECK(out.find("      value: 20.5\n") != std::string::npos);
  CHECK(export_policies({}, registry(), OutputFormat::Yaml) == "[]\n");
}

TEST_CASE("Markdown and ids exports") {
  const Policy policy = fixture_policy();
  const std::string md = export_policies({&policy}, registry(), OutputFormat::Markdown);
  CHECK(md.find("| published | region | sector | title | id |\n") == 0);
  CHECK(md.find("\\| piped") != std::string::npos);
  CHECK(export_policies({&policy}, registry(), OutputFormat::Ids) == policy.id + "\n");
}

TEST_CASE("CSV carries every field: the later columns, lists joined by ;") {
  Policy policy = fixture_policy();
  policy.stub = false;
  policy.title_en = "Fixture plan";
  policy.subsector = "building-materials";
  policy.sectors = {"energy", "power"};
  policy.document_number = "浙样〔2023〕1号";
  policy.updated = PartialDate::parse("2023-05-20");
  policy.status = "in-force";
  policy.instrument = "target";
  policy.source_ids = {"tracker:abc"};
  policy.tags = {"碳达峰", "工业"};
  policy.headline = "浙江省发布《测试》";
  policy.relations.implements = {{"national-industry-carbon-peaking", {}}};
  policy.relations.supersedes = {{"zhejiang-a", {}}, {"zhejiang-b", {}}};
  const auto records = parse_csv(export_policies({&policy}, registry(), OutputFormat::Csv));
  REQUIRE(records.size() == 2);
  const std::vector<std::string>& header = records[0];
  CHECK(header.size() == 29);
  // The first fifteen columns stay where they were.
  CHECK(std::vector<std::string>(header.begin(), header.begin() + 15) ==
        std::vector<std::string>{"id", "title", "region", "region_name", "level", "sector",
                                 "sector_name", "issuers", "doc_type", "published", "added",
                                 "source", "summary", "targets", "path"});
  std::map<std::string, std::string> row;
  for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = records[1][i];
  CHECK(row["stub"] == "false");
  CHECK(row["title_en"] == "Fixture plan");
  CHECK(row["subsector"] == "building-materials");
  CHECK(row["sectors"] == "energy;power");
  CHECK(row["document_number"] == "浙样〔2023〕1号");
  CHECK(row["updated"] == "2023-05-20");
  CHECK(row["status"] == "in-force");
  CHECK(row["instrument"] == "target");
  CHECK(row["source_ids"] == "tracker:abc");
  CHECK(row["tags"] == "碳达峰;工业");
  CHECK(row["headline"] == "浙江省发布《测试》");
  CHECK(row["implements"] == "national-industry-carbon-peaking");
  CHECK(row["supersedes"] == "zhejiang-a;zhejiang-b");
  CHECK(row["amends"] == "");
}

TEST_CASE("the targets as CSV, one row per target keyed by policy id") {
  const Policy policy = fixture_policy();
  const auto records =
      parse_csv(export_policy_targets({&policy, &policy}, registry(), OutputFormat::Csv));
  REQUIRE(records.size() == 3);
  CHECK(records[0] == target_csv_columns());
  CHECK(records[1] == std::vector<std::string>{policy.id, "non-fossil-energy-share",
                                               "非化石能源消费比重", "非化石能源消费比重达到 20%",
                                               "20.5", "%", "share", "at-least", "", "2025", ""});
}

TEST_CASE("the workbook's sheets: the CSV's columns, dates as dates, numbers as numbers") {
  Policy policy = fixture_policy();
  policy.relations.implements = {{"national-industry-carbon-peaking", {}}};
  const std::vector<Sheet> sheets = policy_sheets({&policy}, registry());
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].name == "policies");
  CHECK(sheets[0].headers == policy_csv_columns());
  REQUIRE(sheets[0].rows.size() == 1);
  const std::vector<SheetCell>& row = sheets[0].rows[0];
  CHECK(row[9].kind == SheetCell::Kind::Date);  // published
  CHECK(row[9].date.to_string() == "2022-11");
  CHECK(row[13].kind == SheetCell::Kind::Number);  // targets
  CHECK(row[13].number == 1);
  CHECK(row[15].kind == SheetCell::Kind::Boolean);  // stub
  CHECK(row[11].kind == SheetCell::Kind::Empty);    // no source
  CHECK(row[26].text == "national-industry-carbon-peaking");
  CHECK(sheets[1].name == "targets");
  REQUIRE(sheets[1].rows.size() == 1);
  CHECK(sheets[1].rows[0][4].kind == SheetCell::Kind::Number);
  CHECK(sheets[1].rows[0][4].number == 20.5);
  CHECK(sheets[1].rows[0][8].kind == SheetCell::Kind::Empty);  // no base year
}

TEST_CASE("JSON and YAML carry the relations when a record states them") {
  Policy policy = fixture_policy();
  CHECK(json::parse(export_policies({&policy}, registry(), OutputFormat::Json))[0].count(
            "implements") == 0);
  policy.relations.amends = {{"zhejiang-a", {}}};
  const json object = json::parse(export_policies({&policy}, registry(), OutputFormat::Json))[0];
  CHECK(object["amends"] == json::array({"zhejiang-a"}));
  CHECK(export_policies({&policy}, registry(), OutputFormat::Yaml)
            .find("  amends:\n    - zhejiang-a\n") != std::string::npos);
}
