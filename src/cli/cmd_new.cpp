#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <regex>
#include <unordered_map>

#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/project_session.hpp"
#include "cli/prompt.hpp"
#include "cli/registry_names.hpp"
#include "cli/terminal.hpp"
#include "cli/usage_error.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/policy/doc_type.hpp"
#include "core/policy/policy_checks.hpp"
#include "core/policy/policy_writer.hpp"
#include "core/policy/schema_enum.hpp"
#include "core/query/policy_filter.hpp"
#include "core/tree/loader.hpp"
#include "core/tree/source_file.hpp"
#include "core/tree/tree_scan.hpp"
#include "core/util/atomic_write.hpp"
#include "core/util/directory_lock.hpp"
#include "core/util/text_normalize.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

namespace {

// What is wrong with one value, and what to do about it.
struct Problem {
  std::string message;
  std::string hint;
};

using Check = std::optional<Problem>;

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// Splits a typed list at commas (, ，) and enumeration commas (、), dropping empty items.
std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::string current;
  std::size_t i = 0;
  const auto flush = [&] {
    if (std::string item = trim(current); !item.empty()) items.push_back(std::move(item));
    current.clear();
  };
  while (i < text.size()) {
    bool separator = false;
    for (std::string_view mark : {",", "，", "、"}) {
      if (text.substr(i).starts_with(mark)) {
        flush();
        i += mark.size();
        separator = true;
        break;
      }
    }
    if (!separator) current += text[i++];
  }
  flush();
  return items;
}

// A name the registry or the schema does not know, worded as `ccnt list` words it.
Check unknown_name(const PolicyQuery& query, const Project& project,
                   const std::vector<std::string>& doc_types = {}) {
  FilterError error;
  if (PolicyFilter::make(query, project.registry, doc_types, error)) return std::nullopt;
  return Problem{error.message, error.hint};
}

bool is_id(std::string_view text) {
  static const std::regex kIdPattern("^[a-z0-9]+(-[a-z0-9]+)*$");
  return text.size() >= 3 && text.size() <= 80 &&
         std::regex_match(text.begin(), text.end(), kIdPattern);
}

// The new record as it is filled in, with everything its values are checked against.
class Draft {
 public:
  Draft(const Project& project, std::vector<Policy> existing, std::vector<fs::path> files,
        PartialDate today)
      : project_(project), existing_(std::move(existing)), today_(today) {
    doc_types_ = schema_enum(project.schemas_dir / "policy.schema.json", "doc_type");
    for (const fs::path& file : files) ids_.emplace(file.stem().string(), display_path(file));
    for (const Policy& policy : existing_) ids_.emplace(policy.id, policy.path);
    policy_.added = {today.year, today.month, 0};
  }

  const Policy& policy() const { return policy_; }
  const std::vector<std::string>& doc_types() const { return doc_types_; }

  Check set_title(const std::string& text) {
    std::string title = trim(text);
    if (title.starts_with("《") && title.ends_with("》"))
      title = trim(std::string_view(title).substr(3, title.size() - 6));
    if (title.empty())
      return Problem{trf("the title is empty"), trf("write the title as published")};
    if (title.find('\n') != std::string::npos)
      return Problem{trf("the title has a line break"), trf("write the title on one line")};
    policy_.title = title;
    return std::nullopt;
  }

  Check set_region(const std::string& name) {
    PolicyQuery query;
    query.regions = {trim(name)};
    if (auto problem = unknown_name(query, project_)) return problem;
    const Region* region = project_.registry.find_region(trim(name));
    policy_.region = region->slug;
    policy_.level = region->policy_level();
    return std::nullopt;
  }

