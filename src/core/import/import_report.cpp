#include "core/import/import_report.hpp"

#include <fmt/format.h>

#include "core/diag/diagnostic_format.hpp"
#include "core/diag/message_catalog.hpp"

namespace ccnt {
namespace {

// Text with C0 and C1 control characters and DEL written as escapes.
std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
    else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
             static_cast<unsigned char>(text[i + 1]) <= 0x9f)
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));
    else out += static_cast<char>(c);
  }
  return out;
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
        for (const std::string& field : entry.changed) fields += (fields.empty() ? "" : ", ") + field;
        out += fmt::format("{} {}  {}\n", trf("updated  "), entry.path,
                           trf("changed: {}", fields));
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
