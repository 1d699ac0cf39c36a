#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <iterator>

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
#include "core/output/visible_text.hpp"
#include "core/policy/doc_type.hpp"
#include "core/policy/draft.hpp"
#include "core/policy/editor_schema.hpp"
#include "core/policy/policy_checks.hpp"
#include "core/policy/policy_writer.hpp"
#include "core/tree/loader.hpp"
#include "core/tree/source_file.hpp"
#include "core/tree/tree_scan.hpp"
#include "core/tree/validation.hpp"
#include "core/util/atomic_write.hpp"
#include "core/util/directory_lock.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

namespace {

void throw_if(DraftCheck problem) {
  if (problem) throw UsageError(problem->message, problem->hint);
}

std::string as_answer_error(const DraftCheck& problem) {
  if (!problem) return {};
  return problem->hint.empty() ? problem->message : problem->message + " — " + problem->hint;
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
  // A written file is validated, which warns (W014); a dry run says it here.
  if (const std::string warning = draft.source_warning(); !warning.empty() && opts.dry_run)
    std::cerr << trf("ccnt: warning: {}\n", warning);
  throw_if(draft.set_summary(opts.summary));
  throw_if(draft.set_doc_type(opts.doc_type));
}

// The names Tab completes for the subsectors of `sector`: slugs and Chinese names.
std::vector<std::string> subsector_names(const Sector& sector) {
  std::vector<std::string> names;
  for (const Subsector& sub : sector.subsectors) {
    names.push_back(sub.slug);
    names.push_back(sub.name);
  }
  return names;
}

// The names Tab completes for indicators: slugs and Chinese names.
std::vector<std::string> indicator_names(const Registry& registry) {
  std::vector<std::string> names;
  for (const Indicator& indicator : registry.indicators()) {
    names.push_back(indicator.slug);
    names.push_back(indicator.name);
  }
  return names;
}

// Asks for one target, value by value; Tab completes the indicator and the kind.
Target ask_target(const Registry& registry, Prompter& prompter) {
  TargetDraft target(registry);
  const auto ask = [&prompter](std::string_view question, const std::string& default_answer,
                               const std::function<DraftCheck(std::string&)>& check,
                               const std::vector<std::string>& names = {}) {
    if (!prompter.ask(
            question, default_answer, [&](std::string& a) { return as_answer_error(check(a)); },
            names))
      throw UsageError(trf("cancelled; nothing was written"));
  };
  ask(
      tr("  Indicator (slug or Chinese name)"), {},
      [&](std::string& a) { return target.set_indicator(a); }, indicator_names(registry));
  ask(tr("  Text of the target, as the source words it"), {},
      [&](std::string& a) { return target.set_text(a); });
  ask(tr("  Value (a number)"), {}, [&](std::string& a) { return target.set_value(a); });
  ask(tr("  Unit"), target.target().unit, [&](std::string& a) { return target.set_unit(a); });
  ask(
      tr("  Kind"), target.target().kind, [&](std::string& a) { return target.set_kind(a); },
      TargetDraft::kinds());
  ask(tr("  Base year (empty if none)"), {},
      [&](std::string& a) { return target.set_base_year(a); });
  ask(tr("  Target year"), {}, [&](std::string& a) { return target.set_target_year(a); });
  return target.target();
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
  const Sector& sector = *project.registry.find_sector(draft.policy().sector);
  if (opts.subsector.empty() && !sector.subsectors.empty())
    ask(
        trf("Subsector of {} ({}; empty for none)", sector.name,
            fmt::join(subsector_names(sector), tr(", "))),
        {}, [&](std::string& a) { return as_answer_error(draft.set_subsector(a)); },
        subsector_names(sector));
  else
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
    ask(tr("Source: https (or http) URL of the official text (empty if none checked)"), {},
        [&](std::string& a) { return as_answer_error(draft.set_source(a)); });
  else
    throw_if(draft.set_source(opts.source));
  if (const std::string warning = draft.source_warning(); !warning.empty())
    prompter.say(trf("  warning: {}", warning));
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
  if (opts.added.empty())
    ask(tr("Added to the tracker in (YYYY-MM)"), draft.policy().added.to_string(),
        [&](std::string& a) { return as_answer_error(draft.set_added(a, {})); });
  if (opts.tags.empty())
    ask(tr("Tags, separated by commas (empty for none)"), {}, [&](std::string& a) {
      draft.set_tags(split_list(a));
      return std::string();
    });
  while (prompter.confirm(
      draft.policy().targets.empty() ? tr("Add a quantitative target?") : tr("Add another target?"),
      false))
    draft.add_target(ask_target(project.registry, prompter));
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
int validate_written(const fs::path& file, const Project& project, const Options& options) {
  const LoadOptions load{
      .jobs = options.global.jobs, .use_cache = !options.global.no_cache, .text = false};
  const Validation validation =
      validate_paths(project, {fs::absolute(file).lexically_normal()}, load);
  const Diagnostics& mine = validation.diagnostics;
  const std::size_t valid = mine.error_count() == 0 ? validation.valid : 0;
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
  throw_if(draft.set_added(opts.added, "--added"));
  draft.set_tags(opts.tags);
  draft.set_document_number(opts.document_number);

  Prompter prompter = interactive && terminal_supports_editing()
                          ? Prompter(std::cin, std::cout, STDIN_FILENO, terminal_width(stdout))
                          : Prompter(std::cin, std::cout);
  if (interactive && !prompter.edits_lines()) prompter.join_pasted_lines(STDIN_FILENO);
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
  const std::string text = policy_file_text(
      draft.policy(), schema_depth(file, project.policies_dir()), modeline_schema_file(project));
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
    // The file as it will be written, to read before saying yes.
    prompter.say(trf("\n{}:", display_path(file)));
    prompter.say(without_ci_commands(visible_text(text, LineBreaks::Keep)));
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
      const DraftProblem problem = draft.exists_problem();
      throw UsageError(problem.message, problem.hint);
    }
    case WriteResult::Refused:
    case WriteResult::Failed:
      throw UsageError(trf("cannot write {}: {}", display_path(file), ec ? ec.message() : error));
  }
  std::cout << trf("created {}\n", display_path(file));
  return validate_written(file, project, options);
}

}  // namespace ccnt::cli
