// The checks of the text in a file's values and keys, after YAML escapes are decoded: no
// control, bidirectional or zero-width character, line breaks only where a value may have
// several lines, and titles without stray spaces (docs/errors.md, E080–E084).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/yaml/document.hpp"

namespace ccnt {

// Which values of a file may hold what.
struct TextRules {
  // Top-level keys whose values (and everything under them) may have several lines: newline
  // and tab are allowed there. Empty: none.
  std::vector<std::string_view> multi_line;
  // Every value may have several lines (editorial files, whose text is Markdown).
  bool all_multi_line = false;
  // Top-level keys whose values (or list items) are titles or names: no leading, trailing or
  // doubled spaces.
  std::vector<std::string_view> tidy;
};

// The rules of policy files: `summary` is the only multi-line field; `title`, `title_en` and
// `issuers` are tidy.
const TextRules& policy_text_rules();

// The rules of bulletin editorial files: every value may have several lines.
const TextRules& editorial_text_rules();

// Reports every key and string of `document` that breaks `rules`, at most one diagnostic per
// kind of problem and value, naming the first offending character and its column in the value.
void check_text(const Node& document, const std::string& path, const TextRules& rules,
                Diagnostics& diagnostics);

}  // namespace ccnt
