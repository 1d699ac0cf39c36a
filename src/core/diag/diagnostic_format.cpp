#include "core/diag/diagnostic_format.hpp"

#include <sstream>

#include <fmt/format.h>

#include "core/diag/diagnostic_markdown.hpp"
#include "core/diag/message_catalog.hpp"
#include "core/output/json_writer.hpp"
#include "core/output/visible_text.hpp"

namespace ccnt {
namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kRed = "\x1b[1;31m";
constexpr const char* kYellow = "\x1b[1;33m";
constexpr const char* kCyan = "\x1b[1;36m";
constexpr const char* kReset = "\x1b[0m";

// The path as text output shows it: escaped, and never starting like a workflow command or a
// blank (`./::x.yaml`), so that a file name cannot forge a line of a CI log.
std::string shown_path(std::string_view path) {
  std::string shown = visible_text(path);
  if (!shown.empty() && (shown.front() == ' ' || shown.starts_with("::"))) shown.insert(0, "./");
  return shown;
}

std::string location(const Diagnostic& d) {
  if (d.mark.line == 0) return shown_path(d.path);
  return fmt::format("{}:{}:{}", shown_path(d.path), d.mark.line, d.mark.column);
}

std::string severity_name(Severity severity) {
  return severity == Severity::Error ? trf("error") : trf("warning");
}

// Escapes the message part of a GitHub workflow command.
std::string github_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

// Escapes a property value of a GitHub workflow command.
std::string github_property(std::string_view text) {
  std::string out;
  for (char c : github_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

// "1 file", "2 files", "3 policies", in the current language.
std::string files_text(std::size_t n) {
  return n == 1 ? trf("1 file") : trf("{} files", n);
}
std::string policies_text(std::size_t n) {
  return n == 1 ? trf("1 policy") : trf("{} policies", n);
}
std::string errors_text(std::size_t n) {
  return n == 1 ? trf("1 error") : trf("{} errors", n);
}
std::string warnings_text(std::size_t n) {
  return n == 1 ? trf("1 warning") : trf("{} warnings", n);
}

}  // namespace

std::string validation_summary(const Diagnostics& diagnostics, std::size_t files,
                               std::size_t policies, std::size_t stubs) {
  const std::size_t errors = diagnostics.error_count();
  const std::size_t warnings = diagnostics.warning_count();
  if (errors == 0 && warnings == 0)
    return trf(
        "checked {} in {}: no problems found",
        stubs == 0 ? policies_text(policies) : trf("{} ({} stubs)", policies_text(policies), stubs),
        files_text(files));
  if (stubs == 0)
    return trf("checked {}: {}, {}", files_text(files), errors_text(errors),
               warnings_text(warnings));
  return trf("checked {} ({} stubs): {}, {}", files_text(files), stubs, errors_text(errors),
             warnings_text(warnings));
}

std::string format_diagnostic_text(const Diagnostic& d, bool color) {
  const bool error = d.severity == Severity::Error;
  std::string out =
      fmt::format("{}{}:{} {}{}[{}]:{} {}\n", color ? kBold : "", location(d), color ? kReset : "",
                  color ? (error ? kRed : kYellow) : "", severity_name(d.severity), d.code,
                  color ? kReset : "", visible_text(d.message));
  if (!d.hint.empty())
    out += fmt::format("  {}{}{}{}\n", color ? kCyan : "", tr("hint: "), color ? kReset : "",
                       visible_text(d.hint));
  return without_ci_commands(std::move(out));
}

namespace {

// Collects output in a buffer of bounded size and hands it to the stream whenever it fills up.
class ChunkedOutput {
 public:
  explicit ChunkedOutput(std::ostream& out) : out_(out) {}
  ~ChunkedOutput() { flush(); }
  ChunkedOutput(const ChunkedOutput&) = delete;
  ChunkedOutput& operator=(const ChunkedOutput&) = delete;

  std::string& buffer() { return buffer_; }
  void flush_if_full() {
    if (buffer_.size() >= kChunk) flush();
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kChunk = 64 * 1024;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace

void write_diagnostics(std::ostream& stream, const Diagnostics& diagnostics,
                       DiagnosticFormat format, std::size_t files, std::size_t policies, bool color,
                       std::size_t stubs) {
  ChunkedOutput chunked(stream);
  std::string& out = chunked.buffer();
  const std::size_t errors = diagnostics.error_count();
  const std::size_t warnings = diagnostics.warning_count();
  switch (format) {
    case DiagnosticFormat::Text: {
      for (const Diagnostic& d : diagnostics.all()) {
        out += format_diagnostic_text(d, color);
        chunked.flush_if_full();
      }
      out += validation_summary(diagnostics, files, policies, stubs) + '\n';
      break;
    }
    case DiagnosticFormat::Json: {
      JsonWriter json(out, true);
      json.begin_object();
      json.key("files").value(files);
      json.key("valid_policies").value(policies);
      json.key("stubs").value(stubs);
      json.key("errors").value(errors);
      json.key("warnings").value(warnings);
      json.key("diagnostics").begin_array();
      for (const Diagnostic& d : diagnostics.all()) {
        json.begin_object();
        json.key("path").value(d.path);
        json.key("line").value(d.mark.line);
        json.key("column").value(d.mark.column);
        json.key("severity").value(severity_name(d.severity));
        json.key("code").value(d.code);
        json.key("message").value(d.message);
        if (!d.hint.empty()) json.key("hint").value(d.hint);
        json.end_object();
        chunked.flush_if_full();
      }
      json.end_array();
      json.end_object();
      out += '\n';
      break;
    }
    case DiagnosticFormat::Github: {
      for (const Diagnostic& d : diagnostics.all()) {
        // GitHub's command names, whatever the language.
        out += fmt::format("::{} file={}", d.severity == Severity::Error ? "error" : "warning",
                           github_property(visible_text(d.path)));
        if (d.mark.line > 0) out += fmt::format(",line={},col={}", d.mark.line, d.mark.column);
        out += fmt::format(
            ",title={}::{}", github_property("ccnt " + d.code),
            github_data(d.hint.empty() ? visible_text(d.message)
                                       : visible_text(d.message) + "\n" + visible_text(d.hint)));
        out += '\n';
        chunked.flush_if_full();
      }
      out += trf("checked {}: {}, {}\n", files_text(files), errors_text(errors),
                 warnings_text(warnings));
      break;
    }
    case DiagnosticFormat::Markdown:
      chunked.flush();
      write_diagnostics_markdown(stream, diagnostics, files, policies, stubs);
      break;
  }
}

std::string format_diagnostics(const Diagnostics& diagnostics, DiagnosticFormat format,
                               std::size_t files, std::size_t policies, bool color,
                               std::size_t stubs) {
  std::ostringstream out;
  write_diagnostics(out, diagnostics, format, files, policies, color, stubs);
  return std::move(out).str();
}

}  // namespace ccnt
