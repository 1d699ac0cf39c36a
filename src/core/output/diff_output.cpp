#include "core/output/diff_output.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <utility>

#include "core/diag/message_catalog.hpp"
#include "core/output/json_writer.hpp"
#include "core/output/markdown_escape.hpp"
#include "core/output/text_table.hpp"
#include "core/output/visible_text.hpp"

namespace ccnt {
namespace {

// "a", "a and b", "a, b, and c", in the language of the run. The patterns name their
// arguments ({0}) to be keys of their own: in Chinese clauses are joined by "，", not by the
// "和" and "、" of lists.
std::string join_clauses(const std::vector<std::string>& parts) {
  if (parts.empty()) return trf("changes no policy");
  std::string text = parts.front();
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) text = trf("{0}, {1}", text, parts[i]);
  if (parts.size() == 2) return trf("{0} and {1}", text, parts.back());
  if (parts.size() > 2) return trf("{0}, and {1}", text, parts.back());
  return text;
}

// "changes the summary of 2" when every changed record changed that one field, else
// "changes 3 policies (summary, tags)".
std::string changed_clause(const RecordDiff& records) {
  std::vector<std::string> fields;
  bool one_field = true;
  for (const RecordChange& change : records.changed) {
    one_field = one_field && change.fields.size() == 1 &&
                change.fields.front() == records.changed.front().fields.front();
    for (const std::string& field : change.fields)
      if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
  }
  const std::size_t n = records.changed.size();
  if (one_field) return trf("changes the {} of {}", fields.front(), n);
  return n == 1 ? trf("changes 1 policy ({})", fmt::join(fields, tr(", ")))
                : trf("changes {} policies ({})", n, fmt::join(fields, tr(", ")));
}

// What one month's bulletin needs: "the 2023-04 bulletin needs 3 entries and lists 1 policy no
// longer in it"; empty when it needs nothing.
std::string bulletin_clause(const BulletinEffect& effect, const std::string& month) {
  std::vector<std::string> needs;
  if (const auto n = effect.missing.size())
    needs.push_back(n == 1 ? trf("needs 1 entry") : trf("needs {} entries", n));
  if (const auto n = effect.dangling.size())
    needs.push_back(n == 1 ? trf("lists 1 policy no longer in it")
                           : trf("lists {} policies no longer in it", n));
  if (!effect.has_file && !effect.new_items.empty()) {
    const auto n = effect.new_items.size();
    needs.push_back(n == 1 ? trf("gets 1 new item") : trf("gets {} new items", n));
  }
  if (needs.empty()) return {};
  return trf("the {} bulletin {}", month,
             needs.size() == 1 ? needs.front() : trf("{0} and {1}", needs[0], needs[1]));
}

std::string month_text(const PartialDate& month) {
  return month.to_string();
}

// How a side is named in the text and Markdown headers (before escaping): as the user named
// it, so that the same command says the same on every clone (the JSON has the commit ids).
std::string side_text(const DiffSide& side) {
  if (side.working_tree()) return trf("the working tree");
  if (side.merge_base) return trf("the merge base with {}", side.name);
  return side.name;
}

std::string region_name(const Registry& registry, const std::string& slug) {
  const Region* region = registry.find_region(slug);
  return region ? region->name : slug;
}

std::string ids(const std::vector<std::string>& list) {
  return fmt::format("{}", fmt::join(list, tr(", ")));
}

std::string codes_text(const std::vector<std::string>& codes) {
  return fmt::format("{}", fmt::join(codes, ", "));
}

std::string editorial_path(const BulletinEffect& effect) {
  return "bulletins/" + month_text(effect.month) + ".yaml";
}

// The tables of the record changes, shared by text and Markdown: a title and a table each.
std::vector<std::pair<std::string, TextTable>> record_tables(const RecordDiff& records,
                                                             const Registry& registry,
                                                             const std::string& new_side) {
  std::vector<std::pair<std::string, TextTable>> tables;
  const auto listing = [&](const std::vector<RecordChange>& list, std::string title, bool after) {
    if (list.empty()) return;
    TextTable table{{"id", "region", "sector", "added", "title"}, {}, {}, {}, {}, {}};
    table.shrinkable = {false, false, false, false, true};
    table.whole = {true, false, false, false, false};
    for (const RecordChange& change : list) {
      const Policy& policy = after ? *change.after : *change.before;
      table.rows.push_back({change.id, region_name(registry, policy.region), policy.sector,
                            policy.added.to_string(), policy.title});
    }
    tables.emplace_back(std::move(title), std::move(table));
  };
  listing(records.added, trf("added ({})", records.added.size()), true);
  listing(records.removed, trf("removed ({})", records.removed.size()), false);
  if (!records.moved.empty()) {
    TextTable table{{"id", "from", "to", "fields"}, {}, {}, {}, {}, {}};
    for (const RecordChange& change : records.moved)
      table.rows.push_back({change.id, change.before->path, change.after->path,
                            fmt::format("{}", fmt::join(change.fields, ", "))});
    tables.emplace_back(trf("moved ({})", records.moved.size()), std::move(table));
  }
  if (!records.renamed.empty()) {
    TextTable table{{"id before", "id now", "file"}, {}, {}, {}, {}, {}};
    for (const RecordChange& change : records.renamed)
      table.rows.push_back({change.old_id, change.id, change.after->path});
    tables.emplace_back(trf("id changed ({})", records.renamed.size()), std::move(table));
  }
  if (!records.changed.empty()) {
    TextTable table{{"id", "fields", "file"}, {}, {}, {}, {}, {}};
    for (const RecordChange& change : records.changed)
      table.rows.push_back(
          {change.id, fmt::format("{}", fmt::join(change.fields, ", ")), change.after->path});
    tables.emplace_back(trf("changed ({})", records.changed.size()), std::move(table));
  }
  if (!records.reformatted.empty()) {
    TextTable table{{"file"}, {}, {}, {}, {}, {}};
    for (const std::string& path : records.reformatted) table.rows.push_back({path});
    tables.emplace_back(trf("reformatted, no value changed ({})", records.reformatted.size()),
                        std::move(table));
  }
  if (!records.invalid.empty()) {
    TextTable table{{"file", "errors"}, {}, {}, {}, {}, {}};
    for (const InvalidRecord& bad : records.invalid)
      table.rows.push_back({bad.path, codes_text(bad.codes)});
    tables.emplace_back(trf("not valid in {} ({}); `ccnt validate` shows the problems", new_side,
                            records.invalid.size()),
                        std::move(table));
  }
  return tables;
}

// The lines said about one month's bulletin (before escaping), each a sentence.
std::vector<std::string> bulletin_lines(const BulletinEffect& effect) {
  std::vector<std::string> lines;
  const std::string file = editorial_path(effect);
  if (!effect.new_items.empty())
    lines.push_back(trf("new items ({}): {}", effect.new_items.size(), ids(effect.new_items)));
  if (!effect.missing.empty())
    lines.push_back(
        trf("{} does not list {} of them: add each to the policies of a group "
            "(until then ccnt validate reports E065)",
            file, effect.missing.size()));
  if (!effect.has_file && !effect.new_items.empty())
    lines.push_back(
        trf("{} does not exist yet: `ccnt report --month {} --init` starts it, "
            "listing them",
            file, month_text(effect.month)));
  if (!effect.left.empty())
    lines.push_back(trf("leaving the month ({}): {}", effect.left.size(), ids(effect.left)));
  if (!effect.dangling.empty())
    lines.push_back(trf("{} still lists {}: remove them (ccnt validate reports E062 or E064)", file,
                        ids(effect.dangling)));
  if (!effect.changed_items.empty())
    lines.push_back(trf("items with new values ({}): {}", effect.changed_items.size(),
                        ids(effect.changed_items)));
  if (!effect.listed.empty())
    lines.push_back(trf("the change lists in {}: {}", file, ids(effect.listed)));
  if (!effect.unlisted.empty())
    lines.push_back(trf("the change takes out of {}: {}", file, ids(effect.unlisted)));
  if (effect.text_changed) lines.push_back(trf("the change edits the text of {}", file));
  return lines;
}

std::string render_text(const RevisionDiff& diff, const Registry& registry) {
  std::string out = trf("ccnt diff: {} → {}\n", visible_text(side_text(diff.from)),
                        visible_text(side_text(diff.to)));
  out += visible_text(diff_summary(diff)) + "\n";
  const auto escape_table = [](TextTable table) {
    for (auto& row : table.rows)
      for (std::string& cell : row) cell = visible_text(cell);
    return table;
  };
  for (auto& [title, table] : record_tables(diff.records, registry, side_text(diff.to))) {
    out += "\n" + visible_text(title) + "\n";
    out += escape_table(std::move(table)).render();
  }
  if (!diff.skipped.empty()) {
    out += "\n" +
           trf("not read ({}): links and submodules of a revision are not followed",
               diff.skipped.size()) +
           "\n";
    for (const SkippedFile& file : diff.skipped)
      out += "  " + visible_text(file.path) + " (" + file.mode + ")\n";
  }
  if (!diff.schema_files.empty()) {
    out += "\n" +
           trf("schemas/ changed ({}); both revisions are read with the schemas and "
               "registries of the working tree",
               diff.schema_files.size()) +
           "\n";
    for (const std::string& file : diff.schema_files) out += "  " + visible_text(file) + "\n";
  }
  for (const BulletinEffect& effect : diff.bulletins) {
    const auto lines = bulletin_lines(effect);
    if (lines.empty()) continue;
    out += "\n" + trf("bulletin {}", month_text(effect.month)) + "\n";
    for (const std::string& line : lines) out += "  " + visible_text(line) + "\n";
  }
  return out;
}

std::string render_markdown(const RevisionDiff& diff, const Registry& registry) {
  std::string out = "**ccnt diff**: " + markdown_escape_inline(diff_summary(diff)) + "\n\n";
  out += markdown_escape_inline(trf("{} → {}", side_text(diff.from), side_text(diff.to))) + "\n";
  for (auto& [title, table] : record_tables(diff.records, registry, side_text(diff.to))) {
    out += "\n#### " + markdown_escape_inline(title) + "\n\n";
    out += table.render_markdown();
  }
  if (!diff.skipped.empty()) {
    out += "\n#### " +
           markdown_escape_inline(
               trf("not read ({}): links and submodules of a revision are not followed",
                   diff.skipped.size())) +
           "\n\n";
    for (const SkippedFile& file : diff.skipped)
      out += "- " + markdown_escape_inline(file.path) + " (" + file.mode + ")\n";
  }
  if (!diff.schema_files.empty()) {
    out += "\n#### " +
           markdown_escape_inline(trf("schemas/ changed ({}); both revisions are read with the "
                                      "schemas and registries of the working tree",
                                      diff.schema_files.size())) +
           "\n\n";
    for (const std::string& file : diff.schema_files)
      out += "- " + markdown_escape_inline(file) + "\n";
  }
  for (const BulletinEffect& effect : diff.bulletins) {
    const auto lines = bulletin_lines(effect);
    if (lines.empty()) continue;
    out +=
        "\n#### " + markdown_escape_inline(trf("bulletin {}", month_text(effect.month))) + "\n\n";
    for (const std::string& line : lines) out += "- " + markdown_escape_inline(line) + "\n";
  }
  return out;
}

void write_side(JsonWriter& json, const DiffSide& side) {
  json.begin_object();
  json.key("name").value(side.working_tree() ? std::string_view("working tree") : side.name);
  json.key("commit");
  if (side.working_tree())
    json.null();
  else
    json.value(side.commit);
  json.key("merge_base").value(side.merge_base);
  json.end_object();
}

void write_change(JsonWriter& json, const RecordChange& change) {
  json.begin_object();
  json.key("id").value(change.id);
  if (!change.old_id.empty()) json.key("old_id").value(change.old_id);
  for (const auto& [name, policy] :
       {std::pair{"before", &change.before}, std::pair{"after", &change.after}}) {
    if (!*policy) continue;
    json.key(name).begin_object();
    json.key("path").value((*policy)->path);
    json.key("title").value((*policy)->title);
    json.key("region").value((*policy)->region);
    json.key("sector").value((*policy)->sector);
    json.key("added").value((*policy)->added.to_string());
    json.key("stub").value((*policy)->stub);
    json.end_object();
  }
  json.key("fields").strings(change.fields);
  json.key("was_invalid").value(change.was_invalid);
  json.end_object();
}

std::string render_json(const RevisionDiff& diff) {
  std::string out;
  JsonWriter json(out, true);
  json.begin_object();
  json.key("from");
  write_side(json, diff.from);
  json.key("to");
  write_side(json, diff.to);
  json.key("summary").value(diff_summary(diff));
  const RecordDiff& records = diff.records;
  for (const auto& [name, list] :
       {std::pair{"added", &records.added}, std::pair{"removed", &records.removed},
        std::pair{"moved", &records.moved}, std::pair{"renamed", &records.renamed},
        std::pair{"changed", &records.changed}}) {
    json.key(name).begin_array();
    for (const RecordChange& change : *list) write_change(json, change);
    json.end_array();
  }
  json.key("reformatted").strings(records.reformatted);
  json.key("invalid").begin_array();
  for (const InvalidRecord& bad : records.invalid) {
    json.begin_object();
    json.key("path").value(bad.path);
    json.key("id").value(bad.id);
    json.key("codes").strings(bad.codes);
    json.key("was_valid").value(bad.was_valid);
    json.end_object();
  }
  json.end_array();
  json.key("skipped").begin_array();
  for (const SkippedFile& file : diff.skipped) {
    json.begin_object();
    json.key("path").value(file.path);
    json.key("mode").value(file.mode);
    json.end_object();
  }
  json.end_array();
  json.key("schema_files").strings(diff.schema_files);
  json.key("bulletins").begin_array();
  for (const BulletinEffect& effect : diff.bulletins) {
    json.begin_object();
    json.key("month").value(month_text(effect.month));
    json.key("file").value(editorial_path(effect));
    json.key("has_file").value(effect.has_file);
    json.key("file_changed").value(effect.file_changed);
    json.key("new_items").strings(effect.new_items);
    json.key("missing").strings(effect.missing);
    json.key("left").strings(effect.left);
    json.key("dangling").strings(effect.dangling);
    json.key("changed_items").strings(effect.changed_items);
    json.key("listed").strings(effect.listed);
    json.key("unlisted").strings(effect.unlisted);
    json.key("text_changed").value(effect.text_changed);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out += '\n';
  return out;
}

}  // namespace

std::string diff_summary(const RevisionDiff& diff) {
  const RecordDiff& r = diff.records;
  std::vector<std::string> parts;
  if (const auto n = r.added.size())
    parts.push_back(n == 1 ? trf("adds 1 policy") : trf("adds {} policies", n));
  if (const auto n = r.removed.size())
    parts.push_back(n == 1 ? trf("removes 1 policy") : trf("removes {} policies", n));
  if (const auto n = r.moved.size())
    parts.push_back(n == 1 ? trf("moves 1 policy") : trf("moves {} policies", n));
  if (const auto n = r.renamed.size())
    parts.push_back(n == 1 ? trf("changes the id of 1") : trf("changes the id of {}", n));
  if (!r.changed.empty()) parts.push_back(changed_clause(r));
  if (const auto n = r.reformatted.size())
    parts.push_back(n == 1 ? trf("reformats 1 file") : trf("reformats {} files", n));
  if (const auto n = r.invalid.size())
    parts.push_back(n == 1 ? trf("leaves 1 file that does not validate")
                           : trf("leaves {} files that do not validate", n));
  for (const BulletinEffect& effect : diff.bulletins)
    if (std::string clause = bulletin_clause(effect, month_text(effect.month)); !clause.empty())
      parts.push_back(std::move(clause));
  return join_clauses(parts);
}

std::string render_diff(const RevisionDiff& diff, const Registry& registry, OutputFormat format) {
  switch (format) {
    case OutputFormat::Markdown:
      // Escaped for Markdown, and for the terminal or log it is often read in first.
      return visible_text(render_markdown(diff, registry), LineBreaks::Keep);
    case OutputFormat::Json:
      return render_json(diff);
    default:
      return render_text(diff, registry);
  }
}

}  // namespace ccnt
