#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/diag/diagnostic_markdown.hpp"
#include "core/tree/validation.hpp"
#include "core/util/atomic_write.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

namespace {

DiagnosticFormat parse_format(const std::string& name) {
  if (name == "json") return DiagnosticFormat::Json;
  if (name == "github") return DiagnosticFormat::Github;
  if (name == "markdown") return DiagnosticFormat::Markdown;
  return DiagnosticFormat::Text;
}

// --summary FILE: the report in Markdown, added to the end of FILE through the one writer.
void append_summary(const std::string& file, const Validation& validation) {
  std::ostringstream markdown;
  write_diagnostics_markdown(markdown, validation.diagnostics, validation.files, validation.valid,
                             validation.stubs, kStepSummaryMaxBytes);
  std::string error;
  switch (append_file_atomically(file, std::move(markdown).str(), error)) {
    case WriteResult::Written:
    case WriteResult::Exists:
      return;
    case WriteResult::Refused:
      throw UsageError(trf("cannot write {}: {}", file, error),
                       trf("name a new or regular file; docs/security.md says what ccnt writes"));
    case WriteResult::Failed:
      break;
  }
  throw UsageError(trf("cannot write {}: {}", file, error),
                   trf("check that the directory exists and is writable"));
}

}  // namespace

int run_validate(const Options& options) {
  const ValidateOptions& opts = options.validate;
  const Project project = open_project_or_throw(options.global, SettingsErrors::Report);
  std::vector<fs::path> paths;
  for (const std::string& arg : opts.paths) {
    std::error_code ec;
    fs::path path = fs::absolute(arg, ec).lexically_normal();
    if (!fs::exists(path, ec)) throw UsageError(trf("no such file or directory: {}", arg));
    paths.push_back(std::move(path));
  }
  // Checking needs no policy's text after its own file is checked.
  const LoadOptions load{
      .jobs = options.global.jobs, .use_cache = !options.global.no_cache, .text = false};
  const Validation validation = validate_paths(project, paths, load);
  write_diagnostics(std::cout, validation.diagnostics, parse_format(opts.format), validation.files,
                    validation.valid,
                    opts.format == "text" && use_color(options.global.color, stdout),
                    validation.stubs);
  if (!opts.summary.empty()) {
    std::cout.flush();
    append_summary(opts.summary, validation);
  }
  const bool failed = validation.diagnostics.error_count() > 0 ||
                      (opts.strict && validation.diagnostics.warning_count() > 0);
  return failed ? kExitProblems : kExitOk;
}

}  // namespace ccnt::cli
