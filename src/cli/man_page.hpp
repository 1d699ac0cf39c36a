// The manual page ccnt(1), written from the command-line syntax so that it
// lists every command and option the program accepts.
#pragma once

#include <string>

#include "cli/command_line_spec.hpp"

namespace ccnt::cli {

// The page in roff (man(7) macros): the commands and options of `spec`, their
// examples, and the environment, files and exit status sections.
std::string render_man_page(const CommandLineSpec& spec, const std::string& version);

}  // namespace ccnt::cli