  // The primary sector first, then further ones.
  Check set_sectors(const std::vector<std::string>& names) {
    std::vector<std::string> slugs;
    for (const std::string& name : names) {
      PolicyQuery query;
      query.sectors = {trim(name)};
      if (auto problem = unknown_name(query, project_)) return problem;
      const std::string& slug = project_.registry.find_sector(trim(name))->slug;
      if (std::find(slugs.begin(), slugs.end(), slug) == slugs.end()) slugs.push_back(slug);
    }
    if (slugs.empty())
      return Problem{trf("no sector given"), trf("name the primary sector, e.g. industry")};
    policy_.sector = slugs.front();
    policy_.sectors.assign(slugs.begin() + 1, slugs.end());
    return std::nullopt;
  }

  Check set_subsector(const std::string& name) {
    if (name.empty()) return std::nullopt;
    const Sector& sector = *project_.registry.find_sector(policy_.sector);
    if (const Subsector* sub = project_.registry.find_subsector(sector, name)) {
      policy_.subsector = sub->slug;
      return std::nullopt;
    }
    std::vector<std::string> names;
    for (const Subsector& sub : sector.subsectors) names.push_back(sub.slug + " " + sub.name);
    return Problem{trf("`{}` is not a subsector of {}", name, sector.slug),
                   names.empty() ? trf("{} has no subsectors", sector.slug)
                                 : trf("the subsectors of {} are {}", sector.slug,
                                       fmt::join(names, tr(", ")))};
  }

  Check set_issuers(const std::vector<std::string>& issuers) {
    policy_.issuers.clear();
    for (const std::string& issuer : issuers)
      if (std::string name = trim(issuer);
          !name.empty() &&
          std::find(policy_.issuers.begin(), policy_.issuers.end(), name) == policy_.issuers.end())
        policy_.issuers.push_back(std::move(name));
    return std::nullopt;
  }

  // `flag` names the flag the date came from; empty for an answer to a question.
  Check set_published(const std::string& text, std::string_view flag) {
    policy_.published.reset();
    if (text.empty()) return std::nullopt;
    auto date = PartialDate::parse(text);
    if (!date || !date->is_real())
      return Problem{
          flag.empty() ? trf("`{}` is not a date", text)
                       : trf("invalid date `{}` for {}", text, flag),
          trf("write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source, e.g. 2023-03")};
    if (date->compare_coarse(today_) > 0)
      return Problem{
          flag.empty()
              ? trf("{} is in the future (today is {})", text, today_.to_string())
              : trf("{} {} is in the future (today is {})", flag, text, today_.to_string()),
          trf("write the date the document was published")};
    policy_.published = date;
    return std::nullopt;
  }

  Check set_added(const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto date = PartialDate::parse(text);
    if (!date || date->month == 0 || !date->is_real())
      return Problem{trf("invalid month `{}` for --added", text),
                     trf("write YYYY-MM (or YYYY-MM-DD), e.g. 2023-03")};
    if (date->compare_coarse(today_) > 0)
      return Problem{
          trf("{} {} is in the future (today is {})", "--added", text, today_.to_string()),
          trf("added is the month the record enters the tracker")};
    policy_.added = *date;
    return std::nullopt;
  }

  Check set_source(const std::string& text) {
    policy_.source = trim(text);
    if (policy_.source.empty()) return std::nullopt;
    if (!policy_.source.starts_with("https://") || policy_.source.size() <= 8 ||
        policy_.source.find_first_of(" \t\n") != std::string::npos)
      return Problem{
          trf("`{}` is not an https URL", policy_.source),
          trf("give the https:// address of the official text, after checking it opens")};
    return std::nullopt;
  }

  Check set_summary(const std::string& text) {
    policy_.summary = trim(text);
    if (policy_.summary.empty())
      return Problem{trf("the summary is empty"),
                     trf("the schema requires a summary of the document")};
    return std::nullopt;
  }

  void set_tags(const std::vector<std::string>& tags) {
    for (const std::string& tag : tags)
      if (std::string name = trim(tag);
          !name.empty() &&
          std::find(policy_.tags.begin(), policy_.tags.end(), name) == policy_.tags.end())
        policy_.tags.push_back(std::move(name));
  }

