#include "core/tree/policy_cache.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>
#include <utility>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/atomic_write.hpp"
#include "core/util/fd_io.hpp"
#include "core/util/hash.hpp"
#include "core/util/version.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// Raised to the next number whenever the layout below or the Policy record changes.
constexpr std::uint32_t kFormatVersion = 4;
constexpr char kMagic[8] = {'C', 'C', 'N', 'T', 'P', 'C', 'A', 'C'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;

// A tripwire: a new field in Policy or Target must be added to encode/decode below (and
// kFormatVersion raised) before this size is updated.
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(Policy) == 744 && sizeof(Target) == 224,
              "Policy or Target changed: update policy_cache.cpp and raise kFormatVersion");
#endif

// Appends fixed-size numbers and length-prefixed strings to a byte string.
class Encoder {
 public:
  explicit Encoder(std::string& out) : out_(out) {}

  template <typename T>
  void num(T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out_.append(bytes, sizeof(T));
  }
  void str(std::string_view text) {
    num<std::uint32_t>(static_cast<std::uint32_t>(text.size()));
    out_.append(text);
  }
  void mark(const Mark& mark) {
    num<std::int32_t>(mark.line);
    num<std::int32_t>(mark.column);
  }
  void date(const PartialDate& date) {
    num<std::int32_t>(date.year);
    num<std::int32_t>(date.month);
    num<std::int32_t>(date.day);
  }
  void optional_date(const std::optional<PartialDate>& date) {
    num<std::uint8_t>(date ? 1 : 0);
    if (date) this->date(*date);
  }
  void strings(const std::vector<std::string>& items) {
    num<std::uint32_t>(static_cast<std::uint32_t>(items.size()));
    for (const std::string& item : items) str(item);
  }
  void links(const std::vector<RelationLink>& items) {
    num<std::uint32_t>(static_cast<std::uint32_t>(items.size()));
    for (const RelationLink& item : items) {
      str(item.id);
      mark(item.mark);
    }
  }

 private:
  std::string& out_;
};

// Reads what Encoder wrote; any read past the end or absurd count sets failed() for good.
class Decoder {
 public:
  Decoder(std::string_view bytes, std::size_t at) : bytes_(bytes), at_(at) {}

  bool failed() const { return failed_; }
  std::size_t at() const { return at_; }

