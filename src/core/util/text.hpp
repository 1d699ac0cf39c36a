// Small text helpers shared by the readers of typed and templated text.
#pragma once

#include <string_view>

namespace ccnt {

// `text` without whitespace at either end. Whitespace, the one notion ccnt trims by: ASCII
// space, tab, carriage return, line feed, vertical tab and form feed, and the ideographic space
// U+3000 (全角空格) that Chinese titles and typed answers carry.
std::string_view trim(std::string_view text);

}  // namespace ccnt
