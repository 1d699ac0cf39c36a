#include "core/output/output_format.hpp"

#include <utility>

namespace ccnt {
namespace {

constexpr std::pair<OutputFormat, std::string_view> kNames[] = {
    {OutputFormat::Table, "table"}, {OutputFormat::Text, "text"},
    {OutputFormat::Json, "json"},   {OutputFormat::Jsonl, "jsonl"},
    {OutputFormat::Csv, "csv"},     {OutputFormat::Tsv, "tsv"},
    {OutputFormat::Yaml, "yaml"},   {OutputFormat::Markdown, "markdown"},
    {OutputFormat::Ids, "ids"},     {OutputFormat::Github, "github"},
    {OutputFormat::Xlsx, "xlsx"},
};

}  // namespace

std::string_view format_name(OutputFormat format) {
  for (const auto& [known, name] : kNames)
    if (known == format) return name;
  return {};
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (const auto& [format, known] : kNames)
    if (known == name) return format;
  return std::nullopt;
}

std::vector<std::string> format_names(std::span<const OutputFormat> formats) {
  std::vector<std::string> names;
  for (const OutputFormat format : formats) names.emplace_back(format_name(format));
  return names;
}

}  // namespace ccnt
