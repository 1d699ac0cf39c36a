#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/project_session.hpp"
#include "cli/terminal.hpp"
#include "cli/usage_error.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/output/display_width.hpp"
#include "core/output/json_writer.hpp"
#include "core/output/labels.hpp"
#include "core/output/policy_export.hpp"
#include "core/output/text_table.hpp"
#include "core/output/visible_text.hpp"
#include "core/query/relation_index.hpp"
#include "core/tree/loader.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/edit_distance.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kIndent = 2;
constexpr std::size_t kPipedWidth = 80;

bool looks_like_path(const std::string& argument) {
  return argument.find('/') != std::string::npos || argument.ends_with(".yaml") ||
         argument.ends_with(".yml");
}

// The file of the policy named by `argument`: a path, or an id (the file name
// without .yaml). Throws UsageError with the closest ids when there is none.
fs::path find_policy_file(const std::string& argument, const Project& project) {
  std::error_code ec;
  if (looks_like_path(argument) || fs::is_regular_file(argument, ec)) {
    const fs::path path = fs::absolute(argument, ec).lexically_normal();
    if (!fs::is_regular_file(path, ec))
      throw UsageError(trf("no such policy file: {}", argument),
                       trf("give a policy id or the path of a .yaml file under policies/"));
    return path;
  }
  Diagnostics ignored;  // problems of the tree are validate's business
  const std::vector<fs::path> files = find_policy_files(project.policies_dir(), ignored);
  std::vector<std::string> ids;
  ids.reserve(files.size());
  for (const fs::path& file : files) {
    if (file.stem() == argument) return file;
    ids.push_back(file.stem().string());
  }
  const std::vector<std::string> suggestions = closest_matches(argument, ids);
  throw UsageError(trf("unknown policy id `{}`", argument),
                   suggestions.empty() ? trf("list the ids with `ccnt list --format ids`")
                                       : did_you_mean(suggestions));
}

std::string format_number(double value) {
  std::string text;
  JsonWriter(text).value(value);
  return text;
}

// "≥ 300万千瓦" and the like: the value with its unit and qualifier.
std::string target_value(const Target& target, HeaderLanguage words) {
  std::string value = format_number(target.value) + target.unit;
  if (target.qualifier == "at-least") return "≥ " + value;
  if (target.qualifier == "at-most") return "≤ " + value;
  if (target.qualifier == "about") return "≈ " + value;
  if (target.qualifier == "aim") {
    const std::string_view aim = label("(aim)", words);
    return value + (aim.starts_with("（") ? "" : " ") + std::string(aim);
  }
  return value;
}

std::string named(const std::string& name, const std::string& slug) {
  return name.empty() || name == slug ? slug : name + " (" + slug + ")";
}

std::string indent_lines(const std::string& text, std::size_t indent) {
  std::string out;
  const std::string pad(indent, ' ');
  bool line_start = true;
  for (char c : text) {
    if (line_start && c != '\n') out += pad;
    out += c;
    line_start = c == '\n';
  }
  return out;
}

// The targets as a table; on a terminal too narrow for it, as one wrapped item
// per target, so that no value is ever cut.
std::string render_targets(const std::vector<Target>& targets, const Registry& registry,
                           std::size_t width, HeaderLanguage words) {
  TextTable table;
  for (std::string_view key : {"indicator", "target|value", "kind", "base", "year", "scope"})
    table.headers.emplace_back(label(key, words));
  table.right_align = {false, true, false, true, true, false};
  for (const Target& target : targets) {
    const Indicator* indicator = registry.find_indicator(target.indicator);
    table.rows.push_back({indicator ? indicator->name : target.indicator,
                          target_value(target, words),
                          std::string(value_label("kind", target.kind, words)),
                          target.base_year ? std::to_string(*target.base_year) : "",
                          std::to_string(target.target_year), target.scope});
  }
  const std::string full = table.render();
  std::size_t widest = 0;
  for (std::size_t start = 0; start < full.size();) {
    const std::size_t end = full.find('\n', start);
    widest = std::max(widest, display_width(std::string_view(full).substr(start, end - start)));
    start = end + 1;
  }
  if (widest <= width) return indent_lines(full, kIndent);

  const bool chinese = words == HeaderLanguage::Chinese;
  std::string out;
  for (const auto& row : table.rows) {
    // 单位GDP能耗下降率: 14% by 2025 (reduction, base 2020, 全省) — or in Chinese words.
    const std::string comma = chinese ? "，" : ", ";
    std::string item = row[0] + (chinese ? "：" : ": ") + row[1] + (chinese ? "，" : " ") +
                       std::string(label("by", words)) + " " + row[4] + (chinese ? "（" : " (") +
                       row[2];
    if (!row[3].empty()) item += comma + std::string(label("base", words)) + " " + row[3];
    if (!row[5].empty()) item += comma + row[5];
    item += chinese ? "）" : ")";
    // "- " starts the item; its continuation lines line up under the text.
    const std::string wrapped = wrap_to_width(item, width > 2 ? width - 2 : 1);
    bool first = true;
    for (std::size_t start = 0; start < wrapped.size();) {
      const std::size_t end = wrapped.find('\n', start);
      out += std::string(kIndent, ' ') + (first ? "- " : "  ");
      out.append(wrapped, start, end - start + 1);
      first = false;
      start = end + 1;
    }
  }
  return out;
}

