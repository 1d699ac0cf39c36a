#include <catch2/catch.hpp>

#include "core/output/markdown_escape.hpp"

using ccnt::markdown_escape;
using ccnt::markdown_escape_inline;
using ccnt::markdown_link;
using ccnt::markdown_link_destination;

TEST_CASE("markdown_escape leaves ordinary Chinese text alone") {
  const std::string summary =
      "《方案》提出，到 2025 年，一般工业固体废物综合利用率达到 90% 以上（含综合利用往年存量），"
      "努力打造“低碳”“零碳”油气田。I级保护林地；CCUS成本降低；7-1-51；(2023-2025年)！";
  CHECK(markdown_escape(summary) == summary);
  CHECK(markdown_escape("") == "");
  CHECK(markdown_escape("a ! b ) c ~ d") == "a ! b ) c ~ d");
}

TEST_CASE("markdown_escape escapes inline markup") {
  CHECK(markdown_escape("《*重点*企业》") == "《\\*重点\\*企业》");
  CHECK(markdown_escape("见[附件](x)") == "见\\[附件\\](x)");
  CHECK(markdown_escape("![图](a.png)") == "!\\[图\\](a.png)");
  CHECK(markdown_escape("<b>粗</b> <https://x.cn>") == "\\<b>粗\\</b> \\<https://x.cn>");
  CHECK(markdown_escape("代码 `x` 段") == "代码 \\`x\\` 段");
  CHECK(markdown_escape("a \\* b") == "a \\\\\\* b");
  CHECK(markdown_escape("路径 C:\\dir") == "路径 C:\\dir");  // no punctuation follows
  CHECK(markdown_escape("末尾\\") == "末尾\\\\");            // would be a hard line break
}

TEST_CASE("markdown_escape escapes underscores only where they could mark emphasis") {
  CHECK(markdown_escape("snake_case_name") == "snake_case_name");
  CHECK(markdown_escape("碳_中和") == "碳_中和");
  CHECK(markdown_escape("_强调_") == "\\_强调\\_");
  CHECK(markdown_escape("《_x_》") == "《\\_x\\_》");
  CHECK(markdown_escape("a _b_ c") == "a \\_b\\_ c");
}

TEST_CASE("markdown_escape escapes entity references but not a lone ampersand") {
  CHECK(markdown_escape("研发&示范") == "研发&示范");
  CHECK(markdown_escape("A & B") == "A & B");
  CHECK(markdown_escape("&amp; &#39; &#x4E2D;") == "\\&amp; \\&#39; \\&#x4E2D;");
  CHECK(markdown_escape("&amp") == "&amp");
}

TEST_CASE("markdown_escape escapes block markers at the start of each line") {
  CHECK(markdown_escape("# 标题") == "\\# 标题");
  CHECK(markdown_escape("#1 任务") == "#1 任务");
  CHECK(markdown_escape("中 # 间") == "中 # 间");
  CHECK(markdown_escape("> 引用") == "\\> 引用");
  CHECK(markdown_escape("- 一项") == "\\- 一项");
  CHECK(markdown_escape("+ 一项") == "\\+ 一项");
  CHECK(markdown_escape("-1 度") == "-1 度");
  CHECK(markdown_escape("---") == "\\---");
  CHECK(markdown_escape("===") == "\\===");
  CHECK(markdown_escape("1. 第一") == "1\\. 第一");
  CHECK(markdown_escape("2023) 年") == "2023\\) 年");
  CHECK(markdown_escape("2023.5 亿") == "2023.5 亿");
  CHECK(markdown_escape("~~~") == "\\~~~");
  CHECK(markdown_escape("第一行\n# 第二行\n- 第三行") == "第一行\n\\# 第二行\n\\- 第三行");
}

TEST_CASE("markdown_escape drops the spaces that would make code blocks or hard breaks") {
  CHECK(markdown_escape("    缩进") == "缩进");
  CHECK(markdown_escape("行尾  \n下一行") == "行尾\n下一行");
  CHECK(markdown_escape("a\r\nb") == "a\nb");
  CHECK(markdown_escape("  # 标题") == "\\# 标题");
}

TEST_CASE("markdown_escape handles a title with every special character") {
  CHECK(markdown_escape("关于*重点*_领域_<试行>[2023]版") ==
        "关于\\*重点\\*\\_领域\\_\\<试行>\\[2023\\]版");
}

TEST_CASE("markdown_escape takes a lone CR for the line break it is to CommonMark") {
  CHECK(markdown_escape("x\r# Heading") == "x\n\\# Heading");
  CHECK(markdown_escape("a\r\r- item") == "a\n\n\\- item");
  CHECK(markdown_escape("a\r\nb\rc\nd") == "a\nb\nc\nd");
}

TEST_CASE("markdown_escape keeps tables, links and CI commands out of text") {
  CHECK(markdown_escape("a|b\n-|-") == "a\\|b\n-\\|-");  // no table from a paragraph
  CHECK(markdown_escape("x](javascript:alert(1))") == "x\\](javascript:alert(1))");
  CHECK(markdown_escape("::error::pwned") == "\\::error::pwned");
  CHECK(markdown_escape("a ::b") == "a ::b");
}

TEST_CASE("markdown_escape_inline is one line, for a table cell") {
  CHECK(markdown_escape_inline("a|b") == "a\\|b");
  CHECK(markdown_escape_inline("one\ntwo\rthree\tfour") == "one two three four");
  CHECK(markdown_escape_inline("- 1. # not blocks") == "- 1. # not blocks");
  CHECK(markdown_escape_inline("*x*") == "\\*x\\*");
}

TEST_CASE("markdown_link_destination keeps only https URLs, with nothing that ends them early") {
  CHECK(markdown_link_destination("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c");
  CHECK_FALSE(markdown_link_destination("http://example.org"));
  CHECK_FALSE(markdown_link_destination("javascript:alert(1)"));
  CHECK_FALSE(markdown_link_destination("HTTPS://"));
  CHECK(markdown_link_destination("https://x.org/a) [y](javascript:z") ==
        "https://x.org/a%29%20%5By%5D%28javascript:z");
  CHECK(markdown_link_destination("https://x.org/<a>\\|\"'`\n") ==
        "https://x.org/%3Ca%3E%5C%7C%22%27%60%0A");
}

TEST_CASE("markdown_link makes a link of https sources only") {
  CHECK(markdown_link("方案[1]", "https://x.org/p") == "[方案\\[1\\]](https://x.org/p)");
  CHECK(markdown_link("方案", "javascript:alert(1)") == "方案");
  CHECK(markdown_link("方案", "") == "方案");
}
