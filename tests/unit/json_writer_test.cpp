#include <catch2/catch.hpp>

#include "core/output/json_writer.hpp"
#include "core/util/utf8.hpp"

using ccnt::append_json_string;

namespace {
std::string json(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}
}  // namespace

TEST_CASE("JSON strings keep UTF-8 text and escape controls") {
  CHECK(json("浙江 \"q\" \\") == "\"浙江 \\\"q\\\" \\\\\"");
  CHECK(json("a\nb\x1b\x7f") == "\"a\\nb\\u001b\\u007f\"");
}

TEST_CASE("JSON strings are UTF-8 whatever the input") {
  const std::string out = json("bad \xff\xfe and cut \xe7\xa2");
  CHECK(out == "\"bad \xEF\xBF\xBD\xEF\xBF\xBD and cut \xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK_FALSE(ccnt::find_invalid_utf8(out));
}

TEST_CASE("JSON strings escape invisible characters and CI commands") {
  CHECK(json("a\u202Eb\u200Bc\u0085d\u2028") == "\"a\\u202eb\\u200bc\\u0085d\\u2028\"");
  CHECK(json("x ##[add-mask]y") == "\"x ##\\u005badd-mask]y\"");
  CHECK(json("[a]") == "\"[a]\"");
}
