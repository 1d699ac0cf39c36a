#include "core/diag/diagnostic.hpp"

#include <algorithm>
#include <iterator>

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

void Diagnostics::append(Diagnostics other) {
  items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                std::make_move_iterator(other.items_.end()));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.path != b.path) return a.path < b.path;
    if (a.mark.line != b.mark.line) return a.mark.line < b.mark.line;
    return a.mark.column < b.mark.column;
  });
}

std::size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

}  // namespace ccnt
