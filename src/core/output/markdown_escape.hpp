// Escaping plain text (titles, summaries from policy files) for a CommonMark
// document, so that Markdown reads it as the same text and nothing more.
#pragma once

#include <string>
#include <string_view>

namespace ccnt {

// Backslash-escapes what CommonMark would read as markup: `*`, `` ` ``, `<`,
// `[`, `_` where it could open or close emphasis, `\` before punctuation,
// entity references (`&amp;`), and at the start of each line a heading `#`, a
// block quote `>`, a list marker (`-`, `+`, `1.`), a fence or a setext
// underline. Leading and trailing spaces of each line are dropped (they would
// make code blocks or hard breaks); CRLF becomes LF. Everything else,
// including all Chinese punctuation, is left as it is.
std::string markdown_escape(std::string_view text);

}  // namespace ccnt
