#include "core/output/labels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "core/diag/message_catalog.hpp"

namespace ccnt {
namespace {

// English key → Chinese. A key may carry a context after `|` when one English word means two
// things ("target|year" is the target year, "level|kind" the target kind `level`); the English
// output is the part before it.
constexpr std::pair<std::string_view, std::string_view> kChinese[] = {
    // column headers of list, stats and targets, and the keys of CSV
    {"published", "发布日期"},
    {"region", "地区"},
    {"sector", "部门"},
    {"title", "标题"},
    {"id", "ID"},
    {"total", "合计"},
    {"level", "级别"},
    {"added", "收录月份"},
    {"policies", "政策数"},
    {"indicator", "指标"},
    {"name", "名称"},
    {"targets", "目标数"},
    {"issuer", "发文机关"},
    {"kind", "类别"},
    {"value", "目标值"},
    {"base", "基准年"},
    {"target|year", "目标年"},
    {"scope", "范围"},
    {"vs national", "与国家比较"},
    {"policy", "政策"},
    {"reason", "原因"},
    {"region_name", "地区名称"},
    {"sector_name", "部门名称"},
    {"subsector", "子部门"},
    {"sectors", "所有部门"},
    {"issuers", "发文机关"},
    {"doc_type", "文件类型"},
    {"document_number", "文号"},
    {"source", "来源"},
    {"summary", "摘要"},
    {"tags", "标签"},
    {"path", "文件"},
    {"title_en", "英文标题"},
    {"updated", "更新日期"},
    {"status", "状态"},
    {"instrument", "政策工具"},
    {"source_ids", "来源编号"},
    {"stub", "待补全"},
    {"unit", "单位"},
    {"qualifier", "限定"},
    {"aim", "力争值"},
    {"base_year", "基准年"},
    {"target_year", "目标年"},
    {"verdict", "比较结果"},
    {"benchmark|column", "国家基准政策"},
    {"table", "表"},
    {"key", "键"},
    {"subkey", "子键"},
    {"count", "数量"},
    {"text", "原文"},
    {"headline", "导语"},
    {"implements", "落实"},
    {"supersedes", "替代"},
    {"amends", "修订"},
    {"indicator_name", "指标名称"},
    {"agency", "机构"},
    {"province", "省份"},
    {"tag", "标签"},
    {"(none)", "（无）"},
    // the labels of `ccnt show`
    {"also", "其他部门"},
    {"number", "文号"},
    {"Summary", "摘要"},
    {"Targets", "目标"},
    {"target|value", "目标"},
    {"year", "目标年"},
    {"by", "目标年"},
    // the section titles of `ccnt stats`
    {"By region and sector", "按地区和部门"},
    {"By level", "按级别"},
    {"By month added", "按收录月份"},
    {"Targets by indicator", "按指标的目标"},
    {"By issuer", "按发文机关"},
    // comparison words of `ccnt targets` (the bulletin's words too)
    {"benchmark", "国家基准"},
    {"stricter", "严于国家水平"},
    {"equal", "与国家水平相同"},
    {"weaker", "宽于国家水平"},
    {"not-comparable", "不可比"},
    {"higher is stricter", "越高越严格"},
    {"lower is stricter", "越低越严格"},
    // placeholders
    {"unknown", "未知"},
    {"(stub)", "（待补全）"},
    {"(no issuer)", "（未署发文机关）"},
    {"unplaced", "未识别"},
    {"(aim)", "（力争）"},
    // values ccnt names in words: levels and target kinds
    {"national", "国家级"},
    {"provincial", "省级"},
    {"municipal", "市级"},
    {"county", "县级"},
    {"reduction", "下降"},
    {"share", "占比"},
    {"level|kind", "水平"},
    // statuses and instruments of a policy (schemas/policy.schema.json)
    {"in-force", "现行有效"},
    {"draft", "征求意见稿"},
    {"superseded", "已被替代"},
    {"expired", "已失效"},
    {"target|instrument", "目标"},
    {"strategy", "战略规划"},
    {"regulation", "法规"},
    {"standard", "标准"},
    {"fiscal", "财税"},
    {"market|instrument", "市场机制"},
    {"information", "信息披露"},
    {"rd", "研发"},
    {"other", "其他"},
    {"capacity", "装机"},
    {"growth", "增长"},
    {"amount", "总量"},
    // agency kinds (schemas/agencies.yaml)
    {"government", "政府"},
    {"party", "党委"},
    {"congress", "人大"},
    {"judiciary", "司法"},
    {"institution", "事业单位"},
    {"market", "市场机构"},
    {"association", "行业协会"},
    {"international", "国际组织"},
};

// The Chinese of `key`, or nullptr.
const std::string_view* find_chinese(std::string_view key) {
  const auto* it = std::find_if(std::begin(kChinese), std::end(kChinese),
                                [&](const auto& entry) { return entry.first == key; });
  return it == std::end(kChinese) ? nullptr : &it->second;
}

}  // namespace

HeaderLanguage default_header_language(OutputFormat format) {
  switch (format) {
    case OutputFormat::Table:
    case OutputFormat::Text:
    case OutputFormat::Markdown:
      return language() == Language::Chinese ? HeaderLanguage::Chinese : HeaderLanguage::English;
    default:
      return HeaderLanguage::English;
  }
}

std::optional<HeaderLanguage> parse_header_language(std::string_view name) {
  if (name == "en") return HeaderLanguage::English;
  if (name == "zh") return HeaderLanguage::Chinese;
  return std::nullopt;
}

std::string_view label(std::string_view key, HeaderLanguage language) {
  if (language == HeaderLanguage::Chinese) {
    const auto* it = std::find_if(std::begin(kChinese), std::end(kChinese),
                                  [&](const auto& entry) { return entry.first == key; });
    if (it != std::end(kChinese)) return it->second;
  }
  return key.substr(0, key.find('|'));
}

std::string_view value_label(std::string_view field, std::string_view value,
                             HeaderLanguage language) {
  if (language == HeaderLanguage::Chinese) {
    const std::string keyed = fmt::format("{}|{}", value, field);
    if (const std::string_view* chinese = find_chinese(keyed)) return *chinese;
  }
  return label(value, language);
}

std::vector<std::string> header_labels(const std::vector<std::string>& keys,
                                       HeaderLanguage language) {
  std::vector<std::string> out;
  out.reserve(keys.size());
  for (const std::string& key : keys) out.emplace_back(label(key, language));
  return out;
}

bool has_chinese_label(std::string_view key) {
  return std::any_of(std::begin(kChinese), std::end(kChinese),
                     [&](const auto& entry) { return entry.first == key; });
}

std::string policy_count_label(std::size_t count, HeaderLanguage language) {
  if (language == HeaderLanguage::Chinese) return fmt::format("共 {} 项政策", count);
  return fmt::format("{} {}", count, count == 1 ? "policy" : "policies");
}

}  // namespace ccnt
