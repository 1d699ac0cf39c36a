#include <catch2/catch.hpp>

#include "file_text.hpp"
#include "source_dir.hpp"
#include "source_tree.hpp"

#include <filesystem>
#include <set>

#include "core/diag/diagnostic.hpp"
#include "core/import/import_mapping.hpp"
#include "core/yaml/yaml_reader.hpp"

using namespace ccnt;
namespace fs = std::filesystem;

// mappings/tracker-categories.yaml is read by `ccnt import`; docs/taxonomy.md shows it.
TEST_CASE("every tracker category maps to a real sector and subsector, once, as documented") {
  const fs::path source = testing::source_dir();
  const std::string text = testing::file_text(source / "mappings" / "tracker-categories.yaml");
  const std::string doc = testing::file_text(source / "docs" / "taxonomy.md");
  Diagnostics diagnostics;
  auto root = parse_yaml(text, "mappings/tracker-categories.yaml", diagnostics);
  REQUIRE(root);
  const Node* rows = root->find("categories");
  REQUIRE(rows);
  REQUIRE(rows->is_sequence());
  CHECK(rows->items.size() > 50);

  const Registry& registry = testing::source_registry();
  std::set<std::pair<std::string, std::string>> seen;
  for (const Node& row : rows->items) {
    const std::string first = scalar_at(row, "category_1");
    const std::string second = scalar_at(row, "category_2");
    INFO("line " << row.mark.line << ": " << first << " / " << second);
    for (const MapEntry& entry : row.entries) {
      INFO(entry.key);
      CHECK((entry.key == "category_1" || entry.key == "category_2" || entry.key == "sector" ||
             entry.key == "subsector" || entry.key == "sectors"));
    }
    CHECK_FALSE(first.empty());
    CHECK(seen.emplace(first, second).second);
    const Sector* sector = registry.find_sector(scalar_at(row, "sector"));
    REQUIRE(sector);
    CHECK(sector->slug == scalar_at(row, "sector"));  // slugs, not other name forms
    std::string subsector = "—";
    if (const std::string sub = scalar_at(row, "subsector"); !sub.empty()) {
      const Subsector* found = registry.find_subsector(*sector, sub);
      REQUIRE(found);
      CHECK(found->slug == sub);
      subsector = "`" + found->slug + "` " + found->name;
    }
    std::string further;
    for (const std::string& slug : scalars_at(row, "sectors")) {
      const Sector* other = registry.find_sector(slug);
      CHECK(other);
      CHECK(other != sector);
      further += (further.empty() ? "`" : ", `") + slug + "`";
    }
    const std::string line = "| " + first + " | " + (second.empty() ? "(any other)" : second) +
                             " | `" + sector->slug + "` " + sector->name + " | " + subsector +
                             " | " + (further.empty() ? "—" : further) + " |";
    CHECK(doc.find(line) != std::string::npos);  // docs/taxonomy.md lists the same row
  }
}

// The shipped mapping of the tracker's export takes its sectors from that table.
TEST_CASE("the shipped tracker mapping maps categories through tracker-categories.yaml") {
  Diagnostics diagnostics;
  const auto mapping = load_import_mapping(testing::source_dir() / "mappings" / "tracker.yaml",
                                           testing::source_registry(), diagnostics);
  for (const Diagnostic& d : diagnostics.all()) UNSCOPED_INFO(d.message);
  REQUIRE(mapping);
  CHECK(diagnostics.empty());
  const SectorChoice* saving = mapping->sector_for({"工业", "节能"});
  REQUIRE(saving);
  CHECK(saving->sector == "energy-conservation");
  CHECK(saving->sectors == std::vector<std::string>{"industry"});
  const SectorChoice* steel = mapping->sector_for({"工业", "钢铁"});
  REQUIRE(steel);
  CHECK(steel->subsector == "steel");
  const SectorChoice* other = mapping->sector_for({"工业", "未列出的类别"});  // the level-1 row
  REQUIRE(other);
  CHECK(other->sector == "industry");
  CHECK(other->subsector.empty());
  CHECK_FALSE(mapping->sector_for({"未列出的类别"}));
}
