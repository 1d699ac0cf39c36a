#include <catch2/catch.hpp>

#include "core/output/display_width.hpp"

using ccnt::display_width;
using ccnt::pad_to_width;
using ccnt::truncate_to_width;
using ccnt::wrap_to_width;

TEST_CASE("display_width counts Han and fullwidth characters as two columns") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("浙江") == 4);
  CHECK(display_width("浙江 industry") == 13);
  CHECK(display_width("（２０２３）") == 12);  // fullwidth parentheses and digits
  CHECK(display_width("…") == 1);
}

TEST_CASE("display_width counts combining marks and control characters as zero") {
  CHECK(display_width("e\xCC\x81") == 1);  // e + U+0301 combining acute
  CHECK(display_width("a\tb\n") == 2);
}

TEST_CASE("truncate_to_width cuts by columns and ends with an ellipsis") {
  CHECK(truncate_to_width("浙江省工业", 10) == "浙江省工业");
  CHECK(truncate_to_width("浙江省工业", 9) == "浙江省工…");
  CHECK(display_width(truncate_to_width("浙江省工业", 9)) == 9);
  // A Han character never straddles the cut: 8 columns leave room for three and the ellipsis.
  CHECK(truncate_to_width("浙江省工业", 8) == "浙江省…");
  CHECK(display_width(truncate_to_width("浙江省工业", 8)) == 7);
  CHECK(truncate_to_width("carbon peaking", 8) == "carbon…");  // no space before the ellipsis
  CHECK(truncate_to_width("abc", 0) == "");
  CHECK(truncate_to_width("abc", 1) == "…");
  CHECK(truncate_to_width("浙江", 1) == "…");
}

TEST_CASE("truncate_to_width keeps a combining mark with its base character") {
  CHECK(truncate_to_width("e\xCC\x81"
                          "abc",
                          3) ==
        "e\xCC\x81"
        "a…");
}

TEST_CASE("pad_to_width pads by columns, left or right") {
  CHECK(pad_to_width("浙江", 6) == "浙江  ");
  CHECK(pad_to_width("浙江", 6, true) == "  浙江");
  CHECK(pad_to_width("浙江省", 4) == "浙江省");
  CHECK(pad_to_width("", 2) == "  ");
}

TEST_CASE("wrap_to_width breaks Latin text at spaces") {
  CHECK(wrap_to_width("the quick brown fox", 10) == "the quick\nbrown fox\n");
  CHECK(wrap_to_width("", 10) == "");
  CHECK(wrap_to_width("a\nb", 10) == "a\nb\n");
}

TEST_CASE("wrap_to_width breaks Han text between characters by display width") {
  const std::string wrapped = wrap_to_width("到2025年，非化石能源消费比重达到15%。", 12);
  CHECK(wrapped == "到2025年，非\n化石能源消费\n比重达到\n15%。\n");
  std::size_t start = 0;
  while (start < wrapped.size()) {
    const std::size_t end = wrapped.find('\n', start);
    CHECK(display_width(std::string_view(wrapped).substr(start, end - start)) <= 12);
    start = end + 1;
  }
}

TEST_CASE("wrap_to_width never starts a line with closing punctuation") {
  // "，" stays with 和, so both go to the next line.
  CHECK(wrap_to_width("碳达峰碳中和，行动", 12) == "碳达峰碳中\n和，行动\n");
  CHECK(wrap_to_width("见《方案》全文", 8) == "见《方\n案》全文\n");  // 《 never ends a line
}

TEST_CASE("wrap_to_width cuts a word longer than the line") {
  CHECK(wrap_to_width("https://example.org/a/long/path", 10) ==
        "https://ex\nample.org/\na/long/pat\nh\n");
}
