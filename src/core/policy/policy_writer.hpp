// Writing a policy record as YAML in the house style of policies/: fixed key
// order, the schema comment first, dates quoted, other strings quoted only
// when YAML needs it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/policy/policy.hpp"

namespace ccnt {

// The text of a policy file: `# yaml-language-server: $schema=...` on the
// first line, then the fields that are set, in the order of docs/data-model.md
// (id, stub, title, title_en, region, level, sector, subsector, sectors, issuers,
// doc_type, document_number, published, added, updated, source, source_ids, status,
// instrument, implements, supersedes, amends, headline, summary, targets, tags). `depth` is how
// many directories the file lies below the data tree's root (3 for policies/zhejiang/industry/,
// 5 for policies/zhejiang/jinhua/yiwu/industry/), so that the comment's path reaches schemas/,
// and `schema_file` the file there it names (modeline_schema_file: the editor schema, when the
// tree has it).
std::string policy_file_text(const Policy& policy, std::size_t depth = 3,
                             std::string_view schema_file = "policy.schema.json");

// The depth policy_file_text takes for `file` inside `policies_dir` (the directories of its path
// below the data tree's root: policies/zhejiang/industry/x.yaml is 3).
std::size_t schema_depth(const std::filesystem::path& file,
                         const std::filesystem::path& policies_dir);

}  // namespace ccnt