  template <typename T>
  T num() {
    T value{};
    if (failed_ || bytes_.size() - at_ < sizeof(T)) {
      failed_ = true;
      return value;
    }
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string_view view() {
    const auto size = num<std::uint32_t>();
    if (failed_ || bytes_.size() - at_ < size) {
      failed_ = true;
      return {};
    }
    std::string_view text = bytes_.substr(at_, size);
    at_ += size;
    return text;
  }
  std::string str() { return std::string(view()); }
  Mark mark() {
    Mark mark;
    mark.line = num<std::int32_t>();
    mark.column = num<std::int32_t>();
    return mark;
  }
  PartialDate date() {
    PartialDate date;
    date.year = num<std::int32_t>();
    date.month = num<std::int32_t>();
    date.day = num<std::int32_t>();
    return date;
  }
  std::optional<PartialDate> optional_date() {
    if (num<std::uint8_t>() == 0) return std::nullopt;
    return date();
  }
  // A count of items each at least `min_item_bytes` long, checked against the bytes left.
  std::uint32_t count(std::size_t min_item_bytes) {
    const auto n = num<std::uint32_t>();
    if (failed_ || (bytes_.size() - at_) / min_item_bytes < n) {
      failed_ = true;
      return 0;
    }
    return n;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> items(count(4));
    for (std::string& item : items) item = str();
    return items;
  }
  std::vector<RelationLink> links() {
    std::vector<RelationLink> items(count(4 + 8));
    for (RelationLink& item : items) {
      item.id = str();
      item.mark = mark();
    }
    return items;
  }

 private:
  std::string_view bytes_;
  std::size_t at_;
  bool failed_ = false;
};

constexpr std::uint8_t kHasPolicy = 1;
constexpr std::uint8_t kTodayDependent = 2;

// The order in which a Policy's strings and lists are stored.
constexpr std::string Policy::*kStringFields[] = {
    &Policy::id,      &Policy::title,           &Policy::title_en,  &Policy::region,
    &Policy::level,   &Policy::sector,          &Policy::subsector, &Policy::doc_type,
    &Policy::source,  &Policy::document_number, &Policy::status,    &Policy::instrument,
    &Policy::summary, &Policy::headline};
constexpr std::vector<std::string> Policy::*kListFields[] = {&Policy::sectors, &Policy::issuers,
                                                             &Policy::tags, &Policy::source_ids};
constexpr std::string Target::*kTargetStringFields[] = {&Target::indicator, &Target::text,
                                                        &Target::unit,      &Target::kind,
                                                        &Target::qualifier, &Target::scope};

void encode_policy(Encoder& e, const Policy& p) {
  for (std::string Policy::*field : kStringFields) e.str(p.*field);
  for (std::vector<std::string> Policy::*field : kListFields) e.strings(p.*field);
  e.num<std::uint8_t>(p.stub ? 1 : 0);
  e.optional_date(p.published);
  e.date(p.added);
  e.optional_date(p.updated);
  e.mark(p.id_mark);
  e.mark(p.title_mark);
  for (const RelationKind kind : kRelationKinds) e.links(p.relations.of(kind));
  e.num<std::uint32_t>(static_cast<std::uint32_t>(p.targets.size()));
  for (const Target& t : p.targets) {
    for (std::string Target::*field : kTargetStringFields) e.str(t.*field);
    e.num<double>(t.value);
    e.num<std::uint8_t>(t.base_year ? 1 : 0);
    e.num<std::int32_t>(t.base_year.value_or(0));
    e.num<std::int32_t>(t.target_year);
    e.mark(t.mark);
  }
}

// Decodes what encode_policy wrote; without `text`, the fields drop_text frees are passed over
// rather than allocated, which is most of a warm `ccnt validate`'s work.
Policy decode_policy(Decoder& d, bool text) {
  Policy p;
  for (std::string Policy::*field : kStringFields) {
    if (text || is_identifying(field))
      p.*field = d.str();
    else
      d.view();
  }
  for (std::vector<std::string> Policy::*field : kListFields) {
    if (text || is_identifying(field))
      p.*field = d.strings();
    else
      for (std::uint32_t n = d.count(4); n > 0; --n) d.view();
  }
  p.stub = d.num<std::uint8_t>() != 0;
  p.published = d.optional_date();
  p.added = d.date();
  p.updated = d.optional_date();
  p.id_mark = d.mark();
  p.title_mark = d.mark();
  for (const RelationKind kind : kRelationKinds) p.relations.of(kind) = d.links();
  std::vector<Target> targets(d.count(6 * 4 + 8 + 1 + 4 + 4 + 8));
  for (Target& t : targets) {
    for (std::string Target::*field : kTargetStringFields) {
      if (text)
        t.*field = d.str();
      else
        d.view();
    }
    t.value = d.num<double>();
    const bool has_base = d.num<std::uint8_t>() != 0;
    const auto base_year = d.num<std::int32_t>();
    if (has_base) t.base_year = base_year;
    t.target_year = d.num<std::int32_t>();
    t.mark = d.mark();
  }
  if (text) p.targets = std::move(targets);
  return p;
}

void encode_stamp(Encoder& e, const FileStamp& s) {
  e.num<std::uint64_t>(s.size);
  e.num<std::int64_t>(s.mtime_ns);
  e.num<std::int64_t>(s.ctime_ns);
  e.num<std::uint64_t>(s.inode);
  e.num<std::uint64_t>(s.device);
}

FileStamp decode_stamp(Decoder& d) {
  FileStamp s;
  s.size = d.num<std::uint64_t>();
  s.mtime_ns = d.num<std::int64_t>();
  s.ctime_ns = d.num<std::int64_t>();
  s.inode = d.num<std::uint64_t>();
  s.device = d.num<std::uint64_t>();
  return s;
}

// Reads a whole regular file (`name` relative to `dir_fd`, never through a symbolic link when
// `nofollow`); nullopt when it cannot be read. `mtime_ns` gets its modification time.
std::optional<std::string> read_whole(int dir_fd, const char* name, std::int64_t& mtime_ns,
                                      bool nofollow = true) {
  const int fd =
      ::openat(dir_fd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (nofollow ? O_NOFOLLOW : 0));
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  mtime_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  const std::size_t done = read_up_to(fd, bytes.data(), bytes.size());
  ::close(fd);
  if (done != bytes.size()) return std::nullopt;
  return bytes;
}

// Identifies the running executable by its size and modification time, so that a rebuilt
// ccnt of the same version does not trust what an older build cached.
std::string executable_identity() {
  struct stat info {};
  if (::stat("/proc/self/exe", &info) != 0) return "unknown";
  return fmt::format("{}:{}.{}", info.st_size, info.st_mtim.tv_sec, info.st_mtim.tv_nsec);
}

// Hashes ccnt's version, the executable and every file of the schemas directory.
std::uint64_t cache_key(const Project& project) {
  // Messages are cached as worded, so the language is part of the key.
  std::string material = fmt::format("ccnt {} schema {} cache {} exe {} schemas {} lang {}\n",
                                     version(), kSchemaVersion, kFormatVersion,
                                     executable_identity(), project.schemas_dir.generic_string(),
                                     language() == Language::Chinese ? "zh" : "en");
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(project.schemas_dir, ec), end; !ec && it != end; it.increment(ec))
    files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::int64_t mtime = 0;
    auto bytes = read_whole(AT_FDCWD, file.c_str(), mtime, false);
    material +=
        fmt::format("{} {:016x}\n", file.filename().string(), bytes ? hash_bytes(*bytes) : 0);
  }
  return hash_bytes(material);
}

