// Exit codes of ccnt, documented in docs/errors.md.
#pragma once

namespace ccnt::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;  // validation found errors (or warnings with --strict)
inline constexpr int kExitUsage = 2;  // bad flags, unknown names, no data tree, unreadable schema
inline constexpr int kExitInternal = 3;  // a bug in ccnt; please report it

}  // namespace ccnt::cli
