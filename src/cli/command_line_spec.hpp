// The command-line syntax as plain data, for shell completion and the manual
// page: which subcommands exist and which options and arguments each takes.
#pragma once

#include <string>
#include <vector>

namespace ccnt::cli {

// One option or positional argument.
struct OptionSpec {
  std::vector<std::string> names;  // "--region", "-q"; empty for a positional argument
  std::string description;
  bool takes_value = false;  // false for flags such as --count
  bool many = false;         // a positional argument that takes any number of values
  bool required = false;
  std::string value_name;            // REGION, FORMAT, FILE, ... as --help shows it
  std::vector<std::string> choices;  // the accepted values, when the parser checks a fixed set
};

struct CommandSpec {
  std::string name;
  std::string description;
  std::string footer;                   // examples and notes, as --help ends
  std::vector<OptionSpec> options;      // the command's own, without the global ones
  std::vector<OptionSpec> positionals;  // in order
};

struct CommandLineSpec {
  std::string description;                 // what ccnt is, as --help starts
  std::string footer;                      // the examples of ccnt --help
  std::vector<OptionSpec> global_options;  // accepted before or after any subcommand
  std::vector<CommandSpec> commands;       // the visible subcommands, in --help order
};

}  // namespace ccnt::cli
