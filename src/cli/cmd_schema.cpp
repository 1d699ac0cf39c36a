#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/policy/editor_schema.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/atomic_write.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

int run_schema(const Options& options) {
  const SchemaOptions& opts = options.schema;
  const Project project = open_project_or_throw(options.global);
  Diagnostics diagnostics;
  const auto text = editor_schema_text(project, diagnostics);
  for (const Diagnostic& d : diagnostics.all())
    std::cerr << format_diagnostic_text(d, use_color(options.global.color, stderr));
  if (!text) throw UsageError(trf("cannot read the policy schema, see above"));
  if (opts.output == "-") {
    std::cout << *text;
    return kExitOk;
  }

  std::error_code ec;
  const fs::path own_schemas = project.root / "schemas";
  if (opts.output.empty() && !fs::is_directory(own_schemas, ec))
    throw UsageError(trf("the data tree has no schemas/ of its own to write the editor schema to"),
                     trf("give -o FILE, or copy schemas/ of ccnt into the data tree"));
  const fs::path file =
      opts.output.empty() ? own_schemas / kEditorSchemaFile : fs::path(opts.output);
  const std::string display = display_path(file);
  // The command that writes the file, for the messages that ask for it.
  const std::string command =
      opts.output.empty() ? "ccnt schema --editor" : "ccnt schema --editor -o " + opts.output;

  Diagnostics ignored;  // an absent or unreadable file differs, as the message says
  const auto current =
      fs::exists(file, ec) ? read_source_file(file, display, ignored, 64 << 20) : std::nullopt;
  if (current && *current == *text) {
    std::cout << trf("{} is up to date\n", display);
    return kExitOk;
  }
  if (opts.check) {
    std::cout << (current ? trf("{} is out of date with schemas/: run `{}` to regenerate it\n",
                                display, command)
                          : trf("{} does not exist: run `{}` to write it\n", display, command));
    return kExitProblems;
  }
  std::string error;
  switch (write_file_atomically(file, *text, error)) {
    case WriteResult::Written:
    case WriteResult::Exists:
      std::cout << trf(
          "wrote {}; editors use it through the $schema line of each policy file "
          "(docs/editors.md)\n",
          display);
      return kExitOk;
    case WriteResult::Refused:
      throw UsageError(trf("cannot write {}: {}", display, error),
                       trf("name a new or regular file, or - for standard output; "
                           "docs/security.md says what ccnt writes"));
    case WriteResult::Failed:
      break;
  }
  throw UsageError(trf("cannot write {}: {}", display, error),
                   trf("check that the directory exists and is writable"));
}

}  // namespace ccnt::cli
