// The id ccnt proposes for a new record, after the convention of docs/data-model.md:
// `<region-slug>-<short-english-slug>` (guangzhou-carbon-peaking, chengdu-nev-industry), the
// English words taken from the title's terms.
#pragma once

#include <string>
#include <string_view>

#include "core/policy/registry.hpp"

namespace ccnt {

// The English slug of a title's subject: the terms of a small glossary of climate-policy words
// (工业领域 → industry, 碳达峰 → carbon-peaking, 光伏 → pv, 新型储能 → new-energy-storage …) and
// the names of subsectors and sectors in schemas/sectors.yaml, in the order the title names them,
// the longest term first where several start at one place; at most four terms. The issuing
// region's name at the start, the document type at the end, a period in brackets and 关于… 的
// wrappers are left out. Empty when the title names none of them.
std::string title_slug(std::string_view title, std::string_view doc_type, const Registry& registry);

// The number of terms in the glossary (for tests).
std::size_t id_glossary_size();

}  // namespace ccnt
