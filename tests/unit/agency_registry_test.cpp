#include <catch2/catch.hpp>

#include "source_tree.hpp"

#include <filesystem>
#include <fstream>

#include "core/policy/agency_registry.hpp"
#include "core/policy/registry.hpp"

using namespace ccnt;
namespace fs = std::filesystem;

namespace {

const Registry& registry() {
  return testing::source_registry();
}

// The canonical ids an issuer names in a record of `region`; empty when it cannot be placed.
std::vector<std::string> ids(std::string_view issuer, std::string_view region = "national") {
  std::vector<std::string> out;
  for (const PlacedAgency& agency : registry().place_issuer(issuer, region).agencies)
    out.push_back(agency.id);
  return out;
}

using Ids = std::vector<std::string>;

// Loads an agencies.yaml written from `text` in a scratch directory.
std::optional<AgencyRegistry> load_text(const std::string& text, Diagnostics& diagnostics) {
  const fs::path dir = fs::temp_directory_path() / "ccnt-agency-registry-test";
  fs::create_directories(dir);
  const fs::path file = dir / "agencies.yaml";
  std::ofstream(file, std::ios::binary) << text;
  return AgencyRegistry::load(file, diagnostics);
}

}  // namespace

TEST_CASE("the NDRC is one agency under every name it is written under") {
  for (const char* name : {"国家发展和改革委员会", "国家发展改革委", "国家发改委"}) {
    INFO(name);
    CHECK(ids(name) == Ids{"ndrc"});
    CHECK(ids(name, "zhejiang") == Ids{"ndrc"});  // a central name stays central anywhere
  }
  const IssuerPlacement placement = registry().place_issuer("国家发改委", "national");
  REQUIRE(placement.placed());
  CHECK(placement.agencies[0].name == "国家发展和改革委员会");
  CHECK(placement.agencies[0].kind == "government");
  CHECK_FALSE(placement.and_others);
  CHECK_FALSE(placement.several);
}

TEST_CASE("a bare local form is the record's region's agency, or the central one nationally") {
  CHECK(ids("发展改革委", "national") == Ids{"ndrc"});
  CHECK(ids("发改委", "national") == Ids{"ndrc"});
  CHECK(ids("发展改革委", "zhejiang") == Ids{"zhejiang/development-reform"});
  CHECK(ids("发改委", "hangzhou") == Ids{"hangzhou/development-reform"});
  CHECK(ids("能源局", "national") == Ids{"nea"});
  CHECK(ids("能源局", "guangdong") == Ids{"guangdong/energy-bureau"});
  // A local kind with no central counterpart names nothing in a national record.
  CHECK(ids("生态环境厅", "national").empty());
}

TEST_CASE("a region's name in any form followed by an agency kind is that region's agency") {
  for (const char* name :
       {"浙江省发展改革委", "浙江省发展和改革委员会", "浙江发改委", "zhejiang发展改革委"}) {
    INFO(name);
    CHECK(ids(name, "zhejiang") == Ids{"zhejiang/development-reform"});
  }
  const IssuerPlacement placement = registry().place_issuer("浙江发改委", "zhejiang");
  REQUIRE(placement.placed());
  CHECK(placement.agencies[0].name == "浙江省发展和改革委员会");
  CHECK(ids("杭州市人民政府办公厅", "hangzhou") == Ids{"hangzhou/government-general-office"});
  CHECK(ids("浙江省人民政府", "zhejiang") == Ids{"zhejiang/government"});
  CHECK(ids("浙江省政府", "zhejiang") == Ids{"zhejiang/government"});
  CHECK(ids("广东省经济和信息化厅", "guangdong") == Ids{"guangdong/economy-it-department"});
  CHECK(ids("中共浙江省委", "zhejiang") == Ids{"zhejiang/party-committee"});
  CHECK(ids("浙江省委", "zhejiang") == Ids{"zhejiang/party-committee"});
  CHECK(registry().place_issuer("中共浙江省委", "zhejiang").agencies[0].name == "中共浙江省委员会");
  CHECK(registry().place_issuer("中共浙江省委", "zhejiang").agencies[0].kind == "party");
  // Another region's agency keeps its own region, whatever the record's region.
  CHECK(ids("广东省能源局", "zhejiang") == Ids{"guangdong/energy-bureau"});
  // 国家 + a kind with a central counterpart is the central agency.
  CHECK(ids("国家能源局", "zhejiang") == Ids{"nea"});
}

