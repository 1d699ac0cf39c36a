#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "core/policy/doc_type.hpp"
#include "core/policy/schema_enum.hpp"
#include "source_dir.hpp"

using namespace ccnt;

namespace {

// The doc_type enum of the project's own schema, as `ccnt new` reads it.
const std::vector<std::string>& schema_types() {
  static const std::vector<std::string> types = schema_enum(
      ccnt::testing::source_dir() / "schemas" / "policy.schema.json", "doc_type");
  return types;
}

}  // namespace

TEST_CASE("the schema lists the document types, 其他 among them") {
  REQUIRE(schema_types().size() > 10);
  CHECK(std::find(schema_types().begin(), schema_types().end(), "其他") != schema_types().end());
  CHECK(std::find(schema_types().begin(), schema_types().end(), "工作实施方案") !=
        schema_types().end());
}

TEST_CASE("doc_type is the longest listed type the title ends with") {
  const auto& types = schema_types();
  CHECK(derive_doc_type("济南市“十四五”节能减排工作实施方案", types) == "工作实施方案");
  CHECK(derive_doc_type("浙江省工业领域碳达峰实施方案", types) == "实施方案");
  CHECK(derive_doc_type("广东省推动新型储能产业高质量发展指导意见", types) == "指导意见");
  CHECK(derive_doc_type("关于支持光伏发电产业发展规范用地管理有关工作的通知", types) == "通知");
  CHECK(derive_doc_type("关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", types) ==
        "意见");
  CHECK(derive_doc_type("北京市可再生能源发展行动计划", types) == "行动计划");
  CHECK(derive_doc_type("上海市节能减排计划", types) == "计划");
}

TEST_CASE("a trailing period or note in brackets is ignored") {
  const auto& types = schema_types();
  CHECK(derive_doc_type("加快油气勘探开发与新能源融合发展行动方案（2023-2025年）", types) ==
        "行动方案");
  CHECK(derive_doc_type("某市碳排放权交易管理办法(试行)", types) == "办法");
  CHECK(derive_doc_type("  某省节能规划  ", types) == "规划");
  CHECK(title_without_period("行动方案（2023-2025年）") == "行动方案");
  CHECK(title_without_period("没有括号的标题") == "没有括号的标题");
}

TEST_CASE("a title that names no listed type is 其他") {
  const auto& types = schema_types();
  CHECK(derive_doc_type("某市绿色低碳发展政策问答", types) == "其他");
  CHECK(derive_doc_type("", types) == "其他");
  CHECK(derive_doc_type("（2023-2025年）", types) == "其他");
  CHECK(derive_doc_type("某方案", {}) == "其他");
}

TEST_CASE("schema_enum reads nothing from a missing file or property") {
  CHECK(schema_enum(std::filesystem::path("/nonexistent/policy.schema.json"), "doc_type").empty());
  CHECK(schema_enum(ccnt::testing::source_dir() / "schemas" / "policy.schema.json",
                    "title")
            .empty());
  CHECK(schema_enum(ccnt::testing::source_dir() / "schemas" / "policy.schema.json",
                    "level") ==
        std::vector<std::string>{"national", "provincial", "municipal", "county"});
}

TEST_CASE("the widened document types, longest first") {
  const auto& types = schema_types();
  CHECK(derive_doc_type("中华人民共和国节约能源法", types) == "法");
  CHECK(derive_doc_type("碳排放权交易管理暂行办法", types) == "办法");
  CHECK(derive_doc_type("企业温室气体排放核算方法", types) == "其他");  // a method, not a law
  CHECK(derive_doc_type("国家能源局2023年工作要点", types) == "工作要点");
  CHECK(derive_doc_type("能源行业标准化管理要点", types) == "要点");
  CHECK(derive_doc_type("全国人民代表大会常务委员会关于积极应对气候变化的决议", types) == "决议");
  CHECK(derive_doc_type("国务院关于印发2030年前碳达峰行动方案的通知", types) == "通知");
  CHECK(derive_doc_type("中美应对气候危机联合声明", types) == "声明");
  CHECK(derive_doc_type("中国应对气候变化的政策与行动白皮书", types) == "白皮书");
  CHECK(derive_doc_type("产业结构调整指导目录（2024年本）", types) == "目录");
  CHECK(derive_doc_type("国务院关于同意设立某某示范区的批复", types) == "批复");
  CHECK(derive_doc_type("绿色债券支持项目目录", types) == "目录");
  CHECK(derive_doc_type("企业环境信息依法披露格式准则", types) == "准则");
  CHECK(derive_doc_type("建筑节能与可再生能源利用通用规范", types) == "规范");
  CHECK(derive_doc_type("关于某某问题的复函", types) == "函");
}
