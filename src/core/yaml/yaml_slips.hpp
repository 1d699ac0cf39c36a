// The YAML mistakes contributors make most often when they write a policy file by hand, found
// on the lines around a problem so that its diagnostic can say how to write the line instead:
// an unquoted value starting with a character YAML gives a meaning (* & ! % @ ` | >), a tab in
// the indentation, a key without a space after its colon, a full-width colon `：` after a key.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ccnt {

// What a slip is, for the callers that word a diagnostic of their own (E014).
enum class SlipKind {
  Alias,          // a value starting with *: read as an alias
  Anchor,         // &: an anchor
  Tag,            // !: a tag
  Reserved,       // % @ `: reserved characters
  Block,          // | >: the header of a block scalar
  Tab,            // a tab in the indentation
  NoSpace,        // key:value
  FullWidthColon  // key：value
};

struct Slip {
  SlipKind kind;
  int line = 0;      // 1-based
  std::string hint;  // what to write instead, worded (tr) with the corrected line
};

// The slip on `line` (1-based) of `text`, or on one of the two lines before it (YAML often
// notices a slip only on the line after); the nearest one. Nothing when those lines look right.
std::optional<Slip> find_slip(std::string_view text, int line);

// The hint for an unknown key that is a whole `key:value` or `key：value` line read as a key
// (E022), or nothing.
std::optional<std::string> key_slip_hint(std::string_view key);

}  // namespace ccnt
