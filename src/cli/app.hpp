// The program: parse the command line, run one subcommand, and turn anything
// unexpected into a single "ccnt: error: ..." line.
#pragma once

namespace ccnt::cli {

int run(int argc, char** argv);

}  // namespace ccnt::cli
