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
FileStamp stamp_of(const struct stat& info) {
  return {static_cast<std::uint64_t>(info.st_size),
          static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
          static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1'000'000'000 + info.st_ctim.tv_nsec,
          static_cast<std::uint64_t>(info.st_ino), static_cast<std::uint64_t>(info.st_dev)};
}

void walk(const fs::path& dir, int depth, std::set<std::pair<dev_t, ino_t>>& ancestors,
          std::vector<FoundFile>& files, Diagnostics& diagnostics,
          const RegionDirFilter& keep_region, std::size_t max_files) {
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
    if (files.size() > max_files) return;
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
      walk(path, depth + 1, ancestors, files, diagnostics, keep_region, max_files);
      ancestors.erase(key);
    } else if (is_policy_file_name(path)) {
      if (files.size() == max_files) {
        diagnostics.error("E013", display_path(path), {},
                          fmt::format("more than {} policy files; the rest are not read",
                                      max_files),
                          "ccnt reads at most this many files from one tree; split the tree");
        files.push_back({});  // one past the limit: every walk stops
        return;
      }
      files.push_back({path, stamp_of(info)});
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

std::vector<FoundFile> scan_policy_files(const fs::path& dir, Diagnostics& diagnostics,
                                         const RegionDirFilter& keep_region,
                                         std::size_t max_files) {
  std::vector<FoundFile> files;
  std::set<std::pair<dev_t, ino_t>> ancestors;
  struct stat info {};
  if (::stat(dir.c_str(), &info) == 0) ancestors.insert({info.st_dev, info.st_ino});
  walk(dir, 0, ancestors, files, diagnostics, keep_region, max_files);
  if (files.size() > max_files) files.resize(max_files);
  return files;
}

std::vector<fs::path> find_policy_files(const fs::path& dir, Diagnostics& diagnostics,
                                        const RegionDirFilter& keep_region) {
  std::vector<fs::path> paths;
  for (FoundFile& file : scan_policy_files(dir, diagnostics, keep_region))
    paths.push_back(std::move(file.path));
  return paths;
}

}  // namespace ccnt
