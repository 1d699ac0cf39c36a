// The output formats of ccnt's commands and the one table of their names, from which
// the command line's choices and help are derived (docs/architecture.md).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ccnt {

enum class OutputFormat { Table, Text, Json, Jsonl, Csv, Tsv, Yaml, Markdown, Ids, Github, Xlsx };

// The formats each command accepts, the default first.
inline constexpr OutputFormat kListFormats[] = {
    OutputFormat::Table,    OutputFormat::Json, OutputFormat::Jsonl,
    OutputFormat::Csv,      OutputFormat::Tsv,  OutputFormat::Yaml,
    OutputFormat::Markdown, OutputFormat::Ids,  OutputFormat::Xlsx};
inline constexpr OutputFormat kStatsFormats[] = {OutputFormat::Table, OutputFormat::Csv,
                                                 OutputFormat::Json, OutputFormat::Markdown,
                                                 OutputFormat::Xlsx};
inline constexpr OutputFormat kTargetsFormats[] = {OutputFormat::Table, OutputFormat::Csv,
                                                   OutputFormat::Json, OutputFormat::Markdown,
                                                   OutputFormat::Xlsx};
inline constexpr OutputFormat kCoverageFormats[] = {OutputFormat::Table,    OutputFormat::Csv,
                                                    OutputFormat::Tsv,      OutputFormat::Json,
                                                    OutputFormat::Markdown, OutputFormat::Xlsx};
inline constexpr OutputFormat kShowFormats[] = {OutputFormat::Text, OutputFormat::Yaml,
                                                OutputFormat::Json};
inline constexpr OutputFormat kValidateFormats[] = {OutputFormat::Text, OutputFormat::Json,
                                                    OutputFormat::Github, OutputFormat::Markdown};
inline constexpr OutputFormat kDiffFormats[] = {OutputFormat::Text, OutputFormat::Markdown,
                                                OutputFormat::Json};

// True for a format whose output is binary (xlsx): written only to a file (-o), never to a
// terminal or standard output.
constexpr bool is_binary(OutputFormat format) {
  return format == OutputFormat::Xlsx;
}

// The name a flag gives the format ("json", "markdown", ...).
std::string_view format_name(OutputFormat format);

// The format of that name, or nothing for a name no format has.
std::optional<OutputFormat> parse_output_format(std::string_view name);

// The names of `formats`, in their order.
std::vector<std::string> format_names(std::span<const OutputFormat> formats);

}  // namespace ccnt
