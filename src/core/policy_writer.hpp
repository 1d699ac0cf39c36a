// Writing a policy record as YAML in the house style of policies/: fixed key
// order, the schema comment first, dates quoted, other strings quoted only
// when YAML needs it.
#pragma once

#include <string>
#include <string_view>

#include "core/policy.hpp"

namespace ccnt {

// A YAML scalar for `text`: plain when YAML reads it back as the same string,
// else double-quoted with escapes ("2023-03", "%", "true", "a: b").
std::string yaml_scalar(std::string_view text);

// The text of a policy file: `# yaml-language-server: $schema=...` on the
// first line, then the fields that are set, in the order of docs/data-model.md
// (id, title, title_en, region, level, sector, subsector, sectors, issuers,
// doc_type, document_number, published, added, updated, source, status,
// instrument, headline, summary, targets, tags).
std::string write_policy_yaml(const Policy& policy);

}  // namespace ccnt
