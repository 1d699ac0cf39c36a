// `ccnt diff` rendered in each of its formats (kDiffFormats): text for a terminal, Markdown to
// paste as a pull-request comment, JSON for programs; each opens with one sentence saying what
// the change does ("adds 3 policies, changes the summary of 1, and the 2023-04 bulletin needs
// 3 entries").
#pragma once

#include <string>

#include "core/diff/revision_diff.hpp"
#include "core/output/output_format.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// The sentence that sums a diff up, in the language of the run, without a final period.
std::string diff_summary(const RevisionDiff& diff);

// The diff in `format` (Text, Markdown or Json). Every value from the data is escaped for
// where it goes: visible_text for Text, markdown_escape for Markdown, JSON strings for Json.
std::string render_diff(const RevisionDiff& diff, const Registry& registry, OutputFormat format);

}  // namespace ccnt
