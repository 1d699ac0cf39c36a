// The settings of a data tree: `.ccnt.yaml` at its root (docs/settings.md), the one place where a
// repository keeps what would otherwise be flags repeated in every workflow: how severe each
// warning is, the bulletin template, the website's settings and the import mappings. Read once,
// by open_project (project.hpp); the commands take their defaults from it and their flags win.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "core/diag/diagnostic.hpp"

namespace ccnt {

// The file's name at the root of the data tree.
inline constexpr std::string_view kSettingsFileName = ".ccnt.yaml";

// What a warning code is set to: dropped, kept as a warning, or made an error (so that it fails
// `ccnt validate`, as --strict does for every warning).
enum class WarningLevel { Off, Warning, Error };

// What `ccnt site` needs to know about the site and the data behind it (`site:` in .ccnt.yaml).
// Every field may be empty: the site then uses its defaults and leaves out what needs the value.
struct SiteSettings {
  std::string title;        // the site's name, in its header and every page's <title>
  std::string description;  // one sentence under the title on the home page
  std::string repository;   // https URL of the data repository, for "edit this file" links
  std::string branch;       // the branch edit links open; empty: main
  std::string edit_url;     // an https pattern with {path}, for hosts whose edit URL is not
                            // GitHub's (GitLab: https://gitlab.com/org/data/-/edit/main/{path})
  std::string url;          // https URL the site is published at, for absolute links (the feed)
  std::string language;     // the interface's default language: zh or en; empty: zh

  // The https URL that edits `path` (relative to the root, with `/`) in the repository's web
  // interface: edit_url with {path} filled in, else <repository>/edit/<branch>/<path>; empty
  // when neither is set. Characters other than letters, digits and -._~/ are percent-encoded.
  std::string edit_link(std::string_view path) const;
};

// The settings of one data tree, with the defaults where .ccnt.yaml says nothing.
struct Settings {
  std::filesystem::path file;  // <root>/.ccnt.yaml when the tree has one, else empty
  // Warning code → level, for the codes the file sets (warning_codes() lists those there are).
  std::map<std::string, WarningLevel, std::less<>> warnings;
  // `bulletin: template:` as a path under the root; empty: templates/bulletin.md.mustache if the
  // tree has it, else the template built into ccnt (`ccnt report --template` wins).
  std::filesystem::path bulletin_template;
  // `import: mappings:` name → mapping file under the root, for `ccnt import --mapping NAME`
  // (and without --mapping when there is exactly one).
  std::map<std::string, std::filesystem::path, std::less<>> import_mappings;
  SiteSettings site;
  // Problems in the file (E140–E144), with its line and column. The parts that are valid are
  // used all the same; `ccnt validate` reports these, other commands refuse to run with errors.
  Diagnostics problems;
};

// Reads <root>/.ccnt.yaml, if there is one; `tree` is the root's canonical prefix (tree_prefix):
// the file and every path it names must lie inside it (E070, E143).
Settings read_settings(const std::filesystem::path& root, std::string_view tree);

// Sets each warning in `diagnostics` to its level in `settings`: drops those set to off, makes
// errors of those set to error. Errors are never changed.
void apply_warning_levels(const Settings& settings, Diagnostics& diagnostics);

}  // namespace ccnt
