#include "core/policy/doc_type.hpp"

#include "core/util/text.hpp"

namespace ccnt {

namespace {

// Words that end in a document type without being one: a title ending 核算方法 is a method,
// not a law (法).
constexpr std::string_view kLookalikes[] = {"方法", "做法", "算法", "手法", "说法"};

bool ends_with_lookalike_of(std::string_view stem, std::string_view type) {
  for (std::string_view word : kLookalikes)
    if (word.size() > type.size() && word.ends_with(type) && stem.ends_with(word)) return true;
  return false;
}

}  // namespace

std::string_view title_without_period(std::string_view title) {
  title = trim(title);
  for (std::string_view close : {"）", ")"}) {
    if (!title.ends_with(close)) continue;
    const std::string_view open = close == "）" ? "（" : "(";
    const auto at = title.rfind(open);
    if (at != std::string_view::npos) return trim(title.substr(0, at));
  }
  return title;
}

std::string derive_doc_type(std::string_view title, const std::vector<std::string>& types) {
  const std::string_view stem = title_without_period(title);
  const std::string* best = nullptr;
  for (const std::string& type : types) {
    if (type.empty() || type == kOtherDocType || !stem.ends_with(type)) continue;
    if (ends_with_lookalike_of(stem, type)) continue;
    if (!best || type.size() > best->size()) best = &type;
  }
  return best ? *best : std::string(kOtherDocType);
}

}  // namespace ccnt
