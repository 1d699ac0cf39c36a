#include "cli/app.hpp"

#include <exception>
#include <iostream>

#include "cli/cli_parser.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/usage_error.hpp"
#include "core/output/visible_text.hpp"

namespace ccnt::cli {
namespace {

int dispatch(const Options& options) {
  switch (options.command) {
    case Command::Validate:
      return run_validate(options);
    case Command::List:
      return run_list(options);
    case Command::Show:
      return run_show(options);
    case Command::Stats:
      return run_stats(options);
    case Command::Targets:
      return run_targets(options);
    case Command::Coverage:
      return run_coverage(options);
    case Command::Report:
      return run_report(options);
    case Command::New:
      return run_new(options);
    case Command::Import:
      return run_import(options);
    case Command::Completion:
      return run_completion(options);
    case Command::Complete:
      return run_complete(options);
    case Command::Cache:
      return run_cache(options);
    case Command::Site:
      return run_site(options);
    case Command::Man:
      return run_man(options);
    case Command::Schema:
      return run_schema(options);
    case Command::Diff:
      return run_diff(options);
    case Command::Help:  // printed by the parser
    case Command::None:
      break;
  }
  return kExitUsage;
}

}  // namespace

int run(int argc, char** argv) {
  try {
    use_language(language_for(lang_flag_in(argc, argv)));
    Options options;
    if (auto exit_code = parse_command_line(argc, argv, options)) return *exit_code;
    return dispatch(options);
  } catch (const UsageError& e) {
    // A message may quote a flag's value or a file name: shown escaped, on its own line.
    std::cerr << tr("ccnt: error: ") << visible_text(e.what()) << "\n";
    if (!e.hint().empty()) std::cerr << tr("  hint: ") << visible_text(e.hint()) << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << tr("ccnt: error: ") << tr("internal error: ") << e.what() << "\n"
              << tr("  hint: ")
              << tr("this is a bug in ccnt; please report it with the command you ran") << "\n";
    return kExitInternal;
  }
}

}  // namespace ccnt::cli
