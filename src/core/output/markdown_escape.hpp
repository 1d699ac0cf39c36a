// Escaping plain text (titles, summaries from policy files) for a CommonMark
// document, so that Markdown reads it as the same text and nothing more.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ccnt {

// Backslash-escapes what CommonMark would read as markup: `*`, `` ` ``, `<`,
// `[`, `_` where it could open or close emphasis, `\` before punctuation,
// entity references (`&amp;`), and at the start of each line a heading `#`, a
// block quote `>`, a list marker (`-`, `+`, `1.`), a fence or a setext
// underline. Leading and trailing spaces of each line are dropped (they would
// make code blocks or hard breaks); CRLF and a lone CR (a line break to
// CommonMark) become LF. `|` and `]` are escaped everywhere, so that the text is
// safe in a table cell (but for line breaks: only `summary` has them) and in a
// link's text; a line starting with `::` has its colon escaped, so that the
// output is no CI workflow command. Everything else, including all Chinese
// punctuation, is left as it is.
std::string markdown_escape(std::string_view text);

// `text` escaped for one line of Markdown, such as a table cell: as markdown_escape,
// with line breaks and tabs as spaces and no block markers to escape.
std::string markdown_escape_inline(std::string_view text);

// A URL as a link destination: only `https://` URLs (nullopt for anything else, such as
// `http:` or `javascript:`), with spaces, controls and every character that could end the
// destination or the table cell early — ( ) < > [ ] \ | " ' ` — percent-encoded.
std::optional<std::string> markdown_link_destination(std::string_view url);

// `[text](url)` with the text escaped, or the escaped text alone when the URL is not https.
std::string markdown_link(std::string_view text, std::string_view url);

}  // namespace ccnt
