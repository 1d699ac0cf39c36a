// The search index: Chinese by characters and pairs (no word boundaries), pinyin and English by
// letters, and the files the search page reads.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/site/search_index.hpp"
#include "core/site/site_model.hpp"
#include "source_tree.hpp"

using namespace ccnt;

namespace {

bool has(const std::vector<std::string>& grams, const std::string& gram) {
  return std::find(grams.begin(), grams.end(), gram) != grams.end();
}

Policy policy(std::string id, std::string region, std::string title, std::string summary) {
  Policy p;
  p.id = std::move(id);
  p.path = "policies/" + region + "/energy/" + p.id + ".yaml";
  p.region = std::move(region);
  p.level = "provincial";
  p.sector = "energy";
  p.doc_type = "实施方案";
  p.title = std::move(title);
  p.summary = std::move(summary);
  p.added = {2023, 3, 0};
  return p;
}

}  // namespace

TEST_CASE("Chinese text is indexed by characters and adjacent pairs, without word boundaries") {
  const std::vector<std::string> grams = search_grams("推动光伏发电，发展储能");
  CHECK(has(grams, "光伏"));
  CHECK(has(grams, "伏发"));
  CHECK(has(grams, "储能"));
  CHECK(has(grams, "光"));
  CHECK_FALSE(has(grams, "电发"));  // the comma separates runs
  CHECK_FALSE(has(grams, "电，"));
}

TEST_CASE("Latin letters are folded, full-width forms made ASCII, and not indexed alone") {
  const std::vector<std::string> grams = search_grams("CCUS ２０２５ Zhejiang");
  CHECK(has(grams, "cc"));
  CHECK(has(grams, "us"));
  CHECK(has(grams, "20"));
  CHECK(has(grams, "25"));
  CHECK(has(grams, "zh"));
  CHECK_FALSE(has(grams, "c"));
  CHECK_FALSE(has(grams, "CC"));
}

TEST_CASE("a gram's shard is FNV-1a of its UTF-8, as the page's script computes it") {
  // FNV-1a 32 of "a" is 0xE40C292C.
  CHECK(gram_shard("a", 0xFFFFFFFFu) == 0xE40C292Cu % 0xFFFFFFFFu);
  CHECK(gram_shard("光伏", 1) == 0);
  CHECK(gram_shard("光伏", 64) < 64);
}

TEST_CASE("the index holds every policy's facets, titles and grams") {
  const Registry& registry = ccnt::testing::source_registry();
  std::vector<Policy> policies{
      policy("zhejiang-pv", "zhejiang", "浙江省光伏发展方案", "《方案》提出建设光伏电站。"),
      policy("ningbo-storage", "ningbo", "宁波市储能实施方案", "发展新型储能。"),
      policy("guangdong-x", "guangdong", "广东省</script>方案", "<b>不是标记</b>")};
  const SiteModel model(policies, registry);
  SearchIndexStats stats;
  const std::vector<SearchFile> files = build_search_index(model, 1, &stats);
  REQUIRE(files.size() >= 3);
  CHECK(files[0].path == "search/meta.js");
  CHECK(files[0].content.starts_with("ccntSearch.meta({\"v\":1,\"n\":3,"));
  CHECK(files[1].path == "search/docs-0.js");
  CHECK(files[1].content.find("浙江省光伏发展方案") != std::string::npos);
  // Nothing of the data can end a script or open markup.
  for (const SearchFile& file : files) {
    CHECK(file.content.find('<') == std::string::npos);
    CHECK(file.content.find('>') == std::string::npos);
  }
  // 光伏 is in one policy, 储能 in another: their postings say which.
  std::string grams;
  for (const SearchFile& file : files)
    if (file.path.starts_with("search/grams-")) grams += file.content;
  CHECK(stats.shards >= 1);
  CHECK(grams.find("\"光伏\":") != std::string::npos);
  CHECK(grams.find("\"储能\":") != std::string::npos);
  // Ningbo's region lists Zhejiang as the region enclosing it (index of its parent).
  CHECK(files[0].content.find("[\"ningbo\",\"宁波\",\"ningbo\",") != std::string::npos);
}
