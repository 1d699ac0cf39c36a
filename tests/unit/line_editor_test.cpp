// The editing and Tab completion behind `ccnt new`'s questions on a terminal (the terminal side
// is driven through a pseudo-terminal by tests/interactive/new_pty.py).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <sstream>

#include "cli/line_editor.hpp"

using ccnt::cli::LineBuffer;
using ccnt::cli::TabResult;

namespace {

const std::vector<std::string> kRegions = {"浙江",    "浙江省", "zhejiang", "江苏",   "江苏省",
                                           "jiangsu", "江西",   "江西省",   "jiangxi"};
const std::vector<std::string> kSectors = {"industry", "energy", "energy-conservation", "工业",
                                           "能源"};

LineBuffer typed(std::string_view text) {
  LineBuffer line;
  line.insert(text);
  return line;
}

}  // namespace

TEST_CASE("line editor: Backspace removes a whole character", "[line_editor]") {
  LineBuffer line = typed("a浙");
  CHECK(line.erase_character());
  CHECK(line.text() == "a");
  CHECK(line.erase_character());
  CHECK(line.text().empty());
  CHECK_FALSE(line.erase_character());
}

TEST_CASE("line editor: Ctrl-W removes the last word of a list", "[line_editor]") {
  LineBuffer line = typed("industry, energy");
  line.erase_word();
  CHECK(line.text() == "industry, ");
  line.erase_word();
  CHECK(line.text().empty());
  line = typed("国家发展改革委、工业和信息化部、");
  line.erase_word();
  CHECK(line.text() == "国家发展改革委、");
}

TEST_CASE("line editor: Tab completes a unique name", "[line_editor]") {
  LineBuffer line = typed("zhe");
  CHECK(line.complete(kRegions).kind == TabResult::Kind::Completed);
  CHECK(line.text() == "zhejiang");
  // Complete already: nothing more to add, and the one match is listed.
  const TabResult again = line.complete(kRegions);
  CHECK(again.kind == TabResult::Kind::Listed);
  CHECK(again.choices == std::vector<std::string>{"zhejiang"});
}

TEST_CASE("line editor: Tab extends to what the matches share, then lists them", "[line_editor]") {
  LineBuffer line = typed("浙");
  CHECK(line.complete(kRegions).kind == TabResult::Kind::Completed);
  CHECK(line.text() == "浙江");
  const TabResult listed = line.complete(kRegions);
  CHECK(listed.kind == TabResult::Kind::Listed);
  CHECK(listed.choices == std::vector<std::string>{"浙江", "浙江省"});
  CHECK(line.text() == "浙江");
}

TEST_CASE("line editor: a shared prefix is cut back to a whole character", "[line_editor]") {
  // 江苏 and 江西 share 江 and the first byte of their second character.
  LineBuffer line = typed("江");
  const TabResult result = line.complete(kRegions);
  CHECK(result.kind == TabResult::Kind::Listed);
  CHECK(result.choices == std::vector<std::string>{"江苏", "江苏省", "江西", "江西省"});
  CHECK(line.text() == "江");
}

TEST_CASE("line editor: Tab completes the last word of a list", "[line_editor]") {
  LineBuffer line = typed("industry, energy-c");
  CHECK(line.complete(kSectors).kind == TabResult::Kind::Completed);
  CHECK(line.text() == "industry, energy-conservation");
  line = typed("工业、能");
  CHECK(line.complete(kSectors).kind == TabResult::Kind::Completed);
  CHECK(line.text() == "工业、能源");
}

TEST_CASE("line editor: Tab on a word no name starts with changes nothing", "[line_editor]") {
  LineBuffer line = typed("浙将");
  CHECK(line.complete(kRegions).kind == TabResult::Kind::Nothing);
  CHECK(line.text() == "浙将");
  CHECK(typed("x").complete({}).kind == TabResult::Kind::Nothing);
}

namespace {

// What TerminalLineReader reads from `input` (through a pipe: raw mode does nothing there).
std::optional<std::string> read_from(std::string_view input, std::string* shown = nullptr) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
  ::close(fds[1]);
  std::ostringstream out;
  ccnt::cli::TerminalLineReader reader(fds[0], out, 80);
  auto line = reader.read("? ", {});
  ::close(fds[0]);
  if (shown) *shown = out.str();
  return line;
}

}  // namespace

TEST_CASE("line editor: a bracketed paste is one answer, its line breaks kept", "[line_editor]") {
  std::string shown;
  // xterm sends a pasted line break as CR; the paste ends, then Enter gives the answer.
  const auto line = read_from("\x1b[200~第一行。\r第二行。\r\x1b[201~\r", &shown);
  REQUIRE(line);
  CHECK(*line == "第一行。\n第二行。");
  CHECK(shown.starts_with("\x1b[?2004h? "));  // bracketed paste on while the line is read
  CHECK(shown.find("第一行。⏎第二行。") != std::string::npos);
  CHECK(shown.ends_with("\x1b[?2004l\n"));  // and off before the line ends
  // Typed text around a paste; CRLF and LF line ends alike.
  CHECK(read_from("a\x1b[200~b\r\nc\nd\x1b[201~e\n") == "ab\nc\nde");
  // Input that ends inside a paste ends the dialogue, as at any other point.
  CHECK(read_from("x\x1b[200~yz") == std::nullopt);
}

TEST_CASE("line editor: the shown line marks pasted line breaks", "[line_editor]") {
  CHECK(typed("a\nb").shown() == "a⏎b");
  CHECK(typed("ab").shown() == "ab");
}
