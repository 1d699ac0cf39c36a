#include "core/diag/message_catalog.hpp"

#include <unordered_map>

namespace ccnt {
namespace {

Language current = Language::English;

std::unordered_map<std::string_view, std::string_view>& chinese() {
  static std::unordered_map<std::string_view, std::string_view> catalog = [] {
    std::unordered_map<std::string_view, std::string_view> entries;
    for (const Translation& t : chinese_diagnostics()) entries.emplace(t.english, t.translated);
    return entries;
  }();
  return catalog;
}

}  // namespace

void set_language(Language language) {
  current = language;
}

Language language() {
  return current;
}

void add_chinese(std::span<const Translation> entries) {
  for (const Translation& t : entries) chinese().emplace(t.english, t.translated);
}

std::string_view tr(std::string_view english) {
  if (current == Language::English) return english;
  const auto& catalog = chinese();
  const auto it = catalog.find(english);
  return it == catalog.end() ? english : it->second;
}

}  // namespace ccnt
