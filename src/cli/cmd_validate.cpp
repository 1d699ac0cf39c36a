#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/tree/validation.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

namespace {

DiagnosticFormat parse_format(const std::string& name) {
  if (name == "json") return DiagnosticFormat::Json;
  if (name == "github") return DiagnosticFormat::Github;
  return DiagnosticFormat::Text;
}

}  // namespace

int run_validate(const Options& options) {
  const ValidateOptions& opts = options.validate;
  const Project project = open_project_or_throw(options.global);
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
  const bool failed = validation.diagnostics.error_count() > 0 ||
                      (opts.strict && validation.diagnostics.warning_count() > 0);
  return failed ? kExitProblems : kExitOk;
}

}  // namespace ccnt::cli
