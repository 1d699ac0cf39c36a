#include "core/policy/registry.hpp"

#include <unistd.h>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "core/diag/diagnostic.hpp"
#include "source_tree.hpp"

using namespace ccnt;
using ccnt::testing::source_registry;
namespace fs = std::filesystem;

namespace {

std::string slug_of(const Region* region) {
  return region ? region->slug : "(none)";
}

std::set<std::string> slugs_of(const std::vector<const Region*>& regions) {
  std::set<std::string> slugs;
  for (const Region* region : regions) slugs.insert(region->slug);
  return slugs;
}

// A schemas/ directory with the given regions.yaml and a minimal sectors and indicators file.
struct ScratchSchemas {
  fs::path dir = fs::temp_directory_path() / ("ccnt-registry-test-" + std::to_string(::getpid()));
  explicit ScratchSchemas(const std::string& regions) {
    fs::create_directories(dir);
    std::ofstream(dir / "regions.yaml") << regions;
    std::ofstream(dir / "sectors.yaml") << "sectors:\n  - slug: industry\n    name: 工业\n";
    std::ofstream(dir / "indicators.yaml") << "indicators:\n  - slug: share\n    name: 占比\n";
    std::ofstream(dir / "agencies.yaml") << "agencies: []\nregional: []\n";
  }
  ~ScratchSchemas() { fs::remove_all(dir); }
  std::vector<std::string> errors() const {
    Diagnostics diagnostics;
    Registry::load(dir, diagnostics);
    std::vector<std::string> messages;
    for (const Diagnostic& d : diagnostics.all()) messages.push_back(d.code + " " + d.message);
    return messages;
  }
};

const char* kNation =
    "regions:\n  - {slug: national, name: 全国, full_name: 中华人民共和国, level: national}\n";

}  // namespace

TEST_CASE("regions: every city and county is found by its short name, full name and slug") {
  const Registry& registry = source_registry();
  CHECK(slug_of(registry.find_region("宁波")) == "ningbo");
  CHECK(slug_of(registry.find_region("宁波市")) == "ningbo");
  CHECK(slug_of(registry.find_region("深圳")) == "shenzhen");
  CHECK(slug_of(registry.find_region("苏州")) == "jiangsu-suzhou");
  CHECK(slug_of(registry.find_region("宿州")) == "anhui-suzhou");
  CHECK(slug_of(registry.find_region("义乌")) == "jinhua-yiwu");
  CHECK(slug_of(registry.find_region("义乌市")) == "jinhua-yiwu");
  CHECK(slug_of(registry.find_region("延边")) == "yanbian");
  CHECK(slug_of(registry.find_region("延边朝鲜族自治州")) == "yanbian");
  CHECK(slug_of(registry.find_region("JINHUA-YIWU")) == "jinhua-yiwu");
  // The existing slugs and aliases stay.
  CHECK(slug_of(registry.find_region("陕西")) == "shaanxi");
  CHECK(slug_of(registry.find_region("山西")) == "shanxi");
  CHECK(slug_of(registry.find_region("inner-mongolia")) == "neimenggu");
  CHECK(slug_of(registry.find_region("xi'an")) == "xian");
  CHECK(slug_of(registry.find_region("火星")) == "(none)");
  CHECK(slug_of(registry.find_region("")) == "(none)");
}

TEST_CASE("regions: a shared name is ambiguous unless a provincial-level division holds it") {
  const Registry& registry = source_registry();
  const RegionMatch chaoyang = registry.match_region("朝阳");
  CHECK(chaoyang.region == nullptr);
  CHECK(slugs_of(chaoyang.candidates) ==
        std::set<std::string>{"beijing-chaoyang", "chaoyang", "changchun-chaoyang"});
  CHECK(registry.describe_regions(chaoyang.candidates).find("北京市朝阳区 (beijing-chaoyang)") !=
        std::string::npos);
  CHECK(registry.describe_regions(chaoyang.candidates).find("辽宁省朝阳市 (chaoyang)") !=
        std::string::npos);
  CHECK(registry.match_region("鼓楼区").candidates.size() == 4);
  // 吉林 is the province and a city; the province wins, the city has its full name.
  CHECK(slug_of(registry.find_region("吉林")) == "jilin");
  CHECK(registry.find_region("吉林市")->level == "prefecture");
  CHECK(slug_of(registry.find_region("海南")) == "hainan");
}

