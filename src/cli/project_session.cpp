#include "cli/project_session.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/messages.hpp"
#include "cli/usage_error.hpp"
#include "core/diag/diagnostic_format.hpp"

namespace ccnt::cli {

Project open_project_or_throw(const GlobalOptions& global, SettingsErrors settings) {
  std::string error;
  auto root = find_project_root(global.root, std::filesystem::current_path(), error);
  if (!root) throw UsageError(error);
  Diagnostics diagnostics;
  auto project = open_project(*root, diagnostics);
  const bool color = use_color(global.color, stderr);
  for (const Diagnostic& d : diagnostics.all()) std::cerr << format_diagnostic_text(d, color);
  if (!project)
    throw UsageError(trf("the schema or the registries have errors, listed above"),
                     trf("fix them in schemas/; ccnt cannot check policies without them"));
  const Diagnostics& problems = project->settings.problems;
  if (settings == SettingsErrors::Refuse && problems.error_count() > 0) {
    for (const Diagnostic& d : problems.all()) std::cerr << format_diagnostic_text(d, color);
    throw UsageError(trf("{} has errors, listed above", std::string(kSettingsFileName)),
                     trf("fix them; `ccnt validate` reports them too"));
  }
  return std::move(*project);
}

bool use_color(ColorMode mode, std::FILE* stream) {
  if (mode != ColorMode::Auto) return mode == ColorMode::Always;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(::fileno(stream)) != 0;
}

}  // namespace ccnt::cli
