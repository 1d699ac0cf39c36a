#include <catch2/catch.hpp>

#include <string_view>

#include "core/policy/text_checks.hpp"
#include "core/yaml/yaml_reader.hpp"

using namespace ccnt;

namespace {

// The diagnostics of the text checks (policy rules) on a YAML document that must parse.
Diagnostics checked(std::string_view yaml, const TextRules& rules = policy_text_rules()) {
  Diagnostics parse;
  auto node = parse_yaml(yaml, "p.yaml", parse);
  INFO(yaml);
  REQUIRE(parse.empty());
  REQUIRE(node);
  Diagnostics out;
  check_text(*node, "p.yaml", rules, out);
  return out;
}

Diagnostic only(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.all()) UNSCOPED_INFO(d.code << " " << d.message);
  REQUIRE(diagnostics.all().size() == 1);
  return diagnostics.all().front();
}

}  // namespace

TEST_CASE("text checks accept ordinary text") {
  CHECK(checked("title: 浙江省 Energy 方案\nsummary: \"第一段\\n\\t第二段\"\n"
                "issuers: [浙江省发展和改革委员会, 浙江省能源局]\ntags: [储能]\n")
            .empty());
  CHECK(checked("title: a\u00A0b\n").empty());  // a single NBSP is one space
}

TEST_CASE("text checks reject control characters written as YAML escapes") {
  const Diagnostic d = only(checked("title: \"red \\e[31m text\"\n"));
  CHECK(d.code == "E080");
  CHECK(d.message == "`title` contains a control character");
  CHECK(d.hint == "U+001B ESCAPE at column 5 of the value: remove it");
  CHECK(d.mark.line == 1);
  CHECK(d.mark.column == 8);
  CHECK(only(checked("summary: \"\\e]0;title\\a\"\n")).code == "E080");
  CHECK(only(checked("summary: \"a\\rb\"\n")).code == "E080");  // CR even where lines are allowed
  CHECK(only(checked("tags: [\"x\\x7f\"]\n")).message == "`tags[0]` contains a control character");
  CHECK(only(checked("title: \"\\x85\"\n")).hint ==
        "U+0085 NEXT LINE at column 1 of the value: "
        "remove it");
  CHECK(only(checked("title: \"a\\Lb\"\n")).code == "E080");  // U+2028 LINE SEPARATOR
}

TEST_CASE("text checks reject bidi controls and zero-width characters, keys included") {
  Diagnostic d = only(checked("title: \"abcdefghijk\\u202eevil\"\n"));
  CHECK(d.code == "E081");
  CHECK(d.hint.starts_with("U+202E RIGHT-TO-LEFT OVERRIDE at column 12 of the value"));
  d = only(checked("title: 碳\u200B中和\n"));
  CHECK(d.code == "E082");
  CHECK(d.hint.starts_with("U+200B ZERO WIDTH SPACE at column 2"));
  CHECK(only(checked("summary: \"\\ufeffx\"\n")).code == "E082");
  d = only(checked("\"ti\\u2060tle\": x\n"));
  CHECK(d.code == "E082");
  CHECK(d.message == "the key `ti\u2060tle` contains an invisible zero-width character");
  d = only(checked("targets:\n  - scope: \"a\\u2066b\"\n"));
  CHECK(d.message == "`targets[0].scope` contains a bidirectional control character");
}

TEST_CASE("text checks allow line breaks only in multi-line fields") {
  CHECK(checked("summary: |\n  line one\n  line two\n").empty());
  Diagnostic d = only(checked("title: \"one\\ntwo\"\n"));
  CHECK(d.code == "E083");
  CHECK(d.message == "`title` contains a line break");
  d = only(checked("targets:\n  - text: \"a\\tb\"\n"));
  CHECK(d.code == "E083");
  CHECK(d.message == "`targets[0].text` contains a tab");
  CHECK(only(checked("\"a\\nb\": x\n")).code == "E083");
  CHECK(checked("lead: |\n  para\n\n  para\n", editorial_text_rules()).empty());
}

TEST_CASE("text checks keep titles and issuers free of stray spaces") {
  CHECK(only(checked("title: \" 方案\"\n")).message == "`title` starts with a space");
  CHECK(only(checked("title: \"方案 \"\n")).message == "`title` ends with a space");
  const Diagnostic d = only(checked("title: \"浙江  方案\"\n"));
  CHECK(d.code == "E084");
  CHECK(d.message == "`title` has doubled spaces");
  CHECK(d.hint == "at column 3 of the value: write one space between words");
  CHECK(only(checked("issuers: [\"a \\u3000b\"]\n")).message == "`issuers[0]` has doubled spaces");
  CHECK(only(checked("title_en: \"Plan \"\n")).code == "E084");
  CHECK(checked("summary: \"two  spaces are fine here \"\n").empty());
  CHECK(checked("tags: [\" x\"]\n").empty());
}
