// Text from policy files reaches HTML only as text.
#include <catch2/catch.hpp>

#include "core/output/html_escape.hpp"

using namespace ccnt;

TEST_CASE("html_escape writes markup characters as references") {
  CHECK(html_escape("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(html_escape("浙江省工业领域碳达峰实施方案") == "浙江省工业领域碳达峰实施方案");
}

TEST_CASE("html_escape replaces what HTML and XML cannot carry") {
  CHECK(html_escape(std::string("a\x01"
                                "b\x7f"
                                "c",
                                5)) ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD"
        "c");
  CHECK(html_escape("a\xC2\x85"
                    "b") ==
        "a\xEF\xBF\xBD"
        "b");  // U+0085, a C1 control
  CHECK(html_escape("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
  CHECK(html_escape("a\r\nb\rc") == "a\nb\nc");
  CHECK(html_escape("tab\tand\nline") == "tab\tand\nline");
}

TEST_CASE("only https URLs are links") {
  CHECK(is_https_url("https://www.gov.cn/a?b=1&c=2"));
  CHECK_FALSE(is_https_url("http://www.gov.cn/"));
  CHECK_FALSE(is_https_url("javascript:alert(1)"));
  CHECK_FALSE(is_https_url(" https://x.cn/"));
  CHECK_FALSE(is_https_url("https://"));
  CHECK_FALSE(is_https_url("../policies/a.html"));
}

TEST_CASE("JSON in a script element cannot end it") {
  const std::string json = R"({"t":"</script><script>alert(1)</script><!--","u":"a&b"})";
  const std::string safe = json_for_script(json);
  CHECK(safe.find('<') == std::string::npos);
  CHECK(safe.find('>') == std::string::npos);
  CHECK(
      safe ==
      R"({"t":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u003c!--","u":"a\u0026b"})");
  CHECK(json_for_script("\"\xE2\x80\xA8\xE2\x80\xA9\"") == "\"\\u2028\\u2029\"");
}
