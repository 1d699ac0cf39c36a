#include <catch2/catch.hpp>

#include "core/yaml/yaml_reader.hpp"
#include "core/yaml/yaml_slips.hpp"

using namespace ccnt;

namespace {

// The one diagnostic of parsing `text`.
Diagnostic only_diagnostic(std::string_view text) {
  Diagnostics diagnostics;
  parse_yaml(text, "x.yaml", diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  return diagnostics.all()[0];
}

}  // namespace

TEST_CASE("find_slip: a value starting with a YAML indicator is shown quoted") {
  const auto star = find_slip("id: x\nlead: **广州**率先\n", 2);
  REQUIRE(star);
  CHECK(star->kind == SlipKind::Alias);
  CHECK(star->hint ==
        "YAML reads a value starting with `*` as an alias (*name); write the text in double "
        "quotes: lead: \"**广州**率先\"");
  CHECK(find_slip("summary: &广州 文本\n", 1)->kind == SlipKind::Anchor);
  // Sharing as YAML writes it (an ASCII name) is E009's business, no slip.
  CHECK_FALSE(find_slip("summary: &x 文本\n", 1));
  CHECK_FALSE(find_slip("summary: *x\n", 1));
  CHECK(find_slip("summary: *x 文本\n", 1)->kind == SlipKind::Alias);
  CHECK(find_slip("summary: !重要 文本\n", 1)->kind == SlipKind::Tag);
  CHECK(find_slip("  - title: @广州\n", 1)->hint ==
        "YAML reserves `@` at the start of a value; write the text in double quotes:   - title: "
        "\"@广州\"");
  CHECK(find_slip("summary: `x`\n", 1)->kind == SlipKind::Reserved);
  CHECK(find_slip("summary: > 50%的产能\n", 1)->kind == SlipKind::Block);
  CHECK(find_slip("summary: \"含 \\\" 引号\"\n", 1) == std::nullopt);
  // A real block scalar header is no slip.
  CHECK_FALSE(find_slip("summary: |\n  文本\n", 1));
  CHECK_FALSE(find_slip("summary: >-  # folded\n  文本\n", 1));
}

TEST_CASE("find_slip: tabs, a missing space and a full-width colon, on the line or just before") {
  const auto tab = find_slip("tags:\n\t- 碳达峰\n", 2);
  REQUIRE(tab);
  CHECK(tab->kind == SlipKind::Tab);
  CHECK(tab->line == 2);
  const auto colon = find_slip("id: x\ntitle：广州市\nregion: y\n", 3);
  REQUIRE(colon);
  CHECK(colon->kind == SlipKind::FullWidthColon);
  CHECK(colon->line == 2);
  CHECK(
      colon->hint ==
      "after a key YAML needs an ASCII colon and a space, not the full-width `：`: title: 广州市");
  const auto space = find_slip("id:x\ntitle: y\n", 2);
  REQUIRE(space);
  CHECK(space->kind == SlipKind::NoSpace);
  CHECK(space->hint == "YAML needs a space after the colon of a key: id: x");
  CHECK_FALSE(find_slip("id: x\ntitle: y\nregion: z\nlevel: w\n", 4));
  CHECK_FALSE(find_slip("id: x\n", 7));  // past the end
}

TEST_CASE("key_slip_hint: a whole line read as a key") {
  CHECK(key_slip_hint("summary:广州") ==
        "YAML needs a space after the colon of a key: summary: 广州");
  CHECK(key_slip_hint("summary：广州")->starts_with("after a key YAML needs an ASCII colon"));
  CHECK_FALSE(key_slip_hint("sumary"));
  CHECK_FALSE(key_slip_hint("summary: x"));
}

TEST_CASE("parse_yaml: the slips' diagnostics carry their hints") {
  const Diagnostic alias = only_diagnostic("id: x\nlead: **广州**率先\n");
  CHECK(alias.code == "E006");
  CHECK(alias.hint.find("lead: \"**广州**率先\"") != std::string::npos);
  const Diagnostic anchor = only_diagnostic("id: x\nlead: &广州 率先\n");
  CHECK(anchor.code == "E009");
  CHECK(anchor.hint.find("lead: \"&广州 率先\"") != std::string::npos);
  const Diagnostic tag = only_diagnostic("id: x\nlead: !重要 率先\n");
  CHECK(tag.code == "E014");
  CHECK(tag.message == "`!重要` is read by YAML as a tag, not as text");
  CHECK(tag.mark.line == 2);
  CHECK(tag.hint.find("lead: \"!重要 率先\"") != std::string::npos);
  CHECK(only_diagnostic("id: !!str x\n").code == "E014");
  // A shared value that is no slip keeps the general hint.
  Diagnostics shared;
  parse_yaml("a: &x 1\nb: *x\n", "x.yaml", shared);
  REQUIRE(shared.all().size() == 2);  // the anchor and the alias
  for (const Diagnostic& d : shared.all()) {
    CHECK(d.code == "E009");
    CHECK(d.hint == "write each value out in full instead of sharing it");
  }
  // Quoted values are text, tags or not.
  Diagnostics none;
  CHECK(parse_yaml("lead: \"!重要 率先\"\ntitle: '*x'\n", "x.yaml", none));
  CHECK(none.all().empty());
}
