// Text in the form search compares it, so that a query finds what a reader would call the same
// words: case, full-width and half-width forms, and traditional and simplified characters are
// not told apart. docs/commands/list.md (“How -q matches”) states exactly what is folded.
#pragma once

#include <string>
#include <string_view>

namespace ccnt {

// `text` with, character by character:
//  - Unicode case folding (utf8proc): GUANGZHOU = guangzhou, Ä = ä;
//  - compatibility decomposition, NFKD (utf8proc): full-width letters, digits and punctuation
//    are their ASCII forms (ＰＶ１００，（） = PV100,()), the ideographic space U+3000 a space,
//    ① is 1, ﬁ is fi, CJK compatibility ideographs their unified forms; accented letters are
//    decomposed (é = e + U+0301), alike in the query and in the text;
//  - traditional characters made simplified by the table of core/util/han_variants (碳達峰 =
//    碳达峰); a character the table lacks is left as it is.
// Bytes that are not UTF-8 become U+FFFD. A query and a text are compared by substring after
// both are folded: no word boundaries, no other normalisation (spaces count).
std::string search_fold(std::string_view text);

}  // namespace ccnt
