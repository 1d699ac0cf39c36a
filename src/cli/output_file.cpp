#include "cli/output_file.hpp"

#include <iostream>

#include "cli/messages.hpp"
#include "cli/terminal.hpp"
#include "cli/usage_error.hpp"
#include "core/output/xlsx_writer.hpp"
#include "core/util/atomic_write.hpp"

namespace ccnt::cli {

namespace {

bool to_stdout(const std::string& output) {
  return output.empty() || output == "-";
}

}  // namespace

void write_output_file(const std::string& file, std::string_view content, bool binary) {
  std::string error;
  switch (write_file_atomically(file, content, error, binary)) {
    case WriteResult::Written:
    case WriteResult::Exists:  // only create_file_atomically says so
      return;
    case WriteResult::Refused:
      throw UsageError(trf("cannot write {}: {}", file, error),
                       trf("name a new or regular file, or - for standard output; "
                           "docs/security.md says what ccnt writes"));
    case WriteResult::Failed:
      break;
  }
  throw UsageError(trf("cannot write {}: {}", file, error),
                   trf("check that the directory exists and is writable"));
}

void emit_text(const std::string& output, std::string_view text) {
  if (to_stdout(output))
    std::cout << text;
  else
    write_output_file(output, text);
}

std::size_t table_width(const std::string& output, std::size_t asked) {
  if (asked > 0) return asked;
  return to_stdout(output) ? terminal_width(stdout) : 0;
}

void check_output_target(OutputFormat format, const std::string& output) {
  if (is_binary(format) && to_stdout(output))
    throw UsageError(trf("--format {} writes a workbook, which is not for a terminal or a pipe",
                         format_name(format)),
                     trf("name the file with -o FILE, e.g. -o policies.xlsx"));
}

void emit_workbook(const std::string& output, const std::vector<Sheet>& sheets) {
  check_output_target(OutputFormat::Xlsx, output);
  std::string error;
  const auto bytes = workbook_bytes(sheets, error);
  if (!bytes) throw UsageError(trf("cannot write the workbook {}: {}", output, error));
  write_output_file(output, *bytes, true);
}

}  // namespace ccnt::cli