TEST_CASE("X等部门 names X and marks the departments it does not name") {
  for (const char* name : {"自然资源部等部门", "自然资源部等", "自然资源部等七部门",
                           "自然资源部等7部门", "自然资源部等单位"}) {
    INFO(name);
    const IssuerPlacement placement = registry().place_issuer(name, "national");
    CHECK(ids(name) == Ids{"mnr"});
    CHECK(placement.and_others);
  }
  CHECK_FALSE(registry().place_issuer("自然资源部", "national").and_others);
}

TEST_CASE("internal units count as their agency; named offices stay separate") {
  CHECK(ids("自然资源部办公厅") == Ids{"mnr"});
  CHECK(ids("国家能源局综合司") == Ids{"nea"});
  CHECK(ids("国家林业和草原局办公室") == Ids{"nfga"});
  CHECK(ids("国务院办公厅") == Ids{"state-council-general-office"});
  CHECK(ids("中共中央办公厅") == Ids{"cpc-general-office"});
  CHECK(ids("浙江省发展改革委办公室", "zhejiang") == Ids{"zhejiang/development-reform"});
}

TEST_CASE("former names, successors and kinds beyond the government") {
  CHECK(ids("环境保护部") == Ids{"mee"});
  CHECK(ids("国家林业局") == Ids{"nfga"});
  CHECK(ids("银保监会") == Ids{"cbirc"});
  REQUIRE(registry().agencies().agency("cbirc"));
  CHECK(registry().agencies().agency("cbirc")->succeeded_by == "nfra");
  CHECK(registry().place_issuer("最高人民法院", "national").agencies[0].kind == "judiciary");
  CHECK(registry().place_issuer("上海环境能源交易所", "national").agencies[0].kind == "market");
  CHECK(registry().place_issuer("中电联", "national").agencies[0].kind == "association");
  CHECK(registry().place_issuer("中美", "national").agencies[0].kind == "international");
  CHECK(registry().place_issuer("全国人大常委会", "national").agencies[0].kind == "congress");
  CHECK(registry().place_issuer("中共中央", "national").agencies[0].kind == "party");
}

TEST_CASE("the shipped registry follows the reform texts its header cites") {
  // The 2018 list writes the 组成部门 with 中华人民共和国 (all but 中国人民银行).
  CHECK(ids("中华人民共和国生态环境部") == Ids{"mee"});
  CHECK(ids("中华人民共和国国家发展和改革委员会") == Ids{"ndrc"});
  CHECK(ids("中华人民共和国审计署") == Ids{"nao"});
  // 2023: the separate 国家乡村振兴局 is no longer kept; 农业农村部 takes it over.
  const Agency* rural = registry().agencies().agency("nrra");
  REQUIRE(rural);
  CHECK(rural->until == "2023-03");
  CHECK(rural->succeeded_by == "moa");
  // Short forms 国家统计局's 公报 use.
  CHECK(ids("质检总局") == Ids{"aqsiq"});
  CHECK(ids("安全监管总局") == Ids{"saws"});
  CHECK(ids("体育总局") == Ids{"gas"});
  // A former name no text read dates carries no date.
  const Agency* reform = registry().agencies().agency("central-deepening-reform-commission");
  REQUIRE(reform);
  REQUIRE(reform->former_names.size() == 1);
  CHECK(reform->former_names[0].until.empty());
  CHECK(ids("中央全面深化改革领导小组") == Ids{"central-deepening-reform-commission"});
}

