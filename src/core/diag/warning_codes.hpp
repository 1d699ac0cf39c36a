// The warning codes there are: those a data tree's .ccnt.yaml may turn off or make errors.
#pragma once

#include <span>
#include <string_view>

namespace ccnt {

// Every warning code docs/errors.md lists (W003, W004, ...), in order; generated from it at build
// time by cmake/warning_codes.cmake.
std::span<const std::string_view> warning_codes();

}  // namespace ccnt
