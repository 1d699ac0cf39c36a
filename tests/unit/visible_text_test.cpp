#include <catch2/catch.hpp>

#include "core/output/visible_text.hpp"
#include "core/util/hidden_chars.hpp"

using namespace ccnt;

TEST_CASE("hidden_kind sorts the characters a reader cannot see") {
  CHECK(hidden_kind(U'a') == HiddenKind::None);
  CHECK(hidden_kind(U'碳') == HiddenKind::None);
  CHECK(hidden_kind(U'\u00A0') == HiddenKind::None);  // a space, only not a breaking one
  CHECK(hidden_kind(U'\x1b') == HiddenKind::Control);
  CHECK(hidden_kind(U'\n') == HiddenKind::Control);
  CHECK(hidden_kind(U'\x7f') == HiddenKind::Control);
  CHECK(hidden_kind(U'\u0085') == HiddenKind::Control);
  CHECK(hidden_kind(U'\u009B') == HiddenKind::Control);
  CHECK(hidden_kind(U'\u2028') == HiddenKind::Control);
  CHECK(hidden_kind(U'\u202E') == HiddenKind::Bidi);
  CHECK(hidden_kind(U'\u2066') == HiddenKind::Bidi);
  CHECK(hidden_kind(U'\u200F') == HiddenKind::Bidi);
  CHECK(hidden_kind(U'\u200B') == HiddenKind::ZeroWidth);
  CHECK(hidden_kind(U'\u2060') == HiddenKind::ZeroWidth);
  CHECK(hidden_kind(U'\uFEFF') == HiddenKind::ZeroWidth);
}

TEST_CASE("hidden_char_name gives the code point and its name") {
  CHECK(hidden_char_name(U'\u202E') == "U+202E RIGHT-TO-LEFT OVERRIDE");
  CHECK(hidden_char_name(U'\x1b') == "U+001B ESCAPE");
  CHECK(hidden_char_name(U'\x7f') == "U+007F DELETE");
  CHECK(hidden_char_name(U'\u0090') == "U+0090 C1 CONTROL");
  CHECK(hidden_char_name(U'\uFEFF') == "U+FEFF ZERO WIDTH NO-BREAK SPACE");
}

TEST_CASE("visible_text escapes what a terminal would act on and leaves text alone") {
  CHECK(visible_text("浙江省 policy 2023") == "浙江省 policy 2023");
  CHECK(visible_text("") == "");
  CHECK(visible_text("a\x1b[31mred") == "a\\x1b[31mred");
  CHECK(visible_text("\x1b]0;title\a") == "\\x1b]0;title\\x07");
  CHECK(visible_text("x.yaml\nchecked 99 policies") == "x.yaml\\nchecked 99 policies");
  CHECK(visible_text("a\r\tb\x7f") == "a\\r\\tb\\x7f");
  CHECK(visible_text("abc\u202Edef") == "abc<U+202E>def");
  CHECK(visible_text("a\u200Bb\u2060c\uFEFF") == "a<U+200B>b<U+2060>c<U+FEFF>");
  CHECK(visible_text("\u0085\u009b") == "<U+0085><U+009B>");
  CHECK(visible_text("bad \xff\xc3 bytes") == "bad \\xff\\xc3 bytes");
  CHECK(visible_text("\xe7\xa2") == "\\xe7\\xa2");  // a cut sequence
}

TEST_CASE("visible_text with LineBreaks::Keep leaves newlines and tabs") {
  CHECK(visible_text("a\nb\tc", LineBreaks::Keep) == "a\nb\tc");
  CHECK(visible_text("a\r\nb\x1b", LineBreaks::Keep) == "a\\r\nb\\x1b");
  CHECK(is_visible_text("a\nb", LineBreaks::Keep));
  CHECK_FALSE(is_visible_text("a\nb"));
}

TEST_CASE("without_ci_commands makes workflow commands inert") {
  CHECK(without_ci_commands("plain\ntext\n") == "plain\ntext\n");
  CHECK(without_ci_commands("::error file=x::pwned\n") == "\\x3a:error file=x::pwned\n");
  CHECK(without_ci_commands("ok\n   ::stop-commands::t\n") == "ok\n   \\x3a:stop-commands::t\n");
  CHECK(without_ci_commands("a\r::warning::x") == "a\r\\x3a:warning::x");  // a bare CR ends a line
  CHECK(without_ci_commands("\u3000::notice::x") == "\u3000\\x3a:notice::x");
  CHECK(without_ci_commands("text ::error:: later") == "text ::error:: later");
  CHECK(without_ci_commands("x ##[add-mask]y") == "x ##\\x5badd-mask]y");
  CHECK(without_ci_commands("标题::x") == "标题::x");
}