// The file for `--format yaml`: as written, comments included, with LF line ends, without a
// byte-order mark, ending in a line break; a character a terminal would act on (in a comment,
// the only place validation does not look) is shown escaped.
std::string yaml_as_written(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string text;
  text.reserve(bytes.size() + 1);
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (!(bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')) text += bytes[i];
  if (!text.empty() && text.back() != '\n') text += '\n';
  return visible_text(text, LineBreaks::Keep);
}

// The top directories of policies/ that hold the records related to `policy`: the nation's and
// its province's; none (every directory) for a national record or a region the registry lacks.
RegionDirFilter related_dirs(const Registry& registry, const Policy& policy) {
  const Region* region = registry.find_region(policy.region);
  const Region* nation = registry.find_region("national");
  if (!region || !nation || region == nation) return {};
  return [province = registry.lineage(*region).front()->dir, national = nation->dir](
             std::string_view dir) { return dir == province || dir == national; };
}

// The label `show` gives a relation: what the record names, or what names it.
std::string relation_label(const RelatedRecord& related) {
  switch (related.kind) {
    case RelationKind::Supersedes:
      return std::string(related.incoming ? tr("superseded by") : tr("supersedes"));
    case RelationKind::Amends:
      return std::string(related.incoming ? tr("amended by") : tr("amends"));
    case RelationKind::Implements:
      break;
  }
  return std::string(related.incoming ? tr("implemented by") : tr("implements"));
}

std::string render_text(const Policy& policy, const Registry& registry,
                        const std::vector<RelatedRecord>& related, std::size_t width,
                        HeaderLanguage words) {
  std::string out = wrap_to_width(policy.title, width);
  if (!policy.title_en.empty()) out += wrap_to_width(policy.title_en, width);
  out += "\n";

  const Region* region = registry.find_region(policy.region);
  const Sector* sector = registry.find_sector(policy.sector);
  std::vector<std::pair<std::string, std::string>> fields;
  fields.emplace_back("id", policy.id);
  if (!policy.issuers.empty()) {
    std::string issuers;
    for (const std::string& issuer : policy.issuers)
      issuers += (issuers.empty() ? "" : "、") + issuer;
    fields.emplace_back("issuers", issuers);
  }
  fields.emplace_back("region", named(region ? region->name : "", policy.region));
  fields.emplace_back("level", std::string(label(policy.level, words)));
  std::string sector_text = named(sector ? sector->name : "", policy.sector);
  if (!policy.subsector.empty()) {
    const Subsector* sub = sector ? registry.find_subsector(*sector, policy.subsector) : nullptr;
    sector_text += " / " + named(sub ? sub->name : "", policy.subsector);
  }
  fields.emplace_back("sector", sector_text);
  if (!policy.sectors.empty()) {
    std::string others;
    for (const std::string& slug : policy.sectors) {
      const Sector* other = registry.find_sector(slug);
      others += (others.empty() ? "" : ", ") + named(other ? other->name : "", slug);
    }
    fields.emplace_back("also", others);
  }
  fields.emplace_back("doc_type", policy.doc_type);
  if (!policy.document_number.empty()) fields.emplace_back("number", policy.document_number);
  if (!policy.instrument.empty())
    fields.emplace_back("instrument",
                        std::string(value_label("instrument", policy.instrument, words)));
  if (!policy.status.empty())
    fields.emplace_back("status", std::string(value_label("status", policy.status, words)));
  fields.emplace_back("published", policy.published ? policy.published->to_string()
                                                    : std::string(label("unknown", words)));
  fields.emplace_back("added", policy.added.to_string());
  if (policy.updated) fields.emplace_back("updated", policy.updated->to_string());
  if (!policy.tags.empty()) {
    std::string tags;
    for (const std::string& tag : policy.tags) tags += (tags.empty() ? "" : ", ") + tag;
    fields.emplace_back("tags", tags);
  }
  if (!policy.source.empty()) fields.emplace_back("source", policy.source);
  // Each relation on a line of its own: the other record's id, then its title; the label once
  // per kind.
  for (std::size_t i = 0; i < related.size(); ++i) {
    const RelatedRecord& other = related[i];
    const bool same_label =
        i > 0 && related[i - 1].kind == other.kind && related[i - 1].incoming == other.incoming;
    fields.emplace_back(same_label ? std::string() : relation_label(other),
                        other.policy ? std::string(other.id) + " " + other.policy->title
                                     : trf("{} (not in the tree)", other.id));
  }
  fields.emplace_back("path", policy.path);

  std::size_t label_width = 0;
  for (const auto& field : fields)
    label_width = std::max(label_width, display_width(label(field.first, words)));
  const std::size_t value_column = kIndent + label_width + 2;
  const std::size_t value_width = width > value_column + 10 ? width - value_column : 10;
  for (const auto& [key, value] : fields) {
    // Long values (issuers, tags) wrap under themselves; URLs and paths are never broken.
    const bool breakable = key != "source" && key != "path";
    const std::string text = breakable ? wrap_to_width(value, value_width) : value + "\n";
    out += std::string(kIndent, ' ') + pad_to_width(label(key, words), label_width + 2);
    bool first = true;
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      if (!first) out += std::string(value_column, ' ');
      out.append(text, start, end - start);
      out += '\n';
      first = false;
      start = end + 1;
    }
  }

  out += "\n" + std::string(label("Summary", words)) + "\n";
  out +=
      indent_lines(wrap_to_width(policy.summary, width > kIndent ? width - kIndent : 1), kIndent);

  if (!policy.targets.empty()) {
    out +=
        fmt::format(fmt::runtime(words == HeaderLanguage::Chinese ? "\n{}（{}）\n" : "\n{} ({})\n"),
                    label("Targets", words), policy.targets.size());
    out += render_targets(policy.targets, registry, width > kIndent ? width - kIndent : 1, words);
  }
  return out;
}

}  // namespace

