// The bulletin's Markdown as the website's HTML: headings, tables, and nothing that is not text.
#include <catch2/catch.hpp>

#include "core/output/markdown_html.hpp"

using namespace ccnt;

TEST_CASE("Markdown headings, paragraphs, line breaks and tables become HTML") {
  const std::string html = markdown_to_html(
      "# 2023 年 3 月月报\n\n## 关于零碳录\n\n电话：1  \n传真：2\n\n| 地区 | 数 |\n| :--- | ---: "
      "|\n| "
      "浙江 | 2 |\n");
  CHECK(html.find("<h1>2023 年 3 月月报</h1>") != std::string::npos);
  CHECK(html.find("<h2>关于零碳录</h2>") != std::string::npos);
  CHECK(html.find("<p>电话：1<br />\n传真：2</p>") != std::string::npos);
  CHECK(html.find("<td style=\"text-align: right\">2</td>") != std::string::npos);
  CHECK(html.find(" align=") == std::string::npos);  // HTML5 has no align attribute
}

TEST_CASE("escaped Markdown reads as the text it was") {
  CHECK(markdown_to_html("测试\\*能源\\* \\<试行> a\\_b") ==
        "<p>测试*能源* &lt;试行&gt; a_b</p>\n");
}

TEST_CASE("only https and allowed relative links stay links") {
  const MarkdownHtmlOptions options{
      [](std::string_view url) { return url == "../policies/a.html"; }};
  const std::string html = markdown_to_html(
      "[ok](https://ccnt.igdp.cn) <https://ccnt.igdp.cn> [page](../policies/a.html) "
      "[other](../etc/passwd) [js](javascript:alert(1)) [http](http://x.cn) "
      "[mail](mailto:a@b.cn) [data](data:text/html,x)",
      options);
  CHECK(html.find("<a href=\"https://ccnt.igdp.cn\">ok</a>") != std::string::npos);
  CHECK(html.find("<a href=\"https://ccnt.igdp.cn\">https://ccnt.igdp.cn</a>") !=
        std::string::npos);
  CHECK(html.find("<a href=\"../policies/a.html\">page</a>") != std::string::npos);
  for (const char* gone : {"etc/passwd", "javascript", "http://", "mailto", "data:"})
    CHECK(html.find(gone) == std::string::npos);
  CHECK(html.find("other") != std::string::npos);  // the text stays
  CHECK(html.find("js") != std::string::npos);
}

TEST_CASE("raw HTML and images in Markdown are shown as text, never loaded or run") {
  const std::string html = markdown_to_html(
      "a <b onclick=\"x()\">b</b> "
      "![logo](https://other.host/x.png)\n\n<script>alert(1)</script>\n");
  CHECK(html.find("<b") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;b onclick=&quot;x()&quot;&gt;") != std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("logo") != std::string::npos);
}
