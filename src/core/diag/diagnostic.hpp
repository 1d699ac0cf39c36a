// Diagnostics: the one error strategy of the core. Problems in input files are
// collected as Diagnostic values, never thrown; the command line prints them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/util/mark.hpp"

namespace ccnt {

enum class Severity { Error, Warning };

// One problem, as a compiler reports it: file:line:col: error[E012]: message.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable code, e.g. "E012"; listed in docs/errors.md
  std::string path;     // file as the user named it, relative to the root when inside it
  Mark mark;            // 0:0 when the problem concerns the whole file
  std::string message;  // what is wrong, one sentence without a final period
  std::string hint;     // what to do about it; may be empty
};

// Most diagnostics reported for one file: a file that is wrong in 90,000 places needs its first
// problems fixed, not a 90,000-line log (nor the memory to hold it).
inline constexpr std::size_t kMaxDiagnosticsPerFile = 100;

// An append-only list of diagnostics with counts.
class Diagnostics {
 public:
  void add(Diagnostic diagnostic);
  void error(std::string code, std::string path, Mark mark, std::string message,
             std::string hint = {});
  void warning(std::string code, std::string path, Mark mark, std::string message,
               std::string hint = {});
  void append(Diagnostics other);
  // Drops, in place, the diagnostics `keep` says no to.
  void keep_if(const std::function<bool(const Diagnostic&)>& keep);
  // Lets `change` alter each diagnostic in place (its severity, its hint), in order.
  void update(const std::function<void(Diagnostic&)>& change);
  // Makes room for `n` diagnostics in all, so that appending many lists copies none twice.
  void reserve(std::size_t n);

  // Orders by path, line and column, keeping the order of equal positions.
  void sort();

  // For the diagnostics of one file: sorts them and keeps the first `max`, the rest replaced by
  // one saying how many more there are (E071 when an error is among them, else W071).
  void limit_per_file(std::size_t max = kMaxDiagnosticsPerFile);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace ccnt