TEST_CASE("one string naming several agencies is placed when every part is") {
  const IssuerPlacement placement = registry().place_issuer("中共中央、国务院", "national");
  CHECK(placement.several);
  CHECK(placement.parts == std::vector<std::string>{"中共中央", "国务院"});
  CHECK(ids("中共中央、国务院") == Ids{"cpc-central-committee", "state-council"});
  CHECK(ids("国家发展改革委 国家能源局") == Ids{"ndrc", "nea"});
  CHECK(ids("国家发展改革委、某某研究会").empty());
}

TEST_CASE("an issuer that cannot be placed gets the closest names") {
  CHECK(ids("国家发展改委").empty());
  CHECK(ids("某某研究会").empty());
  const auto suggestions = registry().agencies().suggest("国家发展改委", registry());
  CHECK(std::find(suggestions.begin(), suggestions.end(), "国家发展改革委") != suggestions.end());
  // A known region with an unknown kind: the region with the closest kinds.
  CHECK(ids("浙江省发改厅", "zhejiang").empty());
  const auto local = registry().agencies().suggest("浙江省发改厅", registry());
  CHECK(std::find(local.begin(), local.end(), "浙江省发改委") != local.end());
}

TEST_CASE("what an --issuer value names: an agency, a region's agency, or a bare local kind") {
  const AgencyRegistry& agencies = registry().agencies();
  auto named = agencies.find("国家发改委", registry());
  REQUIRE(named.agency);
  CHECK(named.agency->id == "ndrc");
  named = agencies.find("浙江省发展和改革委员会", registry());
  REQUIRE(named.agency);
  CHECK(named.agency->id == "zhejiang/development-reform");
  named = agencies.find("发改委", registry());
  CHECK_FALSE(named.agency);
  REQUIRE(named.pattern);
  CHECK(named.pattern->id == "development-reform");
  named = agencies.find("生态环境", registry());
  CHECK_FALSE(named.agency);
  CHECK_FALSE(named.pattern);
}

TEST_CASE(
    "agencies.yaml: unknown keys, unknown kinds and a name used twice are errors with lines") {
  Diagnostics diagnostics;
  auto loaded = load_text(
      "agencies:\n"
      "  - id: a\n"
      "    name: 甲部\n"
      "    aliases: [甲]\n"
      "    kind: government\n"
      "  - id: b\n"
      "    name: 乙部\n"
      "    aliases: [甲]\n"
      "    kind: goverment\n"
      "    colour: red\n"
      "regional:\n"
      "  - {id: c, name: 丙局, kind: government, central: nobody}\n"
      "units: []\n",
      diagnostics);
  CHECK_FALSE(loaded);
  std::vector<std::string> seen;
  for (const Diagnostic& d : diagnostics.all()) {
    CHECK(d.code == "E085");
    seen.push_back(std::to_string(d.mark.line) + " " + d.message);
  }
  CHECK(std::find(seen.begin(), seen.end(), "8 name `甲` of `b` is already used by `a` (line 4)") !=
        seen.end());
  CHECK(std::find(seen.begin(), seen.end(), "9 unknown agency kind `goverment`") != seen.end());
  CHECK(std::find(seen.begin(), seen.end(), "10 unknown key `colour`") != seen.end());
  CHECK(std::find(seen.begin(), seen.end(), "0 `c` names unknown central agency `nobody`") !=
        seen.end());
}

TEST_CASE("the project's agencies.yaml loads, and every agency has a kind") {
  const AgencyRegistry& agencies = registry().agencies();
  CHECK(agencies.agencies().size() > 80);
  CHECK(agencies.patterns().size() > 40);
  for (const Agency& agency : agencies.agencies()) {
    INFO(agency.id);
    CHECK_FALSE(agency.kind.empty());
  }
}
