// The text `ccnt import` prints: one line per added, updated or rejected row (with the reasons),
// notes on what was left out, and a count line.
#pragma once

#include <string>

#include "core/import/importer.hpp"

namespace ccnt {

// The report as text. Titles and messages go through visible_text, so that no byte of an export
// acts on the terminal.
std::string format_import_report(const ImportReport& report, const std::string& display,
                                 bool dry_run);

}  // namespace ccnt
