// Text from files (values, paths, keys) made safe for a terminal or a CI log: the one escaping
// helper of every human-readable output (diagnostics, tables, `show`, reports on a terminal).
#pragma once

#include <string>
#include <string_view>

namespace ccnt {

// Whether line breaks and tabs stay as they are (a summary shown as paragraphs) or are escaped
// too (a path, a title, anything that must stay on its line).
enum class LineBreaks { Escape, Keep };

// `text` with every character a terminal would act on or a reader cannot see written visibly:
// C0 controls and DEL as `\x1b` (`\n`, `\r`, `\t` for those), C1 controls, bidirectional
// controls, zero-width characters and U+2028/U+2029 as `<U+202E>`, and bytes that are not
// UTF-8 as `\xff`. With LineBreaks::Keep, newline and tab are left as they are. Text without
// such characters is returned unchanged.
std::string visible_text(std::string_view text, LineBreaks breaks = LineBreaks::Escape);

// True when visible_text would change nothing.
bool is_visible_text(std::string_view text, LineBreaks breaks = LineBreaks::Escape);

// Output lines that a CI runner would take for a workflow command, made inert: a line starting
// with `::` (after blanks) gets its first colon written `\x3a`, and `##[` anywhere becomes
// `##\x5b`. Used on every text output except `validate --format github`.
std::string without_ci_commands(std::string text);

}  // namespace ccnt
