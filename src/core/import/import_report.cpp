#include "core/import/import_report.hpp"

#include <fmt/format.h>

#include "core/diag/diagnostic_format.hpp"
#include "core/diag/message_catalog.hpp"
#include "core/output/visible_text.hpp"

namespace ccnt {
namespace {

// Text from the export as it may be shown: see visible_text.
std::string escaped(std::string_view text) {
  return visible_text(text);
}

}  // namespace

std::string format_import_report(const ImportReport& report, const std::string& display,
                                 bool dry_run) {
  std::string out;
  for (const ImportEntry& entry : report.entries) {
    switch (entry.outcome) {
      case ImportOutcome::Added:
        out += fmt::format("{} {}  {}\n", trf("added    "), entry.path, escaped(entry.title));
        break;
      case ImportOutcome::Updated: {
        std::string fields;
        for (const std::string& field : entry.changed)
          fields += (fields.empty() ? "" : ", ") + field;
        out += fmt::format("{} {}  {}\n", trf("updated  "), entry.path, trf("changed: {}", fields));
        break;
      }
      case ImportOutcome::Rejected:
        for (const Diagnostic& d : entry.problems.all()) {
          Diagnostic shown = d;
          shown.message = escaped(d.message);
          shown.hint = escaped(d.hint);
          out += format_diagnostic_text(shown, false);
        }
        break;
      case ImportOutcome::Unchanged:
        continue;
    }
    for (const std::string& note : entry.notes)
      out += fmt::format("  {}{}:{}: {}\n", trf("note: "), display, entry.line, escaped(note));
  }
  out += trf("import: {} added, {} updated, {} unchanged, {} rejected", report.added,
             report.updated, report.unchanged, report.rejected);
  out += dry_run ? trf(" (dry run: nothing written)\n") : std::string("\n");
  return out;
}

}  // namespace ccnt
