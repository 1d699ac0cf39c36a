#include <catch2/catch.hpp>

#include "core/util/text_normalize.hpp"

using ccnt::comparison_form;

TEST_CASE("comparison_form leaves a plain title as it is") {
  CHECK(comparison_form("浙江省工业领域碳达峰实施方案") == "浙江省工业领域碳达峰实施方案");
  CHECK(comparison_form("Guangdong Energy Storage Plan") == "Guangdong Energy Storage Plan");
  CHECK(comparison_form("") == "");
}

TEST_CASE("comparison_form compares titles as a reader sees them") {
  const std::string title = comparison_form("浙江省 工业领域方案");
  CHECK(comparison_form("浙江省\u00A0工业领域方案") == title);   // NBSP
  CHECK(comparison_form("浙江省\u3000工业领域方案") == title);   // ideographic space
  CHECK(comparison_form("浙江省  工业领域方案") == title);       // doubled space
  CHECK(comparison_form(" 浙江省 工业领域方案\t") == title);     // around it
  CHECK(comparison_form("浙江省 工业\u200B领域方案") == title);  // zero-width space
  CHECK(comparison_form("浙江省 工\u2060业领\uFEFF域方案") == title);
  CHECK(comparison_form("浙江省 工业领域\u202E方案") == title);  // bidi control
  CHECK(comparison_form("浙江省\n工业领域方案") == title);
  CHECK(comparison_form("浙江省工业领域方案") != title);  // a space is still a space
}

TEST_CASE("comparison_form applies NFKC") {
  CHECK(comparison_form("ＡＢＣ１２３") == "ABC123");            // full-width letters and digits
  CHECK(comparison_form("（2023）") == "(2023)");                // full-width brackets
  CHECK(comparison_form("e\u0301") == "\u00E9");                 // composed
  CHECK(comparison_form("bad \xff bytes") == "bad \xff bytes");  // not UTF-8: left, collapsed
}
