#include "core/tree/tree_scan.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>

#include <cstdlib>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/parallel_for.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

FileStamp stamp_of(const struct stat& info) {
  return {static_cast<std::uint64_t>(info.st_size),
          static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
          static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1'000'000'000 + info.st_ctim.tv_nsec,
          static_cast<std::uint64_t>(info.st_ino), static_cast<std::uint64_t>(info.st_dev)};
}

// E013 at the first file past the limit.
void report_too_many_files(const fs::path& file, std::size_t max_files, Diagnostics& diagnostics) {
  diagnostics.error("E013", display_path(file), {},
                    trf("more than {} policy files; the rest are not read", max_files),
                    trf("ccnt reads at most this many files from one tree; split the tree"));
}

// True when `path` (canonical) is `root` (canonical, ending in '/') or lies below it.
bool is_inside(std::string_view path, std::string_view root) {
  return path.starts_with(root) || (path.size() + 1 == root.size() && root.starts_with(path));
}

bool has_policy_extension(std::string_view name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

// True when `name` in `dir_fd` is no symbolic link, or one whose target (every link on the way
// resolved) lies inside `root`; a broken link counts as inside (it is reported as broken later).
bool link_stays_inside(int dir_fd, const std::string& name, const std::string& path,
                       const std::string& root) {
  struct stat info {};
  if (::fstatat(dir_fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISLNK(info.st_mode))
    return true;
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) == nullptr) return true;
  return is_inside(resolved, root);
}

// What the walk found below one directory: its files in order and the problems on the way.
struct Found {
  std::vector<FoundFile> files;
  Diagnostics diagnostics;
};

// One entry of the top directory: what it holds, or a region directory left to walk later.
struct TopEntry {
  Found found;
  std::string deferred_dir;  // non-empty: walk this directory (in parallel with the others)
  std::set<std::pair<dev_t, ino_t>> ancestors;
};

// Walks one directory; `ancestors` holds the (device, inode) of every directory on the way down.
// Works on plain strings and directory descriptors: a tree may hold 100,000 files. With `top`,
// each entry of this (depth 0) directory gets its own TopEntry and subdirectories are deferred.
// A symbolic link is followed only when its target lies inside `root` (the canonical data tree,
// ending in '/'); one that leads out is reported (E070) and skipped.
void walk(const std::string& dir, int depth, std::set<std::pair<dev_t, ino_t>>& ancestors,
          Found& out, const RegionDirFilter& keep_region, std::size_t max_files,
          const std::string& root, std::vector<TopEntry>* top = nullptr) {
  DIR* handle = ::opendir(dir.c_str());
  if (handle == nullptr) {
    out.diagnostics.error("E001", display_path(dir), {},
                          trf("cannot read directory: {}", std::strerror(errno)));
    return;
  }
  std::vector<std::pair<std::string, unsigned char>> entries;  // name and d_type
  while (const dirent* entry = ::readdir(handle)) {
    const std::string_view name = entry->d_name;
    if (!name.empty() && name[0] != '.')  // hidden entries, . and ..
      entries.emplace_back(name, entry->d_type);
  }
  std::sort(entries.begin(), entries.end());
  const int dir_fd = ::dirfd(handle);
  const std::string prefix = dir.ends_with('/') ? dir : dir + '/';
  for (const auto& [name, type] : entries) {
    TopEntry* entry = top ? &top->emplace_back() : nullptr;
    std::vector<FoundFile>& files = entry ? entry->found.files : out.files;
    Diagnostics& diagnostics = entry ? entry->found.diagnostics : out.diagnostics;
    if (files.size() > max_files) break;
    std::string path = prefix + name;
    struct stat info {};
    if ((type == DT_LNK || type == DT_UNKNOWN) && !link_stays_inside(dir_fd, name, path, root)) {
      report_outside_tree(display_path(path), diagnostics);
      continue;
    }
    if (::fstatat(dir_fd, name.c_str(), &info, 0) != 0) {
      if (::fstatat(dir_fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(info.st_mode))
        diagnostics.warning("W003", display_path(path), {}, trf("broken symbolic link; skipped"));
      else
        diagnostics.error("E001", display_path(path), {}, trf("cannot read file"));
      continue;
    }
    if (S_ISDIR(info.st_mode)) {
      if (depth == 0 && keep_region && !keep_region(name)) continue;
      auto key = std::make_pair(info.st_dev, info.st_ino);
      if (!ancestors.insert(key).second) {
        diagnostics.warning("W003", display_path(path), {},
                            trf("symbolic link loops back to a parent directory; skipped"));
        continue;
      }
      if (entry) {
        entry->deferred_dir = std::move(path);
        entry->ancestors = ancestors;
      } else {
        walk(path, depth + 1, ancestors, out, keep_region, max_files, root);
      }
      ancestors.erase(key);
    } else if (has_policy_extension(name)) {
      if (files.size() == max_files) {
        report_too_many_files(path, max_files, diagnostics);
        files.push_back({});  // one past the limit: every walk stops
        break;
      }
      files.push_back({std::move(path), stamp_of(info)});
    } else if (S_ISREG(info.st_mode) && name != "README.md") {
      diagnostics.warning("W004", display_path(path), {}, trf("not a policy file (.yaml); ignored"),
                          trf("policy files end in .yaml; move other files out of policies/"));
    }
  }
  ::closedir(handle);
}

}  // namespace

bool is_policy_file_name(const fs::path& file) {
  const auto ext = file.extension();
  return ext == ".yaml" || ext == ".yml";
}

std::vector<FoundFile> scan_policy_files(const fs::path& dir, Diagnostics& diagnostics,
                                         const RegionDirFilter& keep_region, std::size_t max_files,
                                         unsigned jobs) {
  // The data tree is the directory that holds `dir` (policies/); links may not lead out of it.
  std::error_code ec;
  const fs::path absolute = fs::absolute(dir, ec).lexically_normal();
  const std::string root = tree_prefix(
      absolute.has_filename() ? absolute.parent_path() : absolute.parent_path().parent_path());
  if (!link_stays_inside(AT_FDCWD, dir.string(), dir.string(), root)) {
    report_outside_tree(display_path(dir), diagnostics);
    return {};
  }
  std::set<std::pair<dev_t, ino_t>> ancestors;
  struct stat info {};
  if (::stat(dir.c_str(), &info) == 0) ancestors.insert({info.st_dev, info.st_ino});
  // The top directory first, then its subdirectories (regions) on `jobs` threads; the parts
  // are joined in name order, so the result does not depend on the threads.
  Found top_found;
  std::vector<TopEntry> top;
  walk(dir.string(), 0, ancestors, top_found, keep_region, max_files, root, &top);
  diagnostics.append(std::move(top_found.diagnostics));
  parallel_for(top.size(), jobs, [&](std::size_t i) {
    if (!top[i].deferred_dir.empty())
      walk(top[i].deferred_dir, 1, top[i].ancestors, top[i].found, keep_region, max_files, root);
  });

  std::vector<FoundFile> files;
  bool limit_reported = false;
  for (TopEntry& entry : top) {
    for (const Diagnostic& d : entry.found.diagnostics.all()) limit_reported |= d.code == "E013";
    diagnostics.append(std::move(entry.found.diagnostics));
    for (FoundFile& file : entry.found.files) {
      if (files.size() == max_files) {
        if (!limit_reported && !file.path.empty())
          report_too_many_files(file.path, max_files, diagnostics);
        return files;
      }
      files.push_back(std::move(file));
    }
  }
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
