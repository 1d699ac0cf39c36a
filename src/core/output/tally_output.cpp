#include "core/output/tally_output.hpp"

#include "core/output/json_writer.hpp"
#include "core/output/text_table.hpp"

namespace ccnt {
namespace {

// The fields whose values are ccnt's own words, shown in the table's language.
bool named_in_words(std::string_view field) {
  return field == "level" || field == "status" || field == "instrument";
}

// A row as a reader sees it.
std::string row_name(const Tally& tally, const TallyRow& row, HeaderLanguage words) {
  if (row.key.empty()) return std::string(label("(none)", words));
  if (named_in_words(tally.field)) return std::string(value_label(tally.field, row.key, words));
  return row.name;
}

}  // namespace

bool tally_format_supported(OutputFormat format) {
  return format == OutputFormat::Table || format == OutputFormat::Markdown ||
         format == OutputFormat::Csv || format == OutputFormat::Tsv || format == OutputFormat::Json;
}

std::string render_tally(const Tally& tally, OutputFormat format, std::size_t width,
                         bool formula_guard, std::optional<HeaderLanguage> headers) {
  const HeaderLanguage words = headers.value_or(default_header_language(format));
  if (format == OutputFormat::Json) {
    std::string out;
    JsonWriter json(out, true);
    json.begin_object();
    json.key("field").value(tally.field);
    json.key("policies").value(tally.policies);
    json.key("counts").begin_array();
    for (const TallyRow& row : tally.rows) {
      json.begin_object();
      json.key("key");
      if (row.key.empty())
        json.null();
      else
        json.value(row.key);
      json.key("name").value(row.name);
      json.key("policies").value(row.policies);
      json.end_object();
    }
    json.end_array();
    json.end_object();
    out += '\n';
    return out;
  }
  TextTable table;
  if (format == OutputFormat::Csv || format == OutputFormat::Tsv) {
    table.headers = {std::string(label(tally.field, words)), std::string(label("name", words)),
                     std::string(label("policies", words))};
    for (const TallyRow& row : tally.rows)
      table.rows.push_back({row.key, row.name, std::to_string(row.policies)});
    return table.render_csv(format == OutputFormat::Csv ? ',' : '\t', formula_guard);
  }
  table.headers = {std::string(label(tally.field, words)), std::string(label("policies", words))};
  table.right_align = {false, true};
  for (const TallyRow& row : tally.rows)
    table.rows.push_back({row_name(tally, row, words), std::to_string(row.policies)});
  if (!tally.several)
    table.rows.push_back({std::string(label("total", words)), std::to_string(tally.policies)});
  std::string out = policy_count_label(tally.policies, words) + "\n\n";
  out += format == OutputFormat::Markdown ? table.render_markdown() : table.render(width);
  return out;
}

}  // namespace ccnt
