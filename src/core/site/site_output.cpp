#include "core/site/site_output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/atomic_write.hpp"
#include "core/util/hash.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// Files and bytes held before a batch is written: enough for few syncs, little memory.
constexpr std::size_t kBatchFiles = 8192;
constexpr std::size_t kBatchBytes = 96u << 20;

std::int64_t mtime_ns(const struct stat& info) {
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
}

// Reads a record: lines "<hash hex> <size> <mtime ns> <key hex> <path>" after the header.
std::unordered_map<std::string, SiteOutput::Recorded>* parse_record(
    std::string_view text, std::unordered_map<std::string, SiteOutput::Recorded>& out) {
  if (!text.starts_with(kSiteRecordHeader)) return nullptr;
  text.remove_prefix(kSiteRecordHeader.size());
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    SiteOutput::Recorded entry;
    const char* p = line.data();
    const char* last = line.data() + line.size();
    auto r1 = std::from_chars(p, last, entry.hash, 16);
    if (r1.ec != std::errc() || r1.ptr == last || *r1.ptr != ' ') continue;
    auto r2 = std::from_chars(r1.ptr + 1, last, entry.size);
    if (r2.ec != std::errc() || r2.ptr == last || *r2.ptr != ' ') continue;
    auto r3 = std::from_chars(r2.ptr + 1, last, entry.mtime_ns);
    if (r3.ec != std::errc() || r3.ptr == last || *r3.ptr != ' ') continue;
    auto r4 = std::from_chars(r3.ptr + 1, last, entry.key, 16);
    if (r4.ec != std::errc() || r4.ptr == last || *r4.ptr != ' ') continue;
    const std::string path(r4.ptr + 1, last);
    if (!path.empty()) out[path] = entry;
  }
  return &out;
}

}  // namespace

std::optional<SiteOutput> SiteOutput::open(const fs::path& dir, unsigned jobs,
                                           Diagnostics& diagnostics) {
  const std::string display = display_path(dir);
  struct stat info {};
  if (::lstat(dir.c_str(), &info) != 0) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
      diagnostics.error("E123", display, {}, trf("cannot create the directory: {}", ec.message()),
                        trf("check that its parent exists and is writable"));
      return std::nullopt;
    }
    if (::lstat(dir.c_str(), &info) != 0) {
      diagnostics.error("E123", display, {},
                        trf("cannot create the directory: {}", std::strerror(errno)));
      return std::nullopt;
    }
  }
  if (S_ISLNK(info.st_mode) || !S_ISDIR(info.st_mode)) {
    diagnostics.error("E120", display, {},
                      S_ISLNK(info.st_mode)
                          ? trf("the output directory is a symbolic link; ccnt site does not "
                                "follow it")
                          : trf("the output is not a directory"),
                      trf("name a new or empty directory with -o, or one ccnt site wrote before"));
    return std::nullopt;
  }
  SiteOutput output;
  output.dir_ = dir;
  output.jobs_ = jobs;
  const fs::path record = dir / kSiteRecordName;
  struct stat record_info {};
  bool recorded = false;
  if (::lstat(record.c_str(), &record_info) == 0 && S_ISREG(record_info.st_mode)) {
    Diagnostics ignored;
    if (auto text = read_source_file(record, display_path(record), ignored, 512u << 20))
      recorded = parse_record(*text, output.last_) != nullptr;
  }
  if (!recorded) {
    std::error_code ec;
    const bool empty = fs::is_empty(dir, ec);
    if (ec || !empty) {
      diagnostics.error("E121", display, {},
                        trf("the output directory has files that ccnt site did not write; "
                            "nothing was written"),
                        trf("name a new or empty directory with -o (ccnt site writes only there, "
                            "or where it wrote before: it keeps a record in {})",
                            kSiteRecordName));
      return std::nullopt;
    }
  }
  output.checked_dirs_.insert("");
  return output;
}

void SiteOutput::report(const std::string& path, const std::string& code, const std::string& error,
                        Diagnostics& diagnostics) {
  ++stats_.failed;
  diagnostics.error(code, display_path(dir_ / path), {}, trf("cannot write the file: {}", error),
                    code == "E122" ? trf("ccnt site never replaces a link, a directory or a "
                                         "device; remove it, or build into a new directory")
                                   : trf("check that the directory is writable and the disk not "
                                         "full"));
}

bool SiteOutput::make_parents(const std::string& path, Diagnostics& diagnostics) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return true;
  const std::string parent = path.substr(0, slash);
  if (checked_dirs_.count(parent)) return true;
  if (!make_parents(parent, diagnostics)) return false;
  const fs::path dir = dir_ / parent;
  if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) {
    report(path, "E123", std::strerror(errno), diagnostics);
    return false;
  }
  struct stat info {};
  if (::lstat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    report(path, "E122",
           S_ISLNK(info.st_mode) ? trf("{} is a symbolic link", parent)
                                 : trf("{} is not a directory", parent),
           diagnostics);
    return false;
  }
  checked_dirs_.insert(parent);
  return true;
}

bool SiteOutput::parents_are_directories(const std::string& path) const {
  for (std::size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    struct stat info {};
    const fs::path dir = dir_ / path.substr(0, slash);
    if (::lstat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) return false;
  }
  return true;
}

