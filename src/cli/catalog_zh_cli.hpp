// The Chinese translations of the command line's messages: help, prompts, usage errors.
#pragma once

#include <span>

#include "core/diag/message_catalog.hpp"

namespace ccnt::cli {

std::span<const Translation> chinese_cli_messages();

}  // namespace ccnt::cli
