#include "core/tree/project.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "core/diag/message_catalog.hpp"
#include "core/policy/schema_enum.hpp"
#include "core/tree/source_file.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {

namespace fs = std::filesystem;

std::optional<fs::path> find_project_root(const std::string& explicit_root, const fs::path& start,
                                          std::string& error) {
  std::error_code ec;
  if (!explicit_root.empty()) {
    const fs::path root = fs::absolute(explicit_root, ec).lexically_normal();
    if (!fs::is_directory(root / "policies", ec)) {
      error = trf("--root {} has no policies/ directory", explicit_root);
      return std::nullopt;
    }
    return root;
  }
  for (fs::path dir = fs::absolute(start, ec); !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / "policies", ec)) return dir;
    if (dir == dir.root_path()) break;
  }
  error =
      trf("no policies/ directory here or in any parent directory; run ccnt inside a data tree, or "
          "pass --root DIR (or set CCNT_ROOT)");
  return std::nullopt;
}

fs::path installed_data_dir() {
  const char* override_dir = std::getenv("CCNT_DATA_DIR");
  if (override_dir != nullptr && *override_dir != '\0') return override_dir;
  // A ccnt unpacked from the release's tarball, wherever that is: the share/ccnt beside its bin/.
  std::error_code ec;
  const fs::path executable = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = executable.parent_path().parent_path() / "share" / "ccnt";
    if (fs::is_directory(beside / "schemas", ec)) return beside;
  }
  return CCNT_INSTALL_DATADIR;
}

std::optional<Project> open_project(const fs::path& root, Diagnostics& diagnostics) {
  std::error_code ec;
  fs::path schemas = root / "schemas";
  if (!fs::is_directory(schemas, ec)) schemas = installed_data_dir() / "schemas";
  if (!fs::is_regular_file(schemas / "policy.schema.json", ec)) {
    diagnostics.error("E092", display_path(root / "schemas"), {},
                      trf("cannot find schemas/policy.schema.json"),
                      trf("keep schemas/ beside policies/, or install ccnt so that {} exists",
                          (installed_data_dir() / "schemas").string()));
    return std::nullopt;
  }
  auto registry = Registry::load(schemas, diagnostics);
  const fs::path schema_file = schemas / "policy.schema.json";
  const std::string schema_path = display_path(schema_file);
  std::optional<JsonSchema> schema;
  std::vector<std::string> doc_types;
  if (auto bytes =
          read_tree_file(schema_file, schema_path, tree_prefix(schemas.parent_path()), diagnostics))
    if (auto tree = parse_yaml(*bytes, schema_path, diagnostics)) {
      schema = JsonSchema::compile(*tree, schema_path, diagnostics);
      doc_types = schema_enum(*tree, "doc_type");
    }
  if (!registry || !schema) return std::nullopt;
  auto series = SeriesRegistry::load(schemas / "series.yaml", *registry, doc_types, diagnostics);
  if (!series) return std::nullopt;
  const std::string tree = tree_prefix(root);
  return Project{root,
                 schemas,
                 std::move(*registry),
                 std::move(*schema),
                 std::move(*series),
                 tree,
                 read_settings(root, tree)};
}

}  // namespace ccnt
