// The error the command layer throws for a bad flag value, an unknown name or
// a missing data tree; app.cpp prints it as "ccnt: error: ..." and exits 2.
#pragma once

#include <stdexcept>
#include <string>

namespace ccnt::cli {

class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& message, std::string hint = {})
      : std::runtime_error(message), hint_(std::move(hint)) {}
  const std::string& hint() const { return hint_; }

 private:
  std::string hint_;
};

}  // namespace ccnt::cli