// A bucket name as a file name: safe names as they are, anything else hex-encoded.
std::string bucket_file_name(const std::string& bucket) {
  if (bucket.empty()) return "top.bin";
  const bool safe = bucket.size() <= 100 && bucket[0] != '.' &&
                    std::all_of(bucket.begin(), bucket.end(), [](char c) {
                      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                    });
  if (safe) return "d-" + bucket + ".bin";
  std::string hex = "x-";
  for (unsigned char c : bucket.substr(0, 100)) hex += fmt::format("{:02x}", c);
  return fmt::format("{}-{:016x}.bin", hex, hash_bytes(bucket));
}

struct Header {
  std::uint64_t key = 0;
  std::string bucket;
  PartialDate today;
  std::int64_t scan_start_ns = 0;
  std::uint32_t entries = 0;
};

// Checks magic, version, byte order and checksum, and reads the header; nullopt when unusable.
std::optional<Header> read_header(std::string_view bytes, std::size_t& body) {
  if (bytes.size() < sizeof(kMagic) + 8 || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    return std::nullopt;
  std::uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  const std::string_view covered = bytes.substr(0, bytes.size() - 8);
  Decoder d(covered, sizeof(kMagic));
  if (d.num<std::uint32_t>() != kByteOrderMark || d.num<std::uint32_t>() != kFormatVersion)
    return std::nullopt;
  if (hash_bytes(covered) != stored) return std::nullopt;
  Header header;
  header.key = d.num<std::uint64_t>();
  header.bucket = d.str();
  header.today = d.date();
  header.scan_start_ns = d.num<std::int64_t>();
  header.entries = d.num<std::uint32_t>();
  if (d.failed()) return std::nullopt;
  body = d.at();
  return header;
}

constexpr char kCacheDirName[] = ".ccnt-cache";
constexpr char kBucketDirName[] = "policies";
constexpr char kTagName[] = "CACHEDIR.TAG";
// Tells backup tools that the directory holds a cache (https://bford.info/cachedir/).
constexpr std::string_view kTagText =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by ccnt (ccnt cache clear removes it).\n";

// The first bytes of every bucket file: how ccnt knows a file in its cache is its own.
std::string_view magic() {
  return {kMagic, sizeof(kMagic)};
}

// A file descriptor, closed on destruction.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// Opens the directory `name` in `parent_fd` without following a symbolic link, making it first
// when `create` (`made` tells whether it was made). -1 when it is missing, cannot be made (a
// read-only checkout: `problem` stays empty) or is not to be trusted (`problem` says why: a link,
// not a directory, another user's).
int open_own_dir(int parent_fd, const char* name, bool create, std::string& problem,
                 bool* made = nullptr) {
  if (parent_fd < 0) return -1;
  const bool created = create && ::mkdirat(parent_fd, name, 0755) == 0;
  if (made) *made = created;
  const int fd = ::openat(parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat info {};
  if (fd < 0) {
    const int error = errno;
    if (::fstatat(parent_fd, name, &info, AT_SYMLINK_NOFOLLOW) != 0) return -1;
    if (S_ISLNK(info.st_mode))
      problem = trf("it is a symbolic link, and ccnt never follows links in its cache");
    else if (!S_ISDIR(info.st_mode))
      problem = trf("it is not a directory");
    else
      problem = std::strerror(error);
    return -1;
  }
  if (::fstat(fd, &info) != 0 || info.st_uid != ::geteuid()) {
    problem = trf("it belongs to another user (uid {}), and ccnt trusts only a cache it made",
                  info.st_uid);
    ::close(fd);
    return -1;
  }
  return fd;
}

// Creates CACHEDIR.TAG in a cache directory just made (never replacing anything there).
void write_cachedir_tag(int cache_fd) {
  const int fd =
      ::openat(cache_fd, kTagName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return;
  [[maybe_unused]] const ssize_t written = ::write(fd, kTagText.data(), kTagText.size());
  ::close(fd);
}

// The names in a directory (without . and ..), read through a descriptor of its own.
std::vector<std::string> entries_of(int dir_fd) {
  std::vector<std::string> names;
  const int fd = ::openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return names;
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return names;
  }
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  ::closedir(dir);
  return names;
}

std::string cache_hint(const fs::path& where) {
  return trf("ccnt works without its cache; remove {} by hand to let ccnt make a new one",
             display_path(where));
}

}  // namespace

std::int64_t file_clock_now_ns() {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME_COARSE, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// --- CacheBucket ---

std::optional<FileResult> CacheBucket::lookup(const std::string& relative, const FileStamp& stamp,
                                              const std::string& display, bool text) const {
  const auto it = index_.find(relative);
  if (it == index_.end()) return std::nullopt;
  const Slot& slot = it->second;
  if (!(slot.stamp == stamp) || stamp.mtime_ns >= trusted_before_ ||
      stamp.ctime_ns >= trusted_before_ || (slot.today_dependent && today_changed_))
    return std::nullopt;
  Decoder d(bytes_.substr(0, slot.end), slot.body);
  const auto flags = d.num<std::uint8_t>();
  FileResult result;
  const std::uint32_t count = d.count(1 + 4 + 8 + 4 + 4);
  for (std::uint32_t i = 0; i < count; ++i) {
    Diagnostic diagnostic;
    diagnostic.severity = d.num<std::uint8_t>() == 0 ? Severity::Error : Severity::Warning;
    diagnostic.code = d.str();
    diagnostic.path = display;
    diagnostic.mark = d.mark();
    diagnostic.message = d.str();
    diagnostic.hint = d.str();
    result.diagnostics.add(std::move(diagnostic));
  }
  if (flags & kHasPolicy) {
    result.policy = decode_policy(d, text);
    result.policy->path = display;
  }
  if (d.failed() || d.at() != slot.end) return std::nullopt;
  return result;
}

std::string_view CacheBucket::raw_entry(const std::string& relative) const {
  const auto it = index_.find(relative);
  if (it == index_.end()) return {};
  return bytes_.substr(it->second.begin, it->second.end - it->second.begin);
}

// --- PolicyCache ---

PolicyCache::PolicyCache(const Project& project, const PartialDate& today,
                         std::int64_t scan_start_ns)
    : root_(project.root), key_(cache_key(project)), today_(today), scan_start_ns_(scan_start_ns) {}

PolicyCache::~PolicyCache() {
  if (dir_fd_ >= 0) ::close(dir_fd_);
}

fs::path PolicyCache::directory(const fs::path& root) {
  return root / kCacheDirName;
}

int PolicyCache::buckets_fd(bool create) const {
  std::lock_guard lock(mutex_);
  if (dir_fd_ >= 0 || refused_) return dir_fd_;
  const Fd root(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  std::string problem;
  bool made = false;
  const Fd cache(open_own_dir(root.get(), kCacheDirName, create, problem, &made));
  if (cache.get() >= 0 && made) write_cachedir_tag(cache.get());
  Fd buckets(cache.get() < 0 ? -1 : open_own_dir(cache.get(), kBucketDirName, create, problem));
  if (!problem.empty()) {
    const fs::path where = cache.get() < 0 ? directory(root_) : directory(root_) / kBucketDirName;
    problems_.warning("W070", display_path(where), {}, trf("{}; the cache is not used", problem),
                      cache_hint(where));
  }
  if (buckets.get() < 0) {
    refused_ = create || !problem.empty();  // a read-only checkout is not tried again either
    return -1;
  }
  dir_fd_ = buckets.release();
  return dir_fd_;
}

void PolicyCache::take_problems(Diagnostics& diagnostics) const {
  std::lock_guard lock(mutex_);
  diagnostics.append(std::move(problems_));
  problems_ = Diagnostics();
}

std::string PolicyCache::bucket_of(std::string_view relative) {
  const auto slash = relative.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(relative.substr(0, slash));
}

CacheBucket PolicyCache::read(const std::string& bucket) const {
  CacheBucket result;
  const int dir = buckets_fd(false);
  if (dir < 0) return result;
  std::int64_t file_mtime = 0;
  auto bytes = read_whole(dir, bucket_file_name(bucket).c_str(), file_mtime);
  if (!bytes) return result;
  auto file = std::make_shared<const std::string>(std::move(*bytes));
  std::size_t at = 0;
  const auto header = read_header(*file, at);
  // A date earlier than the writer's (a clock set back, CCNT_TODAY) may turn past dates into
  // future ones, so nothing written on a later day is trusted.
  if (!header || header->key != key_ || header->bucket != bucket || today_ < header->today)
    return result;
  result.file_ = std::move(file);
  result.bytes_ = *result.file_;
  const std::string_view covered = result.bytes_.substr(0, result.bytes_.size() - 8);
  Decoder d(covered, at);
  result.index_.reserve(header->entries);
  for (std::uint32_t i = 0; i < header->entries; ++i) {
    CacheBucket::Slot slot;
    slot.begin = d.at();
    const std::string_view relative = d.view();
    slot.stamp = decode_stamp(d);
    const auto length = d.num<std::uint32_t>();
    slot.body = d.at();
    const auto flags = d.num<std::uint8_t>();
    slot.today_dependent = (flags & kTodayDependent) != 0;
    slot.end = slot.body + length;
    if (d.failed() || length == 0 || slot.end > covered.size()) {
      result.index_.clear();
      return result;
    }
    d = Decoder(covered, slot.end);
    result.index_.emplace(relative, slot);
  }
  if (d.at() != covered.size()) {
    result.index_.clear();
    return result;
  }
  result.valid_ = true;
  result.today_changed_ = !(today_ == header->today);
  result.trusted_before_ = std::min(header->scan_start_ns, file_mtime);
  return result;
}

std::optional<std::string> PolicyCache::encode_entry(const std::string& relative,
                                                     const FileStamp& stamp, const Policy* policy,
                                                     const Diagnostics& diagnostics,
                                                     const std::string& display) {
  // Paths are not stored but set from the reader's working directory, so a result that
  // mentions its own path anywhere else is not cached; nor is one that failed to read.
  bool today_dependent = false;
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.path != display || d.code == "E001") return std::nullopt;
    if (!display.empty() &&
        (d.message.find(display) != std::string::npos || d.hint.find(display) != std::string::npos))
      return std::nullopt;
    if (d.code == "E041") today_dependent = true;
  }
  if (policy && policy->path != display) return std::nullopt;

  std::string body;
  Encoder b(body);
  b.num<std::uint8_t>((policy ? kHasPolicy : 0) | (today_dependent ? kTodayDependent : 0));
  b.num<std::uint32_t>(static_cast<std::uint32_t>(diagnostics.all().size()));
  for (const Diagnostic& d : diagnostics.all()) {
    b.num<std::uint8_t>(d.severity == Severity::Error ? 0 : 1);
    b.str(d.code);
    b.mark(d.mark);
    b.str(d.message);
    b.str(d.hint);
  }
  if (policy) encode_policy(b, *policy);

  std::string entry;
  entry.reserve(relative.size() + body.size() + 64);
  Encoder e(entry);
  e.str(relative);
  encode_stamp(e, stamp);
  e.num<std::uint32_t>(static_cast<std::uint32_t>(body.size()));
  entry += body;
  return entry;
}

bool PolicyCache::write(const std::string& bucket,
                        const std::vector<std::string_view>& entries) const {
  std::string bytes;
  std::size_t total = 64 + bucket.size();
  for (std::string_view entry : entries) total += entry.size();
  bytes.reserve(total + 8);
  bytes.append(kMagic, sizeof(kMagic));
  Encoder e(bytes);
  e.num<std::uint32_t>(kByteOrderMark);
  e.num<std::uint32_t>(kFormatVersion);
  e.num<std::uint64_t>(key_);
  e.str(bucket);
  e.date(today_);
  e.num<std::int64_t>(scan_start_ns_);
  e.num<std::uint32_t>(static_cast<std::uint32_t>(entries.size()));
  for (std::string_view entry : entries) bytes += entry;
  e.num<std::uint64_t>(hash_bytes(bytes));

  const int dir = buckets_fd(true);
  if (dir < 0) return false;
  const std::string name = bucket_file_name(bucket);
  std::string error;
  switch (write_own_file_at(dir, name, bytes, magic(), error)) {
    case WriteResult::Written:
      return true;
    case WriteResult::Exists: {
      const fs::path where = directory(root_) / kBucketDirName / name;
      std::lock_guard lock(mutex_);
      problems_.warning("W070", display_path(where), {},
                        trf("not a file ccnt wrote; left alone, and the files of `{}` are not "
                            "cached",
                            bucket),
                        cache_hint(where));
      return false;
    }
    case WriteResult::Failed:
    case WriteResult::Refused:
      break;
  }
  return false;
}

void PolicyCache::remove_buckets_except(const std::vector<std::string>& buckets) const {
  const int dir = buckets_fd(false);
  if (dir < 0) return;
  std::vector<std::string> keep;
  for (const std::string& bucket : buckets) keep.push_back(bucket_file_name(bucket));
  std::sort(keep.begin(), keep.end());
  for (const std::string& name : entries_of(dir))
    if (name.ends_with(".bin") && !std::binary_search(keep.begin(), keep.end(), name) &&
        is_own_file_at(dir, name, magic()))
      ::unlinkat(dir, name.c_str(), 0);
}

// --- cache info and clear ---

CacheSummary summarize_cache(const Project& project) {
  CacheSummary summary;
  summary.directory = PolicyCache::directory(project.root);
  const Fd root(::open(project.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  struct stat info {};
  summary.exists = ::fstatat(root.get(), kCacheDirName, &info, AT_SYMLINK_NOFOLLOW) == 0;
  if (!summary.exists) return summary;
  std::string problem;
  const Fd cache(open_own_dir(root.get(), kCacheDirName, false, problem));
  const Fd buckets(cache.get() < 0 ? -1
                                   : open_own_dir(cache.get(), kBucketDirName, false, problem));
  if (!problem.empty()) {
    const fs::path where = cache.get() < 0 ? summary.directory : summary.directory / kBucketDirName;
    summary.problems.warning("W070", display_path(where), {},
                             trf("{}; the cache is not used", problem), cache_hint(where));
  }
  const std::uint64_t key = cache_key(project);
  for (const int dir : {cache.get(), buckets.get()}) {
    if (dir < 0) continue;
    for (const std::string& name : entries_of(dir)) {
      if (::fstatat(dir, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(info.st_mode))
        continue;
      summary.bytes += static_cast<std::size_t>(info.st_size);
      if (dir != buckets.get() || !name.ends_with(".bin")) continue;
      ++summary.buckets;
      std::int64_t mtime = 0;
      auto bytes = read_whole(dir, name.c_str(), mtime);
      std::size_t body = 0;
      const auto header = bytes ? read_header(*bytes, body) : std::nullopt;
      if (header && header->key == key)
        summary.entries += header->entries;
      else
        ++summary.unusable;
    }
  }
  return summary;
}

CacheClearing clear_cache(const fs::path& root) {
  CacheClearing result;
  const fs::path directory = PolicyCache::directory(root);
  const Fd root_fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  struct stat info {};
  result.existed = ::fstatat(root_fd.get(), kCacheDirName, &info, AT_SYMLINK_NOFOLLOW) == 0;
  if (!result.existed) return result;
  const auto left_alone = [&](const fs::path& where, const std::string& why) {
    result.problems.warning("W070", display_path(where), {}, trf("{}; left alone", why),
                            trf("ccnt removes only what it wrote; remove {} by hand if it is not "
                                "needed",
                                display_path(where)));
  };
  std::string problem;
  const Fd cache(open_own_dir(root_fd.get(), kCacheDirName, false, problem));
  if (cache.get() < 0) {
    left_alone(directory, problem.empty() ? std::string(std::strerror(errno)) : problem);
    return result;
  }
  for (const std::string& name : entries_of(cache.get())) {
    const fs::path where = directory / name;
    if (name == kBucketDirName) {
      problem.clear();
      const Fd buckets(open_own_dir(cache.get(), kBucketDirName, false, problem));
      if (buckets.get() < 0) {
        left_alone(where, problem.empty() ? std::string(std::strerror(errno)) : problem);
        continue;
      }
      for (const std::string& file : entries_of(buckets.get())) {
        if (is_own_file_at(buckets.get(), file, magic()))
          ::unlinkat(buckets.get(), file.c_str(), 0);
        else
          left_alone(where / file, trf("not a file ccnt wrote"));
      }
      ::unlinkat(cache.get(), kBucketDirName, AT_REMOVEDIR);
    } else if (name == kTagName && is_own_file_at(cache.get(), name, kTagText)) {
      ::unlinkat(cache.get(), name.c_str(), 0);
    } else {
      left_alone(where, trf("not a file ccnt wrote"));
    }
  }
  result.removed = ::unlinkat(root_fd.get(), kCacheDirName, AT_REMOVEDIR) == 0;
  if (!result.removed && result.problems.empty()) left_alone(directory, std::strerror(errno));
  return result;
}

}  // namespace ccnt
