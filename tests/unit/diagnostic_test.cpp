#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "core/diag/diagnostic.hpp"

using namespace ccnt;

namespace {

Diagnostics many(int errors, int warnings) {
  Diagnostics diagnostics;
  // Added out of order: the ones kept are the first by position.
  for (int i = errors; i >= 1; --i) diagnostics.error("E022", "p.yaml", {i, 1}, "bad");
  for (int i = 1; i <= warnings; ++i) diagnostics.warning("W007", "p.yaml", {1000 + i, 1}, "odd");
  return diagnostics;
}

}  // namespace

TEST_CASE("limit_per_file keeps the first 100 by position and sums up the rest") {
  Diagnostics diagnostics = many(150, 0);
  diagnostics.limit_per_file();
  REQUIRE(diagnostics.all().size() == 101);
  CHECK(diagnostics.all()[0].mark.line == 1);
  CHECK(diagnostics.all()[99].mark.line == 100);
  const Diagnostic& last = diagnostics.all()[100];
  CHECK(last.code == "E071");
  CHECK(last.severity == Severity::Error);
  CHECK(last.message == "… and 50 more problems in this file");
  CHECK(last.hint == "fix the problems shown and run ccnt again to see the rest");
  CHECK(last.mark.line == 100);  // stays last when the run's diagnostics are sorted
  diagnostics.sort();
  CHECK(diagnostics.all()[100].code == "E071");
}

TEST_CASE("limit_per_file: W071 when only warnings are left out, nothing at the limit") {
  Diagnostics warnings = many(100, 1);
  warnings.limit_per_file();
  REQUIRE(warnings.all().size() == 101);
  CHECK(warnings.all()[100].code == "W071");
  CHECK(warnings.all()[100].severity == Severity::Warning);
  CHECK(warnings.all()[100].message == "… and 1 more problem in this file");

  Diagnostics exact = many(100, 0);
  exact.limit_per_file();
  CHECK(exact.all().size() == 100);
  CHECK(exact.all()[99].code == "E022");
}

TEST_CASE("sort orders by path and position, equal positions in the order they came") {
  // A sorted run (a tree's files) followed by an unsorted tail (the checks across files), with
  // equal positions on both sides: the result is that of a stable sort of the whole list.
  Diagnostics diagnostics;
  for (int file = 0; file < 50; ++file)
    for (int line = 1; line <= 3; ++line)
      diagnostics.error("E022", fmt::format("policies/f{:02}.yaml", file), {line, 1}, "first");
  for (int file = 49; file >= 0; file -= 7)
    diagnostics.warning("W050", fmt::format("policies/f{:02}.yaml", file), {2, 1}, "second");
  diagnostics.error("E070", ".ccnt-cache/x", {}, "cache");
  std::vector<Diagnostic> expected = diagnostics.all();
  std::stable_sort(expected.begin(), expected.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.mark.line, a.mark.column) <
           std::tie(b.path, b.mark.line, b.mark.column);
  });
  diagnostics.sort();
  REQUIRE(diagnostics.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("diagnostic " << i);
    CHECK(diagnostics.all()[i].path == expected[i].path);
    CHECK(diagnostics.all()[i].mark.line == expected[i].mark.line);
    CHECK(diagnostics.all()[i].message == expected[i].message);
  }
  CHECK(diagnostics.all().front().code == "E070");
  CHECK(diagnostics.all()[2].message == "first");  // f00.yaml:2: the file's own, then W050
  CHECK(diagnostics.all()[3].message == "second");
}

TEST_CASE("keep_if drops the others in place, keeping the order") {
  Diagnostics diagnostics = many(5, 2);
  diagnostics.keep_if([](const Diagnostic& d) { return d.mark.line % 2 == 1; });
  std::vector<int> lines;
  for (const Diagnostic& d : diagnostics.all()) lines.push_back(d.mark.line);
  CHECK(lines == std::vector<int>{5, 3, 1, 1001});
}
