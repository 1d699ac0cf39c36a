#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "cli/cli_parser.hpp"
#include "cli/commands.hpp"
#include "cli/completion_engine.hpp"
#include "cli/completion_scripts.hpp"
#include "cli/exit_codes.hpp"
#include "cli/registry_names.hpp"
#include "core/policy/schema_enum.hpp"
#include "core/tree/project.hpp"
#include "core/tree/tree_scan.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

namespace {

// The data tree the completed command would use, or the installed schemas when there is none;
// nullopt when neither can be read (then only fixed words are completed).
std::optional<Project> completion_project(const CompletionRequest& request) {
  std::string root_flag;
  if (auto it = request.given.find("--root"); it != request.given.end()) root_flag = it->second;
  if (root_flag.empty())
    if (const char* env = std::getenv("CCNT_ROOT")) root_flag = env;
  std::string error;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const auto root = find_project_root(root_flag, cwd, error);
  Diagnostics ignored;  // completion prints no errors; the command itself will
  return open_project(root ? *root : cwd, ignored);
}

std::vector<Candidate> subsector_names(const Registry& registry) {
  std::vector<Candidate> names;
  for (const Sector& sector : registry.sectors())
    for (const Subsector& sub : sector.subsectors)
      names.push_back({sub.slug, sub.name + " (" + sector.slug + ")"});
  return names;
}

std::vector<Candidate> policy_ids(const Project& project) {
  Diagnostics ignored;
  std::vector<Candidate> ids;
  std::error_code ec;
  if (!fs::is_directory(project.policies_dir(), ec)) return ids;
  for (const fs::path& file : find_policy_files(project.policies_dir(), ignored))
    ids.push_back({file.stem().string(), {}});
  return ids;
}

std::vector<Candidate> plain(const std::vector<std::string>& values) {
  std::vector<Candidate> out;
  for (const std::string& value : values) out.push_back({value, {}});
  return out;
}

// Resolves a request for the values of an option from the registries and the schema.
void resolve_values(CompletionRequest& request) {
  const OptionSpec& option = *request.option;
  const std::string& type = option.value_name;
  const auto named = [&option](std::string_view name) {
    return std::find(option.names.begin(), option.names.end(), name) != option.names.end();
  };
  request.kind = CompletionRequest::Kind::Words;
  if (type == "DIR") {
    request.kind = CompletionRequest::Kind::Directories;
    return;
  }
  if (type == "FILE" || type == "PATH" ||
      (type == "ID|PATH" && request.prefix.find_first_of("/.") != std::string::npos)) {
    request.kind = CompletionRequest::Kind::Files;
    return;
  }
  if (type == "COMMAND") {
    std::vector<Candidate> names;
    for (const CommandSpec& command : describe_command_line().commands)
      names.push_back({command.name, command.description});
    request.words = filter_candidates(std::move(names), request.prefix);
    return;
  }
  const bool needs_tree = type == "REGION" || type == "SECTOR" || type == "SUBSECTOR" ||
                          type == "LEVEL" || type == "TYPE" || type == "ID|PATH" ||
                          named("--indicator");
  if (!needs_tree) {
    request.kind = CompletionRequest::Kind::Nothing;
    return;
  }
  const auto project = completion_project(request);
  if (!project) return;
  const Registry& registry = project->registry;
  const fs::path schema_file = project->schemas_dir / "policy.schema.json";
  std::vector<Candidate> values;
  if (type == "REGION") {
    values = region_names(registry);
  } else if (type == "SECTOR") {
    values = sector_names(registry);
  } else if (type == "SUBSECTOR") {
    values = subsector_names(registry);
  } else if (type == "LEVEL") {
    values = plain(schema_enum(schema_file, "level"));
  } else if (type == "TYPE") {
    values = plain(schema_enum(schema_file, "doc_type"));
  } else if (type == "ID|PATH") {
    values = policy_ids(*project);
  } else {
    for (const Indicator& indicator : registry.indicators())
      values.push_back({indicator.slug, indicator.name});
  }
  request.words = filter_candidates(std::move(values), request.prefix);
}

}  // namespace

int run_completion(const Options& options) {
  const std::string& shell = options.completion.shell;
  std::cout << (shell == "zsh"    ? kZshCompletionScript
                : shell == "fish" ? kFishCompletionScript
                                  : kBashCompletionScript);
  return kExitOk;
}

int run_complete(const Options& options) {
  const CommandLineSpec spec = describe_command_line();  // request.option points into it
  CompletionRequest request = analyse_completion(spec, options.completion.words);
  if (request.kind == CompletionRequest::Kind::Values) resolve_values(request);
  switch (request.kind) {
    case CompletionRequest::Kind::Files:
      std::cout << ":files\n";
      break;
    case CompletionRequest::Kind::Directories:
      std::cout << ":dirs\n";
      break;
    case CompletionRequest::Kind::Words:
      for (const Candidate& candidate : request.words) {
        std::cout << request.insert_before << candidate.value;
        if (!candidate.description.empty()) std::cout << '\t' << candidate.description;
        std::cout << '\n';
      }
      break;
    case CompletionRequest::Kind::Values:
    case CompletionRequest::Kind::Nothing:
      break;
  }
  return kExitOk;
}

}  // namespace ccnt::cli
