#include "core/diag/diagnostic_markdown.hpp"

#include <map>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "core/diag/diagnostic_format.hpp"
#include "core/diag/message_catalog.hpp"
#include "core/output/markdown_escape.hpp"
#include "core/output/visible_text.hpp"

namespace ccnt {
namespace {

// Text from a file (a path, a message quoting a value) as one table cell: control and invisible
// characters shown as escapes, then Markdown markup and `|` escaped.
std::string cell(std::string_view text) {
  return markdown_escape_inline(visible_text(text));
}

std::string severity_word(Severity severity) {
  return severity == Severity::Error ? trf("error") : trf("warning");
}

std::string row(const Diagnostic& d) {
  std::string message = cell(d.message);
  if (!d.hint.empty()) message += "<br>" + cell(std::string(tr("hint: ")) + d.hint);
  return fmt::format("| {} | {} | {} | {} | {} |\n", cell(d.path),
                     d.mark.line > 0 ? std::to_string(d.mark.line) : std::string("–"), cell(d.code),
                     severity_word(d.severity), message);
}

}  // namespace

void write_diagnostics_markdown(std::ostream& stream, const Diagnostics& diagnostics,
                                std::size_t files, std::size_t policies, std::size_t stubs,
                                std::size_t max_bytes) {
  std::string head = "### ccnt validate\n\n";
  head += validation_summary(diagnostics, files, policies, stubs) + "\n";
  if (diagnostics.empty()) {
    stream << head;
    return;
  }

  // How many problems of each code, errors first, each group in code order.
  std::map<std::pair<int, std::string>, std::size_t> counts;
  for (const Diagnostic& d : diagnostics.all())
    ++counts[{d.severity == Severity::Error ? 0 : 1, d.code}];
  head += fmt::format("\n| {} | {} | {} |\n| --- | --- | ---: |\n", tr("code"), tr("severity"),
                      tr("count"));
  for (const auto& [key, count] : counts)
    head += fmt::format("| {} | {} | {} |\n", cell(key.second),
                        severity_word(key.first == 0 ? Severity::Error : Severity::Warning), count);
  head += fmt::format("\n| {} | {} | {} | {} | {} |\n| --- | ---: | --- | --- | --- |\n",
                      tr("file"), tr("line"), tr("code"), tr("severity"), tr("message"));
  stream << head;

  // Room kept for the last row, which says how many rows were left out.
  constexpr std::size_t kLastRowRoom = 512;
  std::size_t written = head.size();
  std::size_t shown = 0;
  for (const Diagnostic& d : diagnostics.all()) {
    std::string line = row(d);
    if (written + line.size() + kLastRowRoom > max_bytes) break;
    written += line.size();
    stream << line;
    ++shown;
  }
  if (shown < diagnostics.size())
    stream << fmt::format("| … | | | | {} |\n",
                          trf("and {} more problems, left out to keep this report under "
                              "GitHub's size limit; `ccnt validate` lists them all",
                              diagnostics.size() - shown));
}

}  // namespace ccnt
