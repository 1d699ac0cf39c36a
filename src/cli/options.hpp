// The command line as plain data: cli_parser.cpp fills an Options from argv,
// and each subcommand reads only its own part.
#pragma once

#include <string>
#include <vector>

#include "core/policy_filter.hpp"

namespace ccnt::cli {

enum class Command { None, Validate, List, Show, Stats, Targets, Report };

enum class ColorMode { Auto, Always, Never };

// Flags accepted before or after any subcommand.
struct GlobalOptions {
  std::string root;  // --root DIR, else CCNT_ROOT, else found upward from the working directory
  ColorMode color = ColorMode::Auto;
  unsigned jobs = 0;  // worker threads; 0 = one per core
};

struct ValidateOptions {
  std::vector<std::string> paths;  // files or directories; empty = the whole tree
  std::string format = "text";     // text | json | github
  bool strict = false;             // warnings fail the run too
};

// The selection shared by list, stats and targets: the core's query as the flags fill it.
using FilterOptions = PolicyQuery;

struct ListOptions {
  FilterOptions filter;
  std::string sort = "published";  // published | added | region | sector | title
  bool reverse = false;
  std::size_t limit = 0;  // 0 = no limit
  bool count = false;
  std::string format = "table";  // table | json | jsonl | csv | tsv | yaml | markdown | ids
  bool bom = false;              // CSV/TSV: start with a UTF-8 byte-order mark for Excel
  std::size_t width = 0;         // --width N: fit the table to N columns; 0 = the terminal's
};

struct ShowOptions {
  std::string policy;            // id or path
  std::string format = "text";   // text | yaml | json
  std::size_t width = 0;         // --width N: wrap to N columns; 0 = the terminal's, 80 when piped
};

struct StatsOptions {
  FilterOptions filter;
  std::string format = "table";  // table | csv | json | markdown
};

struct TargetsOptions {
  FilterOptions filter;
  std::string indicator;         // slug or Chinese name; empty = every indicator with targets
  std::string format = "table";  // table | csv | json | markdown
};

struct ReportOptions {
  std::string month;          // YYYY-MM
  std::string output;         // -o FILE, written atomically; empty = stdout
  std::string template_file;  // --template FILE
  bool init = false;          // write the editorial skeleton for the month
};

struct Options {
  Command command = Command::None;
  GlobalOptions global;
  ValidateOptions validate;
  ListOptions list;
  ShowOptions show;
  StatsOptions stats;
  TargetsOptions targets;
  ReportOptions report;
};

}  // namespace ccnt::cli
