// Escaping text for HTML and XML (the website's pages, its SVG charts and its Atom feed), so that
// no byte of a policy file, a registry or an editorial file is read as markup: the one helper
// every HTML writer of ccnt uses.
#pragma once

#include <string>
#include <string_view>

namespace ccnt {

// `text` as HTML or XML character data or a quoted attribute value: & < > " ' as references;
// bytes that are not UTF-8, C0 and C1 controls other than tab and line feed, and the
// characters XML 1.0 forbids, as U+FFFD; a carriage return as a line feed.
std::string html_escape(std::string_view text);

// Appends html_escape(text) to `out`.
void append_html_escaped(std::string& out, std::string_view text);

// True for an `https://` URL, the only kind of URL from the data that becomes a link (not
// `http:`, `javascript:`, `data:` or a relative path); escape it as any other text.
bool is_https_url(std::string_view url);

// JSON text made safe inside an HTML <script> element: `<` (so that `</script>` and `<!--`
// cannot end or change the element), `>` and `&` written as \u escapes, and U+2028 and U+2029
// (line terminators to older JavaScript) too. Only valid on JSON, where these characters can
// occur inside strings only.
std::string json_for_script(std::string_view json);

}  // namespace ccnt