  void set_document_number(const std::string& text) { policy_.document_number = trim(text); }

  // Empty: the type the title ends with.
  Check set_doc_type(const std::string& text) {
    if (text.empty()) {
      policy_.doc_type = derive_doc_type(policy_.title, doc_types_);
      return std::nullopt;
    }
    PolicyQuery query;
    query.types = {text};
    if (auto problem = unknown_name(query, project_, doc_types_)) return problem;
    policy_.doc_type = text;
    return std::nullopt;
  }

  // Empty: <region>-<sector>-<year>, numbered from 2 when taken.
  Check set_id(const std::string& text) {
    if (text.empty()) {
      policy_.id = derived_id();
      return std::nullopt;
    }
    if (!is_id(text))
      return Problem{trf("`{}` is not a valid id", text),
                     trf("lower-case ASCII words joined by hyphens, 3 to 80 characters, e.g. "
                         "zhejiang-industry-carbon-peaking")};
    policy_.id = text;
    if (exists(text)) return exists_problem();
    if (auto it = ids_.find(text); it != ids_.end())
      return Problem{trf("id `{}` is already used by {}", text, it->second),
                     trf("ids are unique across the tree; choose another --id")};
    return std::nullopt;
  }

  std::string derived_id() const {
    const int year = policy_.published ? policy_.published->year : policy_.added.year;
    const std::string base = fmt::format("{}-{}-{}", policy_.region, policy_.sector, year);
    std::string id = base;
    for (int n = 2; ids_.count(id) > 0 || exists(id); ++n) id = fmt::format("{}-{}", base, n);
    return id;
  }

  // The record of the same document in the same region, if the tree has one.
  Check duplicate_title() const { return duplicate_title_in(existing_); }

  // The same among `policies` (the tree read again, under the lock). Titles are compared as a
  // reader sees them (comparison_form), as `ccnt validate` does.
  Check duplicate_title_in(const std::vector<Policy>& policies) const {
    const std::string form = comparison_form(policy_.title);
    for (const Policy& other : policies)
      if (other.region == policy_.region && comparison_form(other.title) == form)
        return Problem{trf("《{}》 is already recorded in {}", policy_.title, other.path),
                       trf("a document is recorded once; edit that file instead")};
    return std::nullopt;
  }

  // Records of other regions with the same title, worth a look but allowed.
  std::vector<const Policy*> same_title_elsewhere() const {
    std::vector<const Policy*> found;
    const std::string form = comparison_form(policy_.title);
    for (const Policy& other : existing_)
      if (other.region != policy_.region && comparison_form(other.title) == form)
        found.push_back(&other);
    return found;
  }

  fs::path file() const { return file_for(policy_.id); }

  Problem exists_problem() const {
    return {trf("{} already exists; ccnt new never overwrites a file", display_path(file())),
            trf("choose another --id, or edit the existing file")};
  }

  const std::vector<Policy>& existing() const { return existing_; }

 private:
  fs::path file_for(const std::string& id) const {
    const Region* region = project_.registry.find_region(policy_.region);
    const std::string region_dir = region ? project_.registry.directory_of(*region) : policy_.region;
    return project_.policies_dir() / region_dir / policy_.sector / (id + ".yaml");
  }
  bool exists(const std::string& id) const {
    std::error_code ec;
    return fs::exists(fs::symlink_status(file_for(id), ec));
  }

  const Project& project_;
  std::vector<Policy> existing_;
  PartialDate today_;
  std::vector<std::string> doc_types_;
  std::unordered_map<std::string, std::string> ids_;  // id or file stem → file
  Policy policy_;
};

void throw_if(Check problem) {
  if (problem) throw UsageError(problem->message, problem->hint);
}

std::string as_answer_error(const Check& problem) {
  if (!problem) return {};
  return problem->hint.empty() ? problem->message : problem->message + " — " + problem->hint;
}

