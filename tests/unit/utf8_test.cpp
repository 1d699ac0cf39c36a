#include <catch2/catch.hpp>

#include "core/util/utf8.hpp"

using namespace ccnt;

TEST_CASE("find_invalid_utf8 accepts UTF-8 and finds the first bad byte") {
  CHECK_FALSE(find_invalid_utf8("浙江 zhejiang 🌏"));
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2u);     // overlong
  CHECK(find_invalid_utf8("a\xED\xA0\x80") == 1u);  // surrogate
  CHECK(find_invalid_utf8("\xE4\xB8") == 0u);       // truncated
}

TEST_CASE("mark_at counts columns in code points") {
  const std::string text = "ab\n中文x";
  CHECK(mark_at(text, 0).line == 1);
  const Mark x = mark_at(text, text.size() - 1);
  CHECK(x.line == 2);
  CHECK(x.column == 3);
}
