#include <catch2/catch.hpp>

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