// The region a title starts with (浙江省工业领域… → 浙江), shown as the default answer.
std::string region_named_by(const std::string& title, const Registry& registry) {
  const Region* best = nullptr;
  std::size_t best_length = 0;
  for (const Region& region : registry.regions()) {
    for (const std::string* name : {&region.full_name, &region.name}) {
      if (name->size() > best_length && title.starts_with(*name)) {
        best = &region;
        best_length = name->size();
      }
    }
  }
  if (!best) return {};
  return registry.find_region(best->name) == best ? best->name : best->slug;  // 朝阳 is ambiguous
}

std::string read_all_stdin() {
  std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a byte-order mark
  std::erase(text, '\r');                                  // Windows line ends
  return text;
}

// The required flags that were not given, for the error when nothing can be asked.
std::vector<std::string> missing_flags(const NewOptions& opts) {
  std::vector<std::string> missing;
  if (opts.title.empty()) missing.push_back("--title");
  if (opts.region.empty()) missing.push_back("--region");
  if (std::all_of(opts.sectors.begin(), opts.sectors.end(),
                  [](const std::string& sector) { return trim(sector).empty(); }))
    missing.push_back("--sector");
  if (opts.summary.empty()) missing.push_back("--summary");
  return missing;
}

std::string join_flags(const std::vector<std::string>& flags) {
  if (flags.size() == 1) return flags.front();
  return trf("{} and {}", fmt::join(flags.begin(), flags.end() - 1, tr(", ")), flags.back());
}

// Fills the draft from flags alone; any bad value is a usage error.
void fill_from_flags(Draft& draft, const NewOptions& opts) {
  throw_if(draft.set_title(opts.title));
  throw_if(draft.set_region(opts.region));
  throw_if(draft.set_sectors(opts.sectors));
  throw_if(draft.set_subsector(opts.subsector));
  throw_if(draft.set_issuers(opts.issuers));
  throw_if(draft.set_published(opts.published, "--published"));
  throw_if(draft.set_source(opts.source));
  throw_if(draft.set_summary(opts.summary));
  throw_if(draft.set_doc_type(opts.doc_type));
}

// Asks for what the flags did not give, checking each answer as it comes.
void fill_from_terminal(Draft& draft, const NewOptions& opts, const Project& project,
                        Prompter& prompter) {
  const auto ask = [&prompter](std::string_view question, const std::string& default_answer,
                               const AnswerCheck& check,
                               const std::vector<std::string>& names = {}) {
    auto answer = prompter.ask(question, default_answer, check, names);
    if (!answer) throw UsageError(trf("cancelled; nothing was written"));
    return *answer;
  };
  const auto required = [](std::string missing, auto&& check) {
    return [missing, check](std::string& answer) -> std::string {
      if (answer.empty()) return missing;
      return as_answer_error(check(answer));
    };
  };
  prompter.say(tr("New policy record. Enter keeps the [default]; Ctrl-D cancels."));
  if (prompter.edits_lines())
    prompter.say(tr("Tab completes region, sector and document type names."));
  if (opts.title.empty())
    ask(tr("Title, as published, without 《》"), {},
        required(trf("the title is required"), [&](std::string& a) { return draft.set_title(a); }));
  else
    throw_if(draft.set_title(opts.title));
  if (opts.region.empty())
    ask(tr("Region (浙江, 浙江省 or zhejiang)"),
        region_named_by(draft.policy().title, project.registry),
        required(trf("the region is required"),
                 [&](std::string& a) { return draft.set_region(a); }),
        values_of(region_names(project.registry)));
  else
    throw_if(draft.set_region(opts.region));
  throw_if(draft.duplicate_title());
  if (opts.sectors.empty())
    ask(tr("Sector (industry, 工业, ...; more than one: the primary first, with commas)"), {},
        required(trf("the sector is required"),
                 [&](std::string& a) { return draft.set_sectors(split_list(a)); }),
        values_of(sector_names(project.registry)));
  else
    throw_if(draft.set_sectors(opts.sectors));
  throw_if(draft.set_subsector(opts.subsector));
  if (opts.issuers.empty())
    ask(tr("Issuers as published, separated by 、 (empty if the source names none)"), {},
        [&](std::string& a) { return as_answer_error(draft.set_issuers(split_list(a))); });
  else
    throw_if(draft.set_issuers(opts.issuers));
  if (opts.published.empty())
    ask(tr("Published: YYYY, YYYY-MM or YYYY-MM-DD (empty if the source gives no date)"), {},
        [&](std::string& a) { return as_answer_error(draft.set_published(a, {})); });
  else
    throw_if(draft.set_published(opts.published, "--published"));
  if (opts.source.empty())
    ask(tr("Source: https URL of the official text (empty if none checked)"), {},
        [&](std::string& a) { return as_answer_error(draft.set_source(a)); });
  else
    throw_if(draft.set_source(opts.source));
  if (opts.summary.empty() || opts.summary == "-")
    ask(tr("Summary, one paragraph"), {},
        required(trf("the summary is required"),
                 [&](std::string& a) { return draft.set_summary(a); }));
  else
    throw_if(draft.set_summary(opts.summary));
  if (opts.doc_type.empty())
    ask(
        tr("Document type"), derive_doc_type(draft.policy().title, draft.doc_types()),
        [&](std::string& a) { return as_answer_error(draft.set_doc_type(a)); }, draft.doc_types());
  else
    throw_if(draft.set_doc_type(opts.doc_type));
}

