// Rendering diagnostics for people (text), programs (json) and GitHub Actions
// (workflow-command annotations).
#pragma once

#include <ostream>
#include <string>

#include "core/diag/diagnostic.hpp"

namespace ccnt {

enum class DiagnosticFormat { Text, Json, Github, Markdown };

// Renders all diagnostics, then a summary line (text) or object fields (json);
// `files` is how many files were checked, `policies` how many passed, `stubs` how many of those
// are stubs (said only when there are any).
std::string format_diagnostics(const Diagnostics& diagnostics, DiagnosticFormat format,
                               std::size_t files, std::size_t policies, bool color,
                               std::size_t stubs = 0);

// The same, written to `stream` a few kilobytes at a time, so that a run with a million problems
// never holds its whole report in memory besides the diagnostics themselves.
void write_diagnostics(std::ostream& stream, const Diagnostics& diagnostics,
                       DiagnosticFormat format, std::size_t files, std::size_t policies, bool color,
                       std::size_t stubs = 0);

// The summary line of a validation, without a line break: "checked 19 files: 2 errors, 1
// warning", or "checked 18 policies in 19 files: no problems found".
std::string validation_summary(const Diagnostics& diagnostics, std::size_t files,
                               std::size_t policies, std::size_t stubs);

// One diagnostic in compiler style: path:line:col: error[E012]: message, and its hint.
std::string format_diagnostic_text(const Diagnostic& diagnostic, bool color);

}  // namespace ccnt
