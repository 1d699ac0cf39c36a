// Where an export goes: standard output, or the file of -o written with the one atomic writer;
// a workbook (xlsx) only to a file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/output/output_format.hpp"
#include "core/output/sheet.hpp"

namespace ccnt::cli {

// Writes `content` to `file` atomically (core/util/atomic_write.hpp); a `binary` content is
// refused at a terminal. UsageError (exit 2) saying why when it cannot be written.
void write_output_file(const std::string& file, std::string_view content, bool binary = false);

// Sends a command's text output to `output` (-o), or to standard output when it is empty or
// "-"; `format` must not be binary.
void emit_text(const std::string& output, std::string_view text);

// Writes the workbook of `sheets` to `output`; UsageError when there is no -o FILE (a workbook
// is never written to standard output) or the workbook cannot be written.
void emit_workbook(const std::string& output, const std::vector<Sheet>& sheets);

// The width to fit a table to: `asked` (--width) when set, else the terminal's when the output
// goes to standard output, else no limit (0) for a file.
std::size_t table_width(const std::string& output, std::size_t asked = 0);

// UsageError unless `format` can go where `output` says: a binary format needs -o FILE. Called
// before any work, so that a wrong command line fails at once.
void check_output_target(OutputFormat format, const std::string& output);

}  // namespace ccnt::cli