// Checks the text about to be written as the file it will be, without writing it.
Diagnostics check_before_writing(const std::string& text, const fs::path& file,
                                 const Project& project) {
  Diagnostics diagnostics;
  const std::string display = display_path(file);
  if (auto tree = parse_yaml(text, display, diagnostics))
    check_policy(*tree, file, display, project, today(), diagnostics);
  return diagnostics;
}

// Validates the written file as `ccnt validate FILE` does and prints the result.
int validate_written(const fs::path& file, const Draft& draft, const Project& project,
                     const Options& options) {
  Diagnostics diagnostics;
  LoadedPolicies loaded = load_policy_files(project, {file}, options.global.jobs, diagnostics);
  std::vector<Policy> all = draft.existing();
  all.insert(all.end(), loaded.policies.begin(), loaded.policies.end());
  check_across_files(all, diagnostics);
  const std::string display = display_path(file);
  Diagnostics mine;
  for (const Diagnostic& d : diagnostics.all())
    if (d.path == display) mine.add(d);
  mine.sort();
  const std::size_t valid = mine.error_count() == 0 ? loaded.policies.size() : 0;
  std::cout << format_diagnostics(mine, DiagnosticFormat::Text, 1, valid,
                                  use_color(options.global.color, stdout));
  return mine.error_count() > 0 ? kExitProblems : kExitOk;
}

}  // namespace

