#include "core/import/importer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/diag/message_catalog.hpp"
#include "core/policy/cross_file_checks.hpp"
#include "core/policy/doc_type.hpp"
#include "core/policy/editor_schema.hpp"
#include "core/policy/policy_checks.hpp"
#include "core/policy/policy_writer.hpp"
#include "core/policy/schema_enum.hpp"
#include "core/tree/loader.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/atomic_write.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/parallel_for.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// A whole number written as 2021, 2021.0 or " 3 "; nullopt otherwise.
std::optional<int> whole_number(std::string_view text) {
  text = trim(text);
  if (text.ends_with(".0")) text.remove_suffix(2);
  if (text.empty() || text.size() > 6) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

// Everything the import decided for one row before the tree is touched.
struct Candidate {
  ImportEntry entry;
  Policy policy;  // the record as it will be written
  const Policy* existing = nullptr;
  fs::path file;     // where it is written
  std::string text;  // its YAML
};

class RowConverter {
 public:
  RowConverter(const Project& project, const SourceTable& table, const ImportMapping& mapping,
               const std::string& display)
      : project_(project), mapping_(mapping), display_(display) {
    for (const char* field :
         {"source_id", "title", "issuers", "link", "published", "published_year", "published_month",
          "updated", "summary", "region"}) {
      const std::string& name = mapping.column(field);
      if (name.empty()) continue;
      if (const auto index = table.column(name))
        columns_[field] = *index;
      else
        missing_.push_back(name);
    }
    for (const std::string& name : mapping.categories) {
      if (const auto index = table.column(name))
        categories_.push_back(*index);
      else
        missing_.push_back(name);
    }
    doc_types_ = schema_enum(project.schemas_dir / "policy.schema.json", "doc_type");
    const PartialDate now = today();
    added_ = PartialDate{now.year, now.month, 0};
  }

  const std::vector<std::string>& missing_columns() const { return missing_; }

  const std::string& cell(const SourceRow& row, const std::string& field) const {
    static const std::string kEmpty;
    const auto found = columns_.find(field);
    return found == columns_.end() ? kEmpty : row.cells[found->second];
  }

  // The source id of a row ("tracker:<id>"), or "" when the row has none.
  std::string source_id(const SourceRow& row) const {
    const std::string_view value = trim(cell(row, "source_id"));
    return value.empty() ? std::string() : mapping_.source + ":" + std::string(value);
  }

  // Fills candidate.policy with what the source says; false (with problems) when it cannot.
  bool convert(const SourceRow& row, Candidate& candidate) const {
    ImportEntry& entry = candidate.entry;
    Policy& p = candidate.policy;
    const Mark at{row.line, 1};
    const std::string id_value(trim(cell(row, "source_id")));
    static const auto printable = [](std::string_view text) {
      return std::all_of(text.begin(), text.end(), [](char c) { return c > ' ' && c <= '~'; });
    };
    if (id_value.empty() || !printable(id_value) || id_value.size() > 150) {
      entry.problems.error(
          "E106", display_, at,
          id_value.empty() ? trf("row has no source id (column `{}`)", mapping_.column("source_id"))
                           : trf("source id `{}` is not printable ASCII without spaces", id_value),
          trf("every record needs the source's own stable id"));
      return false;
    }
    p.source_ids = {mapping_.source + ":" + id_value};
    p.title = std::string(trim(cell(row, "title")));
    if (p.title.size() != cell(row, "title").size())
      entry.notes.push_back(trf("spaces around the title removed"));
    if (p.title.empty()) {
      entry.problems.error("E106", display_, at,
                           trf("row has no title (column `{}`)", mapping_.column("title")));
      return false;
    }
    entry.title = p.title;
    // Region: the row's, else the mapping's.
    std::string region_name(trim(cell(row, "region")));
    if (region_name.empty()) region_name = mapping_.region;
    const RegionMatch match = project_.registry.match_region(region_name);
    const Region* region = match.region;
    if (!match.candidates.empty()) {
      entry.problems.error("E109", display_, at,
                           trf("region `{}` is ambiguous: {}", region_name,
                               project_.registry.describe_regions(match.candidates)),
                           project_.registry.ambiguity_hint(match.candidates));
      return false;
    }
    if (!region) {
      entry.problems.error("E109", display_, at,
                           region_name.empty() ? trf("row has no region and the mapping sets none")
                                               : trf("unknown region `{}`", region_name),
                           did_you_mean(project_.registry.suggest_regions(region_name)));
      return false;
    }
    p.region = region->slug;
    p.level = region->policy_level();
    p.issuers = split_issuers(cell(row, "issuers"), mapping_.issuer_separators);
    if (!dates(row, p, entry)) return false;
    const std::string link(trim(cell(row, "link")));
    if (link.starts_with("https://") || link.starts_with("http://"))
      p.source = link;  // an http:// one is kept, as by ccnt new: validate warns of it (W014)
    else if (!link.empty())
      entry.notes.push_back(
          trf("link `{}` left out: `source` takes only an http or https URL", link));
    p.summary = std::string(trim(cell(row, "summary")));
    std::vector<std::string> levels;
    for (const std::size_t index : categories_) levels.emplace_back(trim(row.cells[index]));
    while (!levels.empty() && levels.back().empty()) levels.pop_back();
    if (const SectorChoice* choice = mapping_.sector_for(levels)) {
      p.sector = choice->sector;
      p.subsector = choice->subsector;
      p.sectors = choice->sectors;
    }
    p.doc_type = derive_doc_type(p.title, doc_types_);
    p.added = added_;
    p.stub = p.summary.empty() || p.sector.empty();
    p.id = imported_policy_id(p.region, mapping_.source, id_value);
    return true;
  }

 private:
  bool dates(const SourceRow& row, Policy& p, ImportEntry& entry) const {
    const Mark at{row.line, 1};
    const std::string updated(trim(cell(row, "updated")));
    if (!updated.empty()) {
      // 2021-03-04, also with a time after it.
      const auto date =
          PartialDate::parse(updated.substr(0, std::min<std::size_t>(10, updated.size())));
      if (!date || !date->is_real() ||
          (updated.size() > 10 && updated[10] != ' ' && updated[10] != 'T')) {
        entry.problems.error("E108", display_, at, trf("`{}` is not a date YYYY-MM-DD", updated),
                             trf("column `{}`", mapping_.column("updated")));
        return false;
      }
      p.updated = date;
    }
    const std::string full(trim(cell(row, "published")));
    if (!full.empty()) {
      const auto date = PartialDate::parse(full);
      if (!date || !date->is_real()) {
        entry.problems.error("E108", display_, at, trf("`{}` is not a date YYYY[-MM[-DD]]", full),
                             trf("column `{}`", mapping_.column("published")));
        return false;
      }
      p.published = date;
      return true;
    }
    const std::string year_text(trim(cell(row, "published_year")));
    const std::string month_text(trim(cell(row, "published_month")));
    if (year_text.empty()) {
      if (!month_text.empty())
        entry.notes.push_back(trf("month {} left out: the row gives no year", month_text));
      return true;
    }
    const auto year = whole_number(year_text);
    if (!year || *year < 1949 || *year > 2100) {
      entry.problems.error("E108", display_, at, trf("`{}` is not a year", year_text),
                           trf("column `{}`", mapping_.column("published_year")));
      return false;
    }
    PartialDate published{*year, 0, 0};
    if (!month_text.empty()) {
      const auto month = whole_number(month_text);
      if (!month || *month < 1 || *month > 12) {
        entry.problems.error("E108", display_, at, trf("`{}` is not a month", month_text),
                             trf("column `{}`", mapping_.column("published_month")));
        return false;
      }
      published.month = *month;
      for (const PlaceholderMonth& rule : mapping_.placeholder_months)
        if (rule.month == *month && p.updated &&
            p.updated->compare_coarse(rule.updated_before) < 0) {
          published.month = 0;
          entry.notes.push_back(
              trf("month {} taken as a placeholder: only the year is kept", *month));
          break;
        }
    }
    p.published = published;
    return true;
  }

  const Project& project_;
  const ImportMapping& mapping_;
  const std::string& display_;
  std::unordered_map<std::string, std::size_t> columns_;
  std::vector<std::size_t> categories_;
  std::vector<std::string> missing_;
  std::vector<std::string> doc_types_;
  PartialDate added_;
};

// Applies what the source owns to an existing record; returns the names of the fields changed.
std::vector<std::string> merge_source_fields(Policy& record, const Policy& source) {
  std::vector<std::string> changed;
  if (record.title != source.title) {
    record.title = source.title;
    changed.emplace_back("title");
  }
  if (record.issuers != source.issuers) {
    record.issuers = source.issuers;
    changed.emplace_back("issuers");
  }
  if (record.published != source.published) {
    record.published = source.published;
    changed.emplace_back("published");
  }
  if (record.updated != source.updated && source.updated) {
    record.updated = source.updated;
    changed.emplace_back("updated");
  }
  if (record.source != source.source && !source.source.empty()) {
    record.source = source.source;
    changed.emplace_back("source");
  }
  if (record.summary.empty() && !source.summary.empty()) {
    record.summary = source.summary;
    changed.emplace_back("summary");
  }
  return changed;
}

// Where a new record's file goes: policies/<region's directory>/<sector or _unsorted>/<id>.yaml.
fs::path new_file(const Project& project, const Policy& policy) {
  const Region* region = project.registry.find_region(policy.region);
  return project.policies_dir() /
         (region ? project.registry.directory_of(*region) : policy.region) /
         (policy.sector.empty() ? std::string(kUnsortedDir) : policy.sector) /
         (policy.id + ".yaml");
}

// Checks a record's text exactly as `ccnt validate` checks its file.
bool check_record(const Project& project, Candidate& candidate, const PartialDate& date) {
  Diagnostics problems;
  const std::string display = display_path(candidate.file);
  auto document = parse_yaml(candidate.text, display, problems);
  const bool ok =
      document &&
      check_policy(*document, candidate.file, display, project, date, problems).has_value();
  for (const Diagnostic& d : problems.all())
    if (d.severity == Severity::Error) candidate.entry.problems.add(d);
  return ok;
}

}  // namespace

