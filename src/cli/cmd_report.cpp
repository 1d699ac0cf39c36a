#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/output_file.hpp"
#include "cli/policy_selection.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/bulletin/bulletin_check.hpp"
#include "core/bulletin/bulletin_draft.hpp"
#include "core/bulletin/bulletin_month.hpp"
#include "core/bulletin/bulletin_render.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/output/visible_text.hpp"
#include "core/policy/editor_schema.hpp"
#include "core/tree/project.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/atomic_write.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

namespace {

PartialDate parse_month_or_throw(const std::string& text) {
  if (auto month = parse_bulletin_month(text)) return *month;
  throw UsageError(trf("--month expects a month as YYYY-MM, got `{}`", text),
                   trf("for example: ccnt report --month 2023-03"));
}

void print_diagnostics(const Diagnostics& diagnostics, ColorMode color) {
  const bool colored = use_color(color, stderr);
  for (const Diagnostic& d : diagnostics.all()) std::cerr << format_diagnostic_text(d, colored);
}

int write_skeleton(const Project& project, const PartialDate& month,
                   const std::vector<const Policy*>& month_policies) {
  const fs::path file = bulletin_file(project.root, month);
  const std::string display = display_path(file);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::string error;
  const std::string text = bulletin_skeleton(month, month_policies, project.registry,
                                             has_own_schema_file(project, kBulletinSchemaFile));
  switch (create_file_atomically(file, text, error)) {
    case WriteResult::Exists:
      throw UsageError(trf("{} already exists; --init never overwrites it", display),
                       trf("edit it, or delete it first to start again from the data; "
                           "'ccnt report --month {}' renders it",
                           month.to_string()));
    case WriteResult::Refused:
    case WriteResult::Failed:
      throw UsageError(trf("cannot write {}: {}", display, error));
    case WriteResult::Written:
      break;
  }
  std::cout << trf(
      "wrote {} listing {} added in {}\n"
      "next: replace its TODO lines, run 'ccnt validate', then 'ccnt report --month {} -o "
      "bulletin.md'\n",
      display,
      month_policies.size() == 1 ? trf("1 policy") : trf("{} policies", month_policies.size()),
      month.to_string(), month.to_string());
  return kExitOk;
}

// The editorial plan of the month: its file, checked, or a draft from the data;
// nullopt (after printing why) when the file has errors.
std::optional<BulletinEditorial> editorial_or_draft(const Project& project,
                                                    const PartialDate& month,
                                                    const std::vector<Policy>& policies,
                                                    const Diagnostics& load_problems,
                                                    ColorMode color) {
  const fs::path file = bulletin_file(project.root, month);
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    std::cerr << trf(
        "ccnt: note: no {}; rendering a draft from the data (run 'ccnt report --month {} "
        "--init' to start one)\n",
        display_path(file), month.to_string());
    return draft_bulletin(month, policies_added_in(policies, month), project.registry);
  }
  Diagnostics diagnostics;
  // A listed policy left out for its errors is said to be so (E145), not unknown (E062).
  KnockOn knock_on = knock_on_of(load_problems, project.policies_dir());
  auto editorial =
      load_bulletin_editorial(file, BulletinPolicyIndex(policies), diagnostics, &knock_on);
  report_unresolved_entries(knock_on, diagnostics, [](const std::string&) { return false; });
  apply_warning_levels(project.settings, diagnostics);
  diagnostics.sort();
  print_diagnostics(diagnostics, color);
  if (!editorial || diagnostics.error_count() > 0) {
    std::cerr << trf("ccnt: error: {} has errors; the bulletin was not rendered\n",
                     display_path(file));
    return std::nullopt;
  }
  return editorial;
}

struct BulletinTemplate {
  std::string text;
  std::string path;  // as displayed
};

// The layout: --template FILE, else .ccnt.yaml's `bulletin: template:`, else the tree's
// templates/bulletin.md.mustache, else the template built into ccnt.
BulletinTemplate read_template_or_throw(const Project& project, const std::string& option,
                                        ColorMode color) {
  fs::path file;
  if (!option.empty()) {
    file = option;
  } else if (!project.settings.bulletin_template.empty()) {
    file = project.settings.bulletin_template;
  } else if (auto found = find_bulletin_template(project.root)) {
    file = *found;
  } else {
    return {std::string(builtin_bulletin_template()), std::string(tr("the built-in template"))};
  }
  const std::string display = display_path(file);
  Diagnostics diagnostics;
  // A file the tree names (its settings or templates/) may not lead out of it; --template may.
  std::optional<std::string> text = option.empty()
                                        ? read_tree_file(file, display, project.tree, diagnostics)
                                        : read_source_file(file, display, diagnostics);
  if (text) check_bulletin_template(*text, display, diagnostics);
  apply_warning_levels(project.settings, diagnostics);
  print_diagnostics(diagnostics, color);
  if (!text || diagnostics.error_count() > 0) {
    std::string hint;
    if (!option.empty())
      hint = trf("fix the problem above, or leave out --template to use the default one");
    else if (!project.settings.bulletin_template.empty())
      hint = trf("fix the problem above, or the `bulletin: template:` of {}",
                 std::string(kSettingsFileName));
    else
      hint = trf("fix the problem above, or remove {} to use the built-in one", display);
    throw UsageError(trf("cannot use the template {}", display), hint);
  }
  return {std::move(*text), display};
}

}  // namespace

int run_report(const Options& options) {
  const ReportOptions& opts = options.report;
  if (opts.print_template) {
    std::cout << builtin_bulletin_template();
    return kExitOk;
  }
  const PartialDate month = parse_month_or_throw(opts.month);
  const Project project = open_project_or_throw(options.global);
  const PolicyFilter everything = make_filter_or_throw(FilterOptions{}, project);
  // The bulletin quotes the month's policies and compares them with national ones.
  std::size_t left_out = 0;
  Diagnostics load_problems;
  const std::vector<Policy> policies = load_matching_policies(
      project, everything, options.global,
      [&month](const Policy& p) { return is_national_policy(p) || added_in_month(p, month); },
      &left_out, &load_problems);
  const std::vector<const Policy*> month_policies = policies_added_in(policies, month);
  if (month_policies.empty())
    std::cerr << trf("ccnt: warning: no policy has `added` in {}\n", month.to_string());

  if (opts.init) return write_skeleton(project, month, month_policies);

  const BulletinTemplate layout =
      read_template_or_throw(project, opts.template_file, options.global.color);
  const auto editorial =
      editorial_or_draft(project, month, policies, load_problems, options.global.color);
  if (!editorial) return kExitProblems;
  Diagnostics diagnostics;
  auto bulletin = render_bulletin(layout.text, layout.path, *editorial, policies, project.registry,
                                  diagnostics);
  apply_warning_levels(project.settings, diagnostics);
  print_diagnostics(diagnostics, options.global.color);
  if (!bulletin) throw UsageError(trf("cannot render the bulletin with {}", layout.path));
  // Said in the bulletin itself (a Markdown comment, not rendered) so that it cannot go unseen.
  if (const std::string note = left_out_note(left_out); !note.empty())
    *bulletin += "\n<!-- ccnt: " + note.substr(0, note.size() - 1) + " -->\n";

  if (opts.output.empty() || opts.output == "-") {
    // On standard output (a terminal, a CI log) no character of the template or the data acts.
    std::cout << without_ci_commands(visible_text(*bulletin, LineBreaks::Keep));
    return kExitOk;
  }
  write_output_file(opts.output, *bulletin);
  return kExitOk;
}

}  // namespace ccnt::cli
