#include "core/diag/diagnostic.hpp"

#include <algorithm>
#include <iterator>

#include "core/diag/message_catalog.hpp"

namespace ccnt {

void Diagnostics::add(Diagnostic diagnostic) {
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::error(std::string code, std::string path, Mark mark, std::string message,
                        std::string hint) {
  add({Severity::Error, std::move(code), std::move(path), mark, std::move(message),
       std::move(hint)});
}

void Diagnostics::warning(std::string code, std::string path, Mark mark, std::string message,
                          std::string hint) {
  add({Severity::Warning, std::move(code), std::move(path), mark, std::move(message),
       std::move(hint)});
}

void Diagnostics::keep_if(const std::function<bool(const Diagnostic&)>& keep) {
  std::erase_if(items_, [&](const Diagnostic& d) { return !keep(d); });
}

void Diagnostics::update(const std::function<void(Diagnostic&)>& change) {
  for (Diagnostic& d : items_) change(d);
}

void Diagnostics::reserve(std::size_t n) {
  items_.reserve(n);
}

void Diagnostics::append(Diagnostics other) {
  items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                std::make_move_iterator(other.items_.end()));
}

void Diagnostics::sort() {
  const auto before = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.path != b.path) return a.path < b.path;
    if (a.mark.line != b.mark.line) return a.mark.line < b.mark.line;
    return a.mark.column < b.mark.column;
  };
  // A run's diagnostics come mostly in order already (the files' own, in path order), followed by
  // a few from the checks across files: sorting only that tail and merging it in needs a buffer
  // the size of the tail, where sorting the whole would take one of half the list.
  // The result is the same as a stable sort of the whole list.
  const auto tail = std::is_sorted_until(items_.begin(), items_.end(), before);
  if (tail == items_.end()) return;
  std::stable_sort(tail, items_.end(), before);
  std::inplace_merge(items_.begin(), tail, items_.end(), before);
}

void Diagnostics::limit_per_file(std::size_t max) {
  if (items_.size() <= max || max == 0) return;
  sort();
  const std::size_t more = items_.size() - max;
  const bool errors =
      std::any_of(items_.begin() + static_cast<std::ptrdiff_t>(max), items_.end(),
                  [](const Diagnostic& d) { return d.severity == Severity::Error; });
  const Diagnostic& last = items_[max - 1];
  // At the last position shown, so that it stays last when the run's diagnostics are sorted.
  Diagnostic summary{errors ? Severity::Error : Severity::Warning,
                     errors ? "E071" : "W071",
                     last.path,
                     last.mark,
                     more == 1 ? trf("… and 1 more problem in this file")
                               : trf("… and {} more problems in this file", more),
                     trf("fix the problems shown and run ccnt again to see the rest")};
  items_.resize(max);
  items_.shrink_to_fit();
  items_.push_back(std::move(summary));
}

std::size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

}  // namespace ccnt
