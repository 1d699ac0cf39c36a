// Traditional Chinese characters and their simplified forms, for search that finds 碳達峰 under
// 碳达峰: a small table, not a converter (docs/commands/list.md says what it folds).
#pragma once

#include <cstddef>

namespace ccnt {

// The simplified form of the traditional character `cp` when the table has it, else `cp`.
// The table holds the traditional forms of the characters that ccnt's registries and seed data
// write (1,591 characters, which give 627 traditional forms), each mapped only where the
// mapping is one to one (checked against OpenCC's TSCharacters and STCharacters): 乾, 於, 瞭,
// 夥, 剋, 覆 and 徵, which are also simplified characters of their own, are left alone.
char32_t simplified_of(char32_t cp);

// The number of traditional characters in the table.
std::size_t han_variant_count();

}  // namespace ccnt