TEST_CASE("regions: a name qualified by enclosing regions names the one inside them") {
  const Registry& registry = source_registry();
  CHECK(slug_of(registry.find_region("北京朝阳")) == "beijing-chaoyang");
  CHECK(slug_of(registry.find_region("北京市朝阳区")) == "beijing-chaoyang");
  CHECK(slug_of(registry.find_region("辽宁朝阳")) == "chaoyang");
  CHECK(slug_of(registry.find_region("长春朝阳区")) == "changchun-chaoyang");
  CHECK(slug_of(registry.find_region("浙江金华义乌")) == "jinhua-yiwu");
  CHECK(slug_of(registry.find_region("浙江省金华市义乌市")) == "jinhua-yiwu");
  CHECK(slug_of(registry.find_region("金华义乌")) == "jinhua-yiwu");
  CHECK(slug_of(registry.find_region("浙江朝阳")) == "(none)");  // no 朝阳 in 浙江
  CHECK(slug_of(registry.find_region("朝阳朝阳")) == "(none)");  // a region is not inside itself
  CHECK(slug_of(registry.find_region(std::string(300, 'a'))) == "(none)");
  CHECK(slug_of(registry.find_region(std::string(200, '\xE5'))) == "(none)");  // broken UTF-8
}

TEST_CASE("regions: lineage, directory and full path follow the parents") {
  const Registry& registry = source_registry();
  const Region& yiwu = *registry.find_region("义乌");
  CHECK(registry.directory_of(yiwu) == "zhejiang/jinhua/yiwu");
  CHECK(registry.full_path_name(yiwu) == "浙江省金华市义乌市");
  CHECK(slug_of(registry.parent_of(yiwu)) == "jinhua");
  CHECK(registry.directory_of(*registry.find_region("beijing-chaoyang")) == "beijing/chaoyang");
  CHECK(registry.directory_of(*registry.find_region("济源")) == "henan/jiyuan");
  CHECK(registry.directory_of(*registry.find_region("yunfu-yunan-445303")) ==
        "guangdong/yunfu/yunan-445303");
  CHECK(registry.directory_of(*registry.find_region("national")) == "national");
  CHECK(registry.directory_of(*registry.find_region("浙江")) == "zhejiang");
  CHECK(registry.find_region("宁波")->policy_level() == "municipal");
  CHECK(registry.find_region("义乌")->policy_level() == "county");
  CHECK(registry.find_region("北京")->policy_level() == "provincial");
}

TEST_CASE("regions: a province includes its cities and counties at every depth") {
  const Registry& registry = source_registry();
  const auto zhejiang = slugs_of(registry.with_descendants(*registry.find_region("浙江")));
  CHECK(zhejiang.count("zhejiang") == 1);
  CHECK(zhejiang.count("ningbo") == 1);
  CHECK(zhejiang.count("jinhua-yiwu") == 1);
  CHECK(zhejiang.count("jiangsu-suzhou") == 0);
  CHECK(zhejiang.size() == 1 + 11 + 90);  // 浙江: 11 cities, 90 county-level divisions
  CHECK(registry.is_within(*registry.find_region("义乌"), *registry.find_region("national")));
  CHECK_FALSE(registry.is_within(*registry.find_region("浙江"), *registry.find_region("义乌")));
}

TEST_CASE("regions: suggestions are near misses only") {
  const Registry& registry = source_registry();
  CHECK(registry.suggest_regions("zhejang") == std::vector<std::string>{"zhejiang"});
  CHECK(!registry.suggest_regions("浙").empty());  // a part of 浙江
  // One character of two changed is another place: no guess for 宁浦 or 火星.
  CHECK(registry.suggest_regions("宁浦").empty());
  CHECK(registry.suggest_regions("火星").empty());
  // One wrong character in a longer name is a typo.
  const auto hulunbeier = registry.suggest_regions("呼伦贝儿");
  CHECK(std::find(hulunbeier.begin(), hulunbeier.end(), "呼伦贝尔") != hulunbeier.end());
}

