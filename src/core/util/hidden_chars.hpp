// The characters that must never reach a reader unseen: control characters, bidirectional
// controls and zero-width characters. One list, used by validation (rejects them in values)
// and by every output (shows them escaped).
#pragma once

#include <string>
#include <string_view>

namespace ccnt {

// Why a character is unsafe in text that people read.
enum class HiddenKind {
  None,       // an ordinary character
  Control,    // C0 (U+0000–001F), DEL, C1 (U+0080–009F), U+2028/U+2029 separators
  Bidi,       // U+061C, U+200E/F, U+202A–202E, U+2066–2069: reorder how text is displayed
  ZeroWidth,  // U+200B–200D, U+2060, U+FEFF: invisible, change what text compares equal to
};

// The kind of a code point; newline and tab are Control (callers allow them where they fit).
HiddenKind hidden_kind(char32_t cp);

// "U+202E RIGHT-TO-LEFT OVERRIDE", "U+001B ESCAPE": the code point and its Unicode name or
// alias, for messages about a rejected character.
std::string hidden_char_name(char32_t cp);

}  // namespace ccnt