std::string imported_policy_id(const std::string& region, const std::string& source,
                               const std::string& source_value) {
  return fmt::format("{}-{}-{:012x}", region, source, fnv1a(source_value) >> 16);
}

std::vector<std::string> split_issuers(const std::string& cell,
                                       const std::vector<std::string>& separators) {
  std::vector<std::string> out;
  std::size_t start = 0;
  auto take = [&](std::size_t end) {
    const std::string_view piece = trim(std::string_view(cell).substr(start, end - start));
    if (!piece.empty() && std::find(out.begin(), out.end(), piece) == out.end())
      out.emplace_back(piece);
  };
  std::size_t i = 0;
  while (i < cell.size()) {
    std::size_t matched = 0;
    for (const std::string& separator : separators)
      if (!separator.empty() && cell.compare(i, separator.size(), separator) == 0) {
        matched = separator.size();
        break;
      }
    if (matched == 0) {
      ++i;
      continue;
    }
    take(i);
    i += matched;
    start = i;
  }
  take(cell.size());
  return out;
}

std::optional<ImportReport> import_table(const Project& project,
                                         const std::vector<Policy>& existing,
                                         const SourceTable& table, const ImportMapping& mapping,
                                         const std::string& display, const ImportOptions& options,
                                         Diagnostics& diagnostics) {
  const RowConverter converter(project, table, mapping, display);
  if (!converter.missing_columns().empty()) {
    std::string names;
    for (const std::string& name : converter.missing_columns())
      names += (names.empty() ? "" : ", ") + name;
    diagnostics.error("E105", display, {1, 1},
                      trf("the export has no column {} (named in {})", names, mapping.path),
                      trf("the export's columns are: {}", fmt::join(table.columns, ", ")));
    return std::nullopt;
  }
  if (table.rows.empty()) {
    diagnostics.error("E113", display, {}, trf("the export holds no records"));
    return std::nullopt;
  }

  std::unordered_map<std::string_view, const Policy*> by_source;
  std::unordered_map<std::string_view, const Policy*> by_id;
  for (const Policy& policy : existing) {
    by_id.emplace(policy.id, &policy);
    for (const std::string& source_id : policy.source_ids) by_source.emplace(source_id, &policy);
  }

  // 1. Duplicate source ids within the export: the later rows are rejected.
  const std::size_t n = table.rows.size();
  std::vector<Candidate> candidates(n);
  std::vector<char> duplicate(n, 0);
  {
    std::unordered_map<std::string, int> first_line;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string id = converter.source_id(table.rows[i]);
      if (id.empty()) continue;
      if (auto [it, inserted] = first_line.emplace(id, table.rows[i].line); !inserted) {
        duplicate[i] = 1;
        candidates[i].entry.problems.error(
            "E107", display, {table.rows[i].line, 1},
            trf("source id `{}` repeats the record on line {}", id, it->second),
            trf("an export lists each record once; only the first is imported"));
      }
    }
  }

  // 2. Convert, match, merge and check each row on its own (in parallel).
  const PartialDate date = today();
  parallel_for(n, options.jobs, [&](std::size_t i) {
    Candidate& c = candidates[i];
    c.entry.line = table.rows[i].line;
    if (duplicate[i] || !converter.convert(table.rows[i], c)) {
      c.entry.outcome = ImportOutcome::Rejected;
      return;
    }
    const auto match = by_source.find(c.policy.source_ids.front());
    if (match != by_source.end()) {
      c.existing = match->second;
      Policy merged = *c.existing;
      c.entry.changed = merge_source_fields(merged, c.policy);
      c.policy = std::move(merged);
      c.file = fs::absolute(c.policy.path);
      c.entry.id = c.policy.id;
      c.entry.path = c.policy.path;
      if (c.entry.changed.empty()) {
        c.entry.outcome = ImportOutcome::Unchanged;
        return;
      }
      c.entry.outcome = ImportOutcome::Updated;
    } else {
      c.entry.outcome = ImportOutcome::Added;
      c.file = new_file(project, c.policy);
      c.entry.id = c.policy.id;
      c.entry.path = display_path(c.file);
      c.policy.path = c.entry.path;
      if (by_id.count(c.policy.id)) {
        c.entry.problems.error(
            "E110", display, {c.entry.line, 1},
            trf("id `{}` is already used by {}", c.policy.id, by_id.at(c.policy.id)->path),
            trf("two source ids give the same id; rename the existing record"));
        c.entry.outcome = ImportOutcome::Rejected;
        return;
      }
    }
    c.text = policy_file_text(c.policy, schema_depth(c.file, project.policies_dir()),
                              modeline_schema_file(project));
    if (!check_record(project, c, date)) c.entry.outcome = ImportOutcome::Rejected;
  });

  // 3. Checks across records: the tree as it would be (existing records first, so that a clash
  // is reported on the imported one).
  {
    std::vector<Policy> after;
    std::vector<std::size_t> origin;  // index of the candidate, or n for an untouched record
    std::unordered_map<const Policy*, std::size_t> replaced;
    for (std::size_t i = 0; i < n; ++i)
      if (candidates[i].existing && candidates[i].entry.outcome == ImportOutcome::Updated)
        replaced.emplace(candidates[i].existing, i);
    after.reserve(existing.size() + n);
    for (const Policy& policy : existing) {
      const auto found = replaced.find(&policy);
      after.push_back(found == replaced.end() ? policy : candidates[found->second].policy);
      origin.push_back(found == replaced.end() ? n : found->second);
    }
    for (std::size_t i = 0; i < n; ++i)
      if (candidates[i].entry.outcome == ImportOutcome::Added) {
        after.push_back(candidates[i].policy);
        origin.push_back(i);
      }
    std::unordered_map<std::string_view, std::size_t> by_path;
    for (std::size_t k = 0; k < after.size(); ++k)
      if (origin[k] != n) by_path.emplace(after[k].path, origin[k]);
    Diagnostics across;
    check_across_files(after, across);
    for (const Diagnostic& d : across.all()) {
      const auto found = by_path.find(d.path);
      if (found == by_path.end()) continue;
      Candidate& c = candidates[found->second];
      Diagnostic reason = d;
      reason.path = display;
      reason.mark = {c.entry.line, 1};
      reason.code = "E110";
      c.entry.problems.add(std::move(reason));
      c.entry.outcome = ImportOutcome::Rejected;
    }
  }

  // 4. Write (atomically per file), then report.
  ImportReport report;
  std::vector<std::size_t> to_write;
  for (std::size_t i = 0; i < n; ++i)
    if (candidates[i].entry.outcome == ImportOutcome::Added ||
        candidates[i].entry.outcome == ImportOutcome::Updated)
      to_write.push_back(i);
  if (!options.dry_run && !to_write.empty()) {
    // One batch: the file system is synced twice for the whole import, not twice per file.
    std::vector<BatchFile> batch(to_write.size());
    for (std::size_t k = 0; k < to_write.size(); ++k) {
      const Candidate& c = candidates[to_write[k]];
      std::error_code ec;
      fs::create_directories(c.file.parent_path(), ec);
      batch[k].file = c.file;
      batch[k].content = c.text;
      batch[k].replace = c.existing != nullptr;
    }
    write_files_atomically(batch, options.jobs);
    for (std::size_t k = 0; k < to_write.size(); ++k) {
      if (batch[k].result == WriteResult::Written) continue;
      Candidate& c = candidates[to_write[k]];
      c.entry.problems.error("E112", c.entry.path, {},
                             batch[k].result == WriteResult::Exists
                                 ? trf("cannot write the record: the file already exists")
                                 : trf("cannot write the record: {}", batch[k].error));
      c.entry.outcome = ImportOutcome::Rejected;
    }
    report.written = true;
  }
  report.entries.reserve(n);
  for (Candidate& c : candidates) {
    switch (c.entry.outcome) {
      case ImportOutcome::Added:
        ++report.added;
        break;
      case ImportOutcome::Updated:
        ++report.updated;
        break;
      case ImportOutcome::Unchanged:
        ++report.unchanged;
        break;
      case ImportOutcome::Rejected:
        ++report.rejected;
        break;
    }
    report.entries.push_back(std::move(c.entry));
  }
  return report;
}

}  // namespace ccnt
