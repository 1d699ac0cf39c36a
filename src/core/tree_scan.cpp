#include "core/tree_scan.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/source_file.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// Walks one directory; `ancestors` holds the (device, inode) of every directory on the way down.
void walk(const fs::path& dir, int depth, std::set<std::pair<dev_t, ino_t>>& ancestors,
          std::vector<fs::path>& files, Diagnostics& diagnostics,
          const RegionDirFilter& keep_region) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    diagnostics.error("E001", display_path(dir), {},
                      fmt::format("cannot read directory: {}", ec.message()));
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const fs::directory_entry& entry : entries) {
    const fs::path& path = entry.path();
    const std::string name = path.filename().string();
    if (name.empty() || name[0] == '.') continue;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      if (::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode))
        diagnostics.warning("W003", display_path(path), {}, "broken symbolic link; skipped");
      else
        diagnostics.error("E001", display_path(path), {}, "cannot read file");
      continue;
    }
    if (S_ISDIR(info.st_mode)) {
      if (depth == 0 && keep_region && !keep_region(name)) continue;
      auto key = std::make_pair(info.st_dev, info.st_ino);
      if (!ancestors.insert(key).second) {
        diagnostics.warning("W003", display_path(path), {},
                            "symbolic link loops back to a parent directory; skipped");
        continue;
      }
      walk(path, depth + 1, ancestors, files, diagnostics, keep_region);
      ancestors.erase(key);
    } else if (is_policy_file_name(path)) {
      files.push_back(path);
    } else if (S_ISREG(info.st_mode) && name != "README.md") {
      diagnostics.warning("W004", display_path(path), {},
                          "not a policy file (.yaml); ignored",
                          "policy files end in .yaml; move other files out of policies/");
    }
  }
}

}  // namespace

bool is_policy_file_name(const fs::path& file) {
  const auto ext = file.extension();
  return ext == ".yaml" || ext == ".yml";
}

std::vector<fs::path> find_policy_files(const fs::path& dir, Diagnostics& diagnostics,
                                        const RegionDirFilter& keep_region) {
  std::vector<fs::path> files;
  std::set<std::pair<dev_t, ino_t>> ancestors;
  struct stat info {};
  if (::stat(dir.c_str(), &info) == 0) ancestors.insert({info.st_dev, info.st_ino});
  walk(dir, 0, ancestors, files, diagnostics, keep_region);
  return files;
}

}  // namespace ccnt
