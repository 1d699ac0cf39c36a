#include <catch2/catch.hpp>

#include "source_tree.hpp"

#include "core/policy/policy_id.hpp"

using namespace ccnt;

TEST_CASE("title_slug gives the ids of the seed data from their titles") {
  const Registry& registry = testing::source_registry();
  // Title, document type and the id of the seed record (policies/), less its region.
  const struct {
    const char* title;
    const char* doc_type;
    const char* slug;
  } kSeed[] = {
      {"关于推进光伏发电高质量发展的实施意见", "实施意见", "pv-high-quality-development"},
      {"广州市碳达峰实施方案", "实施方案", "carbon-peaking"},
      {"贵州省工业领域碳达峰实施方案", "实施方案", "industry-carbon-peaking"},
      {"河北省科技支撑碳达峰碳中和实施方案（2023-2030年）", "实施方案",
       "sci-tech-carbon-peaking-neutrality"},
      {"湖南省建材行业碳达峰实施方案", "实施方案", "building-materials-carbon-peaking"},
      {"加快油气勘探开发与新能源融合发展行动方案（2023-2025年）", "行动方案",
       "oil-gas-new-energy-integration"},
      {"西安市“十四五”时期“无废城市”建设实施方案", "实施方案", "zero-waste-city"},
      {"山东省产品碳足迹评价工作方案（2023—2025年）", "工作方案", "product-carbon-footprint"},
      {"济南市“十四五”节能减排工作实施方案", "工作实施方案",
       "energy-conservation-emission-reduction"},
      {"山西省城乡建设领域碳达峰实施方案", "实施方案", "urban-rural-construction-carbon-peaking"},
      {"成都市促进新能源汽车产业发展的实施意见", "实施意见", "nev-industry"},
      {"浙江省海洋碳汇能力提升指导意见", "指导意见", "ocean-carbon-sinks"},
  };
  for (const auto& seed : kSeed) {
    INFO(seed.title);
    CHECK(title_slug(seed.title, seed.doc_type, registry) == seed.slug);
  }
  // Two seed ids are shorter than the rule: it proposes, the contributor may edit.
  CHECK(title_slug("广东省推动新型储能产业高质量发展指导意见", "指导意见", registry) ==
        "new-energy-storage-industry-high-quality-development");
  CHECK(title_slug("浙江省某实施方案", "实施方案", registry).empty());
  CHECK(id_glossary_size() > 50);
}
