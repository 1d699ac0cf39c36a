#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "core/policy/editor_schema.hpp"
#include "core/util/partial_date.hpp"
#include "core/yaml/yaml_reader.hpp"
#include "source_tree.hpp"

using namespace ccnt;
using ccnt::testing::source_project;
using ccnt::testing::source_registry;

namespace {

bool matches(const std::string& pattern, const std::string& text) {
  return std::regex_search(text, std::regex(pattern, std::regex::ECMAScript));
}

nlohmann::json editor_schema() {
  Diagnostics diagnostics;
  const auto text = editor_schema_text(source_project(), diagnostics);
  REQUIRE(text);
  return nlohmann::json::parse(*text);
}

}  // namespace

TEST_CASE("the calendar date pattern matches real days only, as PartialDate::is_real judges") {
  const std::string day_or_month = calendar_date_pattern(false, true);
  const std::string any = calendar_date_pattern(true, true);
  for (const char* real : {"2023-02-28", "2024-02-29", "2000-02-29", "1600-02-29", "2023-04-30",
                           "2023-12-31", "0001-01-01", "2023-03"})
    CHECK(matches(day_or_month, real));
  for (const char* unreal :
       {"2023-02-30", "2023-02-29", "1900-02-29", "2100-02-29", "2023-04-31", "2023-13", "2023-00",
        "2023-01-00", "0000-01-01", "2023", "23-01", "2023-1-01", "2023-01-01x"})
    CHECK_FALSE(matches(day_or_month, unreal));
  CHECK(matches(any, "2023"));
  CHECK_FALSE(matches(any, "0000"));
  // Every day of four years, leap and not, against the calendar ccnt checks with.
  for (int year : {1900, 2000, 2023, 2024})
    for (int month = 1; month <= 12; ++month)
      for (int day = 1; day <= 31; ++day) {
        const PartialDate date{year, month, day};
        INFO(date.to_string());
        CHECK(matches(day_or_month, date.to_string()) == date.is_real());
      }
}

TEST_CASE("every region name the editor schema lists names that region alone, as ccnt reads it") {
  const Registry& registry = source_registry();
  std::size_t names = 0;
  for (const Region& region : registry.regions()) {
    const auto listed = region_editor_names(registry, region);
    REQUIRE_FALSE(listed.empty());
    CHECK(listed.front() == region.slug);
    for (const std::string& name : listed) {
      INFO(region.slug << ": " << name);
      CHECK(registry.find_region(name) == &region);
    }
    names += listed.size();
  }
  CHECK(names > 3 * registry.regions().size() - 1000);
}

TEST_CASE("a shared name is listed in its qualified forms, a provincial one as it is") {
  const Registry& registry = source_registry();
  const auto names_of = [&](const char* slug) {
    return region_editor_names(registry, *registry.find_region(slug));
  };
  const auto chaoyang = names_of("beijing-chaoyang");
  CHECK(std::find(chaoyang.begin(), chaoyang.end(), "北京朝阳") != chaoyang.end());
  CHECK(std::find(chaoyang.begin(), chaoyang.end(), "北京市朝阳区") != chaoyang.end());
  CHECK(std::find(chaoyang.begin(), chaoyang.end(), "朝阳") == chaoyang.end());
  const auto zhejiang = names_of("zhejiang");
  CHECK(zhejiang == std::vector<std::string>{"zhejiang", "浙江", "浙江省", "浙"});
  // 吉林 is the province; the city of the same short name is 吉林市.
  const auto jilin = names_of("jilin");
  CHECK(std::find(jilin.begin(), jilin.end(), "吉林") != jilin.end());
}

TEST_CASE("the editor schema has the registries' names as enums with a description each") {
  const nlohmann::json schema = editor_schema();
  const auto& properties = schema["properties"];
  for (const char* field : {"region", "sector", "subsector"}) {
    INFO(field);
    const auto& property = properties[field];
    REQUIRE(property.contains("enum"));
    CHECK(property["enum"].size() == property["enumDescriptions"].size());
    CHECK(property.contains("errorMessage"));
  }
  const auto& regions = properties["region"]["enum"];
  CHECK(regions.size() > 9000);
  const std::set<std::string> region_names(regions.begin(), regions.end());
  CHECK(region_names.size() == regions.size());
  CHECK(region_names.count("浙江"));
  CHECK_FALSE(region_names.count("zhejang"));
  CHECK(properties["sectors"]["items"]["enum"] == properties["sector"]["enum"]);
  const auto& indicator = schema["definitions"]["target"]["properties"]["indicator"];
  CHECK(indicator["enum"].size() == source_registry().indicators().size());
  CHECK(properties["doc_type"]["enumDescriptions"].size() == properties["doc_type"]["enum"].size());
  CHECK(properties["published"]["pattern"] == calendar_date_pattern(true, true));
  CHECK(properties["added"]["pattern"] == calendar_date_pattern(false, true));
  // One if/then per sector narrows the subsector to the primary sector's.
  CHECK(schema["allOf"].size() == source_registry().sectors().size());
  // The policy schema's own rules stay: required fields, the stub rule, no other fields.
  CHECK(schema["required"].size() >= 6);
  CHECK(schema.contains("if"));
  CHECK(schema["additionalProperties"] == false);
}

TEST_CASE("a field the policy schema gains is in the editor schema, unchanged") {
  Diagnostics diagnostics;
  const auto schema =
      parse_yaml(R"({"type": "object", "properties": {"implements": {"type": "array", "items": )"
                 R"({"type": "string"}, "maxItems": 5}, "region": {"type": "string"}}})",
                 "schema.json", diagnostics);
  REQUIRE(schema);
  const auto out = nlohmann::json::parse(editor_schema_text(*schema, source_registry()));
  CHECK(out["properties"]["implements"] ==
        nlohmann::json::parse(R"({"type": "array", "items": {"type": "string"}, "maxItems": 5})"));
  CHECK(out["properties"]["region"]["enum"].size() > 9000);
  CHECK_FALSE(out.contains("allOf"));  // no subsector field, no subsector rules
}

TEST_CASE("new files name the editor schema only when the tree's schemas/ holds it") {
  CHECK(modeline_schema_file(source_project()) == kEditorSchemaFile);
  Project elsewhere = source_project();
  elsewhere.root = "/nonexistent/tree";
  CHECK(modeline_schema_file(elsewhere) == kPolicySchemaFile);
  CHECK(has_own_schema_file(source_project(), kBulletinSchemaFile));
}
