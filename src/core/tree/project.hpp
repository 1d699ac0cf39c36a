// A ccnt data tree: the root holding policies/, with the schema and the
// registries it is checked against.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/diag/diagnostic.hpp"
#include "core/policy/json_schema.hpp"
#include "core/policy/registry.hpp"
#include "core/policy/series_registry.hpp"
#include "core/tree/tree_settings.hpp"

namespace ccnt {

struct Project {
  std::filesystem::path root;         // the directory that holds policies/
  std::filesystem::path schemas_dir;  // root/schemas, or the installed copy
  Registry registry;
  JsonSchema schema;
  SeriesRegistry series;  // schemas/series.yaml; empty when the tree has none
  std::string tree;       // the canonical root ending in '/': no file outside it is read (E070)
  Settings settings;      // <root>/.ccnt.yaml (tree_settings.hpp); the defaults when there is none

  std::filesystem::path policies_dir() const { return root / "policies"; }
};

// Finds the root: `explicit_root` (from --root or CCNT_ROOT) when given, else the
// nearest directory from `start` upward that holds policies/. Returns nullopt
// with a message in `error` when there is none.
std::optional<std::filesystem::path> find_project_root(const std::string& explicit_root,
                                                       const std::filesystem::path& start,
                                                       std::string& error);

// The directory holding the installed schemas/: $CCNT_DATA_DIR when set and not
// empty (so that tests, or a ccnt copied by hand, do not depend on what is installed), else
// share/ccnt beside the executable's directory (<dir>/bin/ccnt → <dir>/share/ccnt) when it holds
// schemas/ (the release tarball, unpacked anywhere), else the share/ccnt of the prefix ccnt was
// built for.
std::filesystem::path installed_data_dir();

// Loads the schema and registries for a root: root/schemas when present, else
// the copy installed with ccnt (installed_data_dir()). Problems in them go to diagnostics;
// those of the tree's .ccnt.yaml to the project's settings.problems.
std::optional<Project> open_project(const std::filesystem::path& root, Diagnostics& diagnostics);

}  // namespace ccnt