TEST_CASE("regions: the registry has unique codes and slugs, known parents, codes within them") {
  const Registry& registry = source_registry();
  std::set<std::string> slugs, codes, dirs_in_parent;
  std::size_t prefectures = 0, counties = 0, provincial = 0;
  for (const Region& region : registry.regions()) {
    CHECK(slugs.insert(region.slug).second);
    INFO(region.slug);
    if (region.level == "national") continue;
    REQUIRE(region.code.size() == 6);
    CHECK(codes.insert(region.code).second);
    const Region* parent = registry.parent_of(region);
    REQUIRE(parent != nullptr);
    CHECK(dirs_in_parent.insert(parent->slug + "/" + region.dir).second);
    if (region.level == "prefecture") {
      ++prefectures;
      CHECK(parent->code.substr(0, 2) == region.code.substr(0, 2));
      CHECK(parent->code.ends_with("0000"));
      CHECK(region.code.ends_with("00"));
    } else if (region.level == "county") {
      ++counties;
      const std::size_t stem = parent->code.ends_with("0000") ? 2 : 4;
      CHECK(parent->code.substr(0, stem) == region.code.substr(0, stem));
      CHECK_FALSE(region.code.ends_with("00"));
    } else {
      ++provincial;
      CHECK(parent->level == "national");
      CHECK(region.code.ends_with("0000"));
    }
  }
  CHECK(provincial == 34);
  CHECK(prefectures == 333);
  CHECK(counties == 2845);
}

TEST_CASE("regions: load refuses duplicate slugs and codes, unknown parents, codes outside") {
  {
    ScratchSchemas schemas(std::string(kNation) +
                           "  - {slug: zhejiang, name: 浙江, full_name: 浙江省, code: '330000', "
                           "level: province, parent: national}\n"
                           "  - {slug: zhejiang, name: 浙, full_name: 浙江2, code: '330000', "
                           "level: province, parent: national}\n");
    const auto errors = schemas.errors();
    CHECK(std::find(errors.begin(), errors.end(), "E091 slug `zhejiang` is used by two regions") !=
          errors.end());
    CHECK(std::find(errors.begin(), errors.end(), "E091 code `330000` is used by two regions") !=
          errors.end());
  }
  {
    ScratchSchemas schemas(std::string(kNation) +
                           "  - {slug: zhejiang, name: 浙江, full_name: 浙江省, code: '330000', "
                           "level: province, parent: national}\n"
                           "  - {slug: ningbo, name: 宁波, full_name: 宁波市, code: '320200', "
                           "level: prefecture, parent: zhejiang}\n"
                           "  - {slug: yiwu, name: 义乌, full_name: 义乌市, code: '330782', "
                           "level: county, parent: jinhua}\n"
                           "  - {slug: Industry, name: 工, full_name: 工市, code: '330900', "
                           "level: city, parent: zhejiang}\n");
    const auto errors = schemas.errors();
    CHECK(errors == std::vector<std::string>{
                        "E091 code 320200 of `ningbo` does not lie inside code 330000 of its "
                        "parent `zhejiang`",
                        "E091 region `yiwu` has unknown parent `jinhua`",
                        "E091 region `Industry` has unknown level `city`",
                        "E091 slug `Industry` is not lower-case ASCII letters, digits and -",
                        "E091 region `Industry` has the directory `Industry`, which is also a "
                        "sector's name"});
  }
  {
    ScratchSchemas schemas(
        std::string(kNation) +
        "  - {slug: a, name: 甲, full_name: 甲省, level: province, parent: b}\n"
        "  - {slug: b, name: 乙, full_name: 乙省, level: province, parent: a}\n");
    const auto errors = schemas.errors();
    CHECK(errors ==
          std::vector<std::string>{"E091 region `a` is inside itself (its parents form a loop)"});
  }
}

TEST_CASE("ranks follow the registry's order; unknown slugs come last") {
  const Registry& registry = source_registry();
  CHECK(registry.region_rank("national") == 0);
  CHECK(registry.region_rank("beijing") < registry.region_rank("guangzhou"));
  CHECK(registry.region_rank("no-such-region") == registry.regions().size());
  CHECK(registry.region_rank("浙江") == registry.regions().size());  // slugs only
  CHECK(registry.sector_rank(registry.sectors().back().slug) == registry.sectors().size() - 1);
  CHECK(registry.sector_rank("no-such-sector") == registry.sectors().size());
}
