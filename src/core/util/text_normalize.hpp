// Comparing texts the way a reader sees them, for "is this title already recorded?".
#pragma once

#include <string>
#include <string_view>

namespace ccnt {

// `text` in the form two titles are compared in: Unicode NFKC (full-width letters and digits,
// compatibility ideographs and the like become their plain forms), bidirectional and zero-width
// characters removed, every run of whitespace (NBSP, U+3000 ideographic space, tabs and line
// breaks included) one space, no space at either end. Text that is not UTF-8 is only trimmed
// and collapsed.
std::string comparison_form(std::string_view text);

}  // namespace ccnt