int run_new(const Options& options) {
  NewOptions opts = options.new_policy;
  const bool interactive = is_terminal(stdin) && is_terminal(stdout);
  if (!interactive) {
    if (const auto missing = missing_flags(opts); !missing.empty())
      throw UsageError(
          trf("missing {}", join_flags(missing)),
          trf("ccnt new asks questions only when stdin and stdout are terminals; pass the "
              "fields as flags (--summary - reads the summary from stdin)"));
    if (opts.summary == "-") {
      opts.summary = read_all_stdin();
      if (trim(opts.summary).empty())
        throw UsageError(trf("--summary -: stdin is empty"), trf("pipe the summary into ccnt new"));
    }
  }

  const Project project = open_project_or_throw(options.global);
  Diagnostics ignored;  // broken files elsewhere are `ccnt validate`'s business
  LoadedPolicies loaded = load_project_policies(
      project, LoadOptions{.jobs = options.global.jobs, .use_cache = !options.global.no_cache},
      ignored);
  // The names of broken files too, so that a new id takes none of them.
  std::vector<fs::path> files = find_policy_files(project.policies_dir(), ignored);
  Draft draft(project, std::move(loaded.policies), std::move(files), today());
  throw_if(draft.set_added(opts.added));
  draft.set_tags(opts.tags);
  draft.set_document_number(opts.document_number);

  Prompter prompter = interactive && terminal_supports_editing()
                          ? Prompter(std::cin, std::cout, STDIN_FILENO, terminal_width(stdout))
                          : Prompter(std::cin, std::cout);
  if (interactive)
    fill_from_terminal(draft, opts, project, prompter);
  else
    fill_from_flags(draft, opts);
  throw_if(draft.duplicate_title());
  for (const Policy* other : draft.same_title_elsewhere()) {
    const Region* region = project.registry.find_region(other->region);
    std::cerr << trf("note: 《{}》 is also recorded for {} in {}\n", other->title,
                     region ? region->name : other->region, other->path);
  }
  if (interactive && opts.id.empty()) {
    if (!prompter.ask(tr("Id (the file name)"), draft.derived_id(),
                      [&](std::string& a) { return as_answer_error(draft.set_id(a)); }))
      throw UsageError(trf("cancelled; nothing was written"));
  } else {
    throw_if(draft.set_id(opts.id));
  }

  const fs::path file = draft.file();
  const fs::path relative = file.lexically_relative(project.policies_dir());
  const std::string text = write_policy_yaml(
      draft.policy(), static_cast<std::size_t>(std::distance(relative.begin(), relative.end())));
  const Diagnostics problems = check_before_writing(text, file, project);
  if (problems.error_count() > 0) {
    for (const Diagnostic& d : problems.all())
      std::cerr << format_diagnostic_text(d, use_color(options.global.color, stderr));
    throw UsageError(trf("the new record would not be valid; nothing was written"),
                     trf("change the values named above"));
  }
  if (opts.dry_run) {
    std::cout << text;
    std::cerr << trf("dry run: would write {}\n", display_path(file));
    return kExitOk;
  }
  if (interactive) {
    prompter.say(trf("\nlevel {} (from the region), added {}, doc_type {}", draft.policy().level,
                     draft.policy().added.to_string(), draft.policy().doc_type));
    if (!prompter.confirm(trf("Write {}?", display_path(file)), true)) {
      prompter.say(tr("nothing was written"));
      return kExitOk;
    }
  }

  // Check, then create, under a lock on policies/: a concurrent `ccnt new` may have recorded the
  // same document since this run read the tree (it would then have taken another id).
  std::string error;
  const DirectoryLock lock(
      project.policies_dir(), std::chrono::seconds(30),
      [] { std::cerr << trf("ccnt: waiting for another ccnt new in this tree to finish\n"); },
      error);
  if (!lock.ok())
    throw UsageError(trf("cannot lock {}/: {}", display_path(project.policies_dir()), error),
                     trf("wait for the other ccnt new to finish, then run this one again"));
  Diagnostics ignored_again;
  throw_if(draft.duplicate_title_in(
      load_project_policies(
          project,
          LoadOptions{
              .jobs = options.global.jobs, .use_cache = !options.global.no_cache, .text = false},
          ignored_again)
          .policies));
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  switch (create_file_atomically(file, text, error)) {
    case WriteResult::Written:
      break;
    case WriteResult::Exists: {
      const Problem problem = draft.exists_problem();
      throw UsageError(problem.message, problem.hint);
    }
    case WriteResult::Refused:
    case WriteResult::Failed:
      throw UsageError(trf("cannot write {}: {}", display_path(file), ec ? ec.message() : error));
  }
  std::cout << trf("created {}\n", display_path(file));
  return validate_written(file, draft, project, options);
}

}  // namespace ccnt::cli
