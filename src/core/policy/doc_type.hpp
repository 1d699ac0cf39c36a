// The document type a title names (实施方案, 通知, ...), as docs/data-model.md
// defines `doc_type`: the longest listed type the title ends with.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ccnt {

// The doc_type of a title that names none of the listed types.
inline constexpr std::string_view kOtherDocType = "其他";

// The title without surrounding spaces and one trailing bracketed part such as
// （2023-2025年） or （试行）, which the document type comes before.
std::string_view title_without_period(std::string_view title);

// The longest of `types` that the title ends with (ignoring the trailing
// period), else kOtherDocType: 《济南市“十四五”节能减排工作实施方案》 → 工作实施方案.
// A word that only looks like a type does not count: …核算方法 is not a 法.
std::string derive_doc_type(std::string_view title, const std::vector<std::string>& types);

}  // namespace ccnt
