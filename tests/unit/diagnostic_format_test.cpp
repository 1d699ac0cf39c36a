// Diagnostics written to a stream a chunk at a time: the same bytes as the whole report built at
// once, in every format, however many diagnostics there are.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include <fmt/format.h>

#include "core/diag/diagnostic_format.hpp"

using namespace ccnt;

namespace {

// Enough diagnostics for several chunks of output (each line is some 100 bytes).
Diagnostics many_diagnostics() {
  Diagnostics diagnostics;
  for (int file = 0; file < 2000; ++file) {
    const std::string path = fmt::format("policies/zhejiang/industry/zhejiang-{:04}.yaml", file);
    diagnostics.error("E021", path, {1, 1}, "missing required field `title`");
    diagnostics.warning("W031", path, {2, 5}, "odd, with a hint", "fix it: 50% of the time");
  }
  return diagnostics;
}

std::string written(const Diagnostics& diagnostics, DiagnosticFormat format) {
  std::ostringstream out;
  write_diagnostics(out, diagnostics, format, 2000, 0, false);
  return out.str();
}

}  // namespace

TEST_CASE("text output, written in chunks, is each diagnostic in order and the summary") {
  const Diagnostics diagnostics = many_diagnostics();
  std::string expected;
  for (const Diagnostic& d : diagnostics.all()) expected += format_diagnostic_text(d, false);
  expected += "checked 2000 files: 2000 errors, 2000 warnings\n";
  const std::string text = written(diagnostics, DiagnosticFormat::Text);
  CHECK(text.size() > 256 * 1024);
  CHECK(text == expected);
  CHECK(format_diagnostics(diagnostics, DiagnosticFormat::Text, 2000, 0, false) == expected);
}

TEST_CASE("json and github output, written in chunks, hold every diagnostic once, in order") {
  const Diagnostics diagnostics = many_diagnostics();
  const std::string json = written(diagnostics, DiagnosticFormat::Json);
  CHECK(json == format_diagnostics(diagnostics, DiagnosticFormat::Json, 2000, 0, false));
  CHECK(json.starts_with("{\n  \"files\": 2000,"));
  CHECK(json.ends_with("  ]\n}\n"));
  const auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(count(json, "\"code\": \"E021\"") == 2000);
  CHECK(json.find("zhejiang-1999.yaml") > json.find("zhejiang-1998.yaml"));
  const std::string github = written(diagnostics, DiagnosticFormat::Github);
  CHECK(count(github, "::error file=") == 2000);
  CHECK(count(github, "fix it: 50%25 of the time") == 2000);
  CHECK(github.ends_with("\nchecked 2000 files: 2000 errors, 2000 warnings\n"));
}