int run_show(const Options& options) {
  const ShowOptions& opts = options.show;
  const Project project = open_project_or_throw(options.global);
  const fs::path file = find_policy_file(opts.policy, project);

  // Every format refuses a file with errors: `yaml` prints the file only once it is known to
  // hold a valid policy, and nothing else.
  Diagnostics diagnostics;
  LoadedPolicies loaded = load_policy_files(project, {file}, 1, diagnostics);
  if (diagnostics.error_count() > 0 || loaded.policies.empty()) {
    diagnostics.sort();
    const bool color = use_color(options.global.color, stderr);
    for (const Diagnostic& d : diagnostics.all()) std::cerr << format_diagnostic_text(d, color);
    std::cerr << tr("ccnt: error: ")
              << trf("{} has errors; fix them (see 'ccnt validate') to show it\n",
                     visible_text(display_path(file)));
    return kExitProblems;
  }
  if (opts.format == "yaml") {
    Diagnostics ignored;  // read a moment ago without a problem
    const auto bytes = read_source_file(file, display_path(file), ignored);
    if (!bytes) return kExitProblems;
    std::cout << without_ci_commands(yaml_as_written(*bytes));
    return kExitOk;
  }
  const Policy& policy = loaded.policies.front();
  // The relations both ways need the other records, through the cache, without text: those of
  // its province and of the nation, where what it names and what names it lie (validate refuses
  // the others: E056, E058); every record for a national one.
  Diagnostics tree_problems;  // validate's business
  const LoadOptions load{.jobs = options.global.jobs,
                         .use_cache = !options.global.no_cache,
                         .keep_region = related_dirs(project.registry, policy),
                         .text = false};
  const LoadedPolicies tree = load_project_policies(project, load, tree_problems);
  std::vector<const Policy*> others;
  others.reserve(tree.policies.size());
  for (const Policy& other : tree.policies) others.push_back(&other);
  const RelationIndex relations(others);
  if (opts.format == "json") {
    std::string out;
    append_policy_json(out, policy, project.registry, true, &relations);
    std::cout << out << '\n';
    return kExitOk;
  }
  std::size_t width = opts.width;
  if (width == 0) width = terminal_width(stdout);
  if (width == 0) width = kPipedWidth;
  // Validation keeps hidden characters out of values; escaping here keeps them off the terminal
  // even so, and no line reads as a CI workflow command.
  std::cout << without_ci_commands(
      visible_text(render_text(policy, project.registry, relations.related(policy), width,
                               default_header_language(OutputFormat::Text)),
                   LineBreaks::Keep));
  return kExitOk;
}

}  // namespace ccnt::cli