bool SiteOutput::intact(const std::string& path, const Recorded& entry) const {
  struct stat info {};
  const fs::path file = dir_ / path;
  return ::lstat(file.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
         static_cast<std::uint64_t>(info.st_size) == entry.size && mtime_ns(info) == entry.mtime_ns;
}

bool SiteOutput::keep(const std::string& path, std::uint64_t key) {
  const auto last = last_.find(path);
  if (key == 0 || last == last_.end() || last->second.key != key || !intact(path, last->second))
    return false;
  ++stats_.files;
  ++stats_.unchanged;
  stats_.bytes += last->second.size;
  now_[path] = last->second;
  return true;
}

std::uint64_t SiteOutput::size_of(const std::string& path) const {
  const auto found = now_.find(path);
  return found == now_.end() ? 0 : found->second.size;
}

bool SiteOutput::keep_all_under(const std::string& prefix, std::uint64_t key) {
  std::vector<std::string> paths;
  for (const auto& [path, entry] : last_) {
    if (!path.starts_with(prefix)) continue;
    if (key == 0 || entry.key != key || !intact(path, entry)) return false;
    paths.push_back(path);
  }
  for (const std::string& path : paths) keep(path, key);
  return !paths.empty();
}

void SiteOutput::add(std::string path, std::string content, Diagnostics& diagnostics,
                     std::uint64_t key) {
  ++stats_.files;
  stats_.bytes += content.size();
  const std::uint64_t hash = hash_bytes(content);
  if (const auto last = last_.find(path); last != last_.end() && last->second.hash == hash &&
                                          last->second.size == content.size() &&
                                          intact(path, last->second)) {
    ++stats_.unchanged;
    now_[path] = last->second;
    now_[path].key = key;
    return;
  }
  pending_bytes_ += content.size();
  pending_.push_back({std::move(path), std::move(content), hash, key});
  if (pending_.size() >= kBatchFiles || pending_bytes_ >= kBatchBytes) flush(diagnostics);
}

void SiteOutput::flush(Diagnostics& diagnostics) {
  if (pending_.empty()) return;
  std::vector<BatchFile> batch;
  std::vector<std::size_t> source;
  batch.reserve(pending_.size());
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    if (!make_parents(pending_[i].path, diagnostics)) continue;
    BatchFile file;
    file.file = dir_ / pending_[i].path;
    file.content = pending_[i].content;
    file.replace = true;
    batch.push_back(std::move(file));
    source.push_back(i);
  }
  write_files_atomically(batch, jobs_);
  for (std::size_t b = 0; b < batch.size(); ++b) {
    const Pending& item = pending_[source[b]];
    switch (batch[b].result) {
      case WriteResult::Written:
      case WriteResult::Exists: {
        ++stats_.written;
        struct stat info {};
        Recorded entry{item.hash, item.content.size(), 0, item.key};
        if (::lstat(batch[b].file.c_str(), &info) == 0) entry.mtime_ns = mtime_ns(info);
        now_[item.path] = entry;
        break;
      }
      case WriteResult::Refused:
        report(item.path, "E122", batch[b].error, diagnostics);
        break;
      case WriteResult::Failed:
        report(item.path, "E123", batch[b].error, diagnostics);
        break;
    }
  }
  pending_.clear();
  pending_bytes_ = 0;
}

SiteWriteStats SiteOutput::finish(Diagnostics& diagnostics) {
  flush(diagnostics);
  // What the last build wrote and this one did not: its own regular files only.
  std::vector<std::string> gone;
  for (const auto& [path, entry] : last_)
    if (!now_.count(path)) gone.push_back(path);
  std::sort(gone.begin(), gone.end());
  for (const std::string& path : gone) {
    const fs::path file = dir_ / path;
    struct stat info {};
    // A record is a file in a directory that may come from anywhere: nothing outside is touched.
    if (path.empty() || path.front() == '/' || path.find("..") != std::string::npos ||
        !parents_are_directories(path) || ::lstat(file.c_str(), &info) != 0 ||
        !S_ISREG(info.st_mode))
      continue;
    if (::unlink(file.c_str()) == 0) {
      ++stats_.removed;
      // Its directory too, when nothing is left in it (rmdir removes only an empty one).
      for (fs::path dir = file.parent_path(); dir != dir_ && dir.has_relative_path();
           dir = dir.parent_path())
        if (::rmdir(dir.c_str()) != 0) break;
    }
  }
  // The record, sorted, so that two builds of one tree leave the same directory.
  std::vector<std::pair<std::string, Recorded>> entries(now_.begin(), now_.end());
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string record(kSiteRecordHeader);
  for (const auto& [path, entry] : entries)
    record += fmt::format("{:016x} {} {} {:016x} {}\n", entry.hash, entry.size, entry.mtime_ns,
                          entry.key, path);
  std::string error;
  const WriteResult result = write_file_atomically(dir_ / kSiteRecordName, record, error);
  if (result == WriteResult::Refused)
    report(std::string(kSiteRecordName), "E122", error, diagnostics);
  if (result == WriteResult::Failed)
    report(std::string(kSiteRecordName), "E123", error, diagnostics);
  return stats_;
}

}  // namespace ccnt
