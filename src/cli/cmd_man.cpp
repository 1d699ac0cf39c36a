#include <iostream>

#include "cli/cli_parser.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/man_page.hpp"
#include "core/util/version.hpp"

namespace ccnt::cli {

int run_man(const Options&) {
  std::cout << render_man_page(describe_command_line(), std::string(version()));
  return kExitOk;
}

}  // namespace ccnt::cli
