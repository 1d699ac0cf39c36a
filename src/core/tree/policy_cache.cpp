#include "core/tree/policy_cache.hpp"

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

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/util/version.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// Raised to the next number whenever the layout below or the Policy record changes.
constexpr std::uint32_t kFormatVersion = 2;
constexpr char kMagic[8] = {'C', 'C', 'N', 'T', 'P', 'C', 'A', 'C'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;

// A tripwire: a new field in Policy or Target must be added to encode/decode below (and
// kFormatVersion raised) before this size is updated.
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(Policy) == 640 && sizeof(Target) == 224,
              "Policy or Target changed: update policy_cache.cpp and raise kFormatVersion");
#endif

// A 64-bit hash for integrity checks: MurmurHash3-style mixing of 8-byte words in four
// independent lanes, so that hashing 100 MB of buckets is not one long chain of multiplies.
std::uint64_t rotl(std::uint64_t x, int r) {
  return (x << r) | (x >> (64 - r));
}

std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed = 0x9E3779B97F4A7C15ull) {
  constexpr std::uint64_t c1 = 0x87C37B91114253D5ull;
  constexpr std::uint64_t c2 = 0x4CF5AD432745937Full;
  const auto mix = [](std::uint64_t h, std::uint64_t k) {
    k *= c1;
    k = rotl(k, 31);
    k *= c2;
    h ^= k;
    return rotl(h, 27) * 5 + 0x52DCE729;
  };
  const auto word = [&](std::size_t at) {
    std::uint64_t k;
    std::memcpy(&k, bytes.data() + at, 8);
    return k;
  };
  std::uint64_t lane[4] = {seed ^ (bytes.size() * c1), seed + c2, seed ^ c1, seed - c2};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32)
    for (int l = 0; l < 4; ++l) lane[l] = mix(lane[l], word(i + 8 * l));
  std::uint64_t h = lane[0];
  for (int l = 1; l < 4; ++l) h = mix(h, lane[l]);
  for (; i + 8 <= bytes.size(); i += 8) h = mix(h, word(i));
  std::uint64_t tail = 0;
  if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h = mix(h, tail);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

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
                                                             &Policy::tags};
constexpr std::string Target::*kTargetStringFields[] = {&Target::indicator, &Target::text,
                                                        &Target::unit,      &Target::kind,
                                                        &Target::qualifier, &Target::scope};

void encode_policy(Encoder& e, const Policy& p) {
  for (std::string Policy::*field : kStringFields) e.str(p.*field);
  for (std::vector<std::string> Policy::*field : kListFields) e.strings(p.*field);
  e.optional_date(p.published);
  e.date(p.added);
  e.optional_date(p.updated);
  e.mark(p.id_mark);
  e.mark(p.title_mark);
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
  p.published = d.optional_date();
  p.added = d.date();
  p.updated = d.optional_date();
  p.id_mark = d.mark();
  p.title_mark = d.mark();
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

// Reads a whole file; nullopt when it cannot be read. `mtime_ns` gets its modification time.
std::optional<std::string> read_whole(const fs::path& file, std::int64_t& mtime_ns) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  mtime_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
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
                                     kVersion, kSchemaVersion, kFormatVersion,
                                     executable_identity(), project.schemas_dir.generic_string(),
                                     language() == Language::Chinese ? "zh" : "en");
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(project.schemas_dir, ec), end; !ec && it != end; it.increment(ec))
    files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::int64_t mtime = 0;
    auto bytes = read_whole(file, mtime);
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
    : dir_(directory(project.root) / "policies"),
      key_(cache_key(project)),
      today_(today),
      scan_start_ns_(scan_start_ns) {}

fs::path PolicyCache::directory(const fs::path& root) {
  return root / ".ccnt-cache";
}

fs::path PolicyCache::bucket_path(const std::string& bucket) const {
  return dir_ / bucket_file_name(bucket);
}

std::string PolicyCache::bucket_of(std::string_view relative) {
  const auto slash = relative.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(relative.substr(0, slash));
}

CacheBucket PolicyCache::read(const std::string& bucket) const {
  CacheBucket result;
  std::int64_t file_mtime = 0;
  auto bytes = read_whole(bucket_path(bucket), file_mtime);
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

  std::error_code ec;
  if (fs::create_directories(dir_, ec)) {
    // Tells backup tools that the directory holds a cache (https://bford.info/cachedir/).
    const fs::path tag = dir_.parent_path() / "CACHEDIR.TAG";
    if (FILE* out = std::fopen(tag.c_str(), "wx")) {
      std::fputs(
          "Signature: 8a477f597d28d172789f06886806bc55\n"
          "# This file is a cache directory tag created by ccnt (ccnt cache clear removes it).\n",
          out);
      std::fclose(out);
    }
  }
  if (ec) return false;
  static std::atomic<unsigned> counter{0};
  const fs::path target = bucket_path(bucket);
  const fs::path temp =
      dir_ / fmt::format(".tmp-{}-{}-{}", ::getpid(), counter++, target.filename().string());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  const bool written = done == bytes.size() && ::close(fd) == 0;
  if (!written || ::rename(temp.c_str(), target.c_str()) != 0) {
    if (done != bytes.size()) ::close(fd);
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

void PolicyCache::remove_buckets_except(const std::vector<std::string>& buckets) const {
  std::vector<std::string> keep;
  for (const std::string& bucket : buckets) keep.push_back(bucket_file_name(bucket));
  std::sort(keep.begin(), keep.end());
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.ends_with(".bin") && !std::binary_search(keep.begin(), keep.end(), name))
      stale.push_back(it->path());
  }
  for (const fs::path& file : stale) fs::remove(file, ec);
}

// --- cache info and clear ---

CacheSummary summarize_cache(const Project& project) {
  CacheSummary summary;
  summary.directory = PolicyCache::directory(project.root);
  std::error_code ec;
  summary.exists = fs::is_directory(summary.directory, ec);
  if (!summary.exists) return summary;
  const std::uint64_t key = cache_key(project);
  for (fs::recursive_directory_iterator it(summary.directory, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    summary.bytes += it->file_size(ec);
    if (it->path().extension() != ".bin") continue;
    ++summary.buckets;
    std::int64_t mtime = 0;
    auto bytes = read_whole(it->path(), mtime);
    std::size_t body = 0;
    const auto header = bytes ? read_header(*bytes, body) : std::nullopt;
    if (header && header->key == key)
      summary.entries += header->entries;
    else
      ++summary.unusable;
  }
  return summary;
}

bool clear_cache(const fs::path& root, std::string& error) {
  std::error_code ec;
  fs::remove_all(PolicyCache::directory(root), ec);
  if (ec) error = ec.message();
  return !ec;
}

}  // namespace ccnt
