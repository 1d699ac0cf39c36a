#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/util/atomic_write.hpp"
#include "file_text.hpp"

using namespace ccnt;
namespace fs = std::filesystem;

namespace {

// A fresh empty directory, removed at the end of the test.
struct ScratchDir {
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "ccnt-atomic-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, ec);
    fs::remove_all(path, ec);
  }
  std::size_t entries() const {
    return std::distance(fs::directory_iterator(path), fs::directory_iterator());
  }
  fs::path path;
};

}  // namespace

TEST_CASE("write_file_atomically writes a new file and replaces an old one whole") {
  ScratchDir dir;
  const fs::path file = dir.path / "out.md";
  std::string error;
  CHECK(write_file_atomically(file, "第一版\n", error) == WriteResult::Written);
  CHECK(ccnt::testing::file_text(file) == "第一版\n");
  CHECK(write_file_atomically(file, "二", error) == WriteResult::Written);
  CHECK(ccnt::testing::file_text(file) == "二");
  CHECK(dir.entries() == 1);  // no temporary file left behind
}

TEST_CASE("write_file_atomically fails cleanly and leaves the target untouched") {
  ScratchDir dir;
  std::string error;
  CHECK(write_file_atomically(dir.path / "missing/out.md", "x", error) == WriteResult::Failed);
  CHECK(error == "No such file or directory");
  CHECK(write_file_atomically(dir.path, "x", error) == WriteResult::Refused);
  CHECK(error == "it is a directory");
  if (::geteuid() != 0) {  // root may write anywhere
    const fs::path file = dir.path / "out.md";
    CHECK(write_file_atomically(file, "old", error) == WriteResult::Written);
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK(write_file_atomically(file, "new", error) == WriteResult::Failed);
    CHECK(error == "Permission denied");
    fs::permissions(dir.path, fs::perms::owner_all);
    CHECK(ccnt::testing::file_text(file) == "old");
    CHECK(dir.entries() == 1);
  }
}

TEST_CASE("create_file_atomically never replaces an existing file") {
  ScratchDir dir;
  const fs::path file = dir.path / "2023-04.yaml";
  std::string error;
  CHECK(create_file_atomically(file, "skeleton", error) == WriteResult::Written);
  CHECK(ccnt::testing::file_text(file) == "skeleton");
  CHECK(create_file_atomically(file, "other", error) == WriteResult::Exists);
  CHECK(ccnt::testing::file_text(file) == "skeleton");
  CHECK(dir.entries() == 1);
}

TEST_CASE("write_file_atomically keeps the mode of the file it replaces") {
  ScratchDir dir;
  const fs::path file = dir.path / "out.md";
  std::string error;
  REQUIRE(write_file_atomically(file, "old", error) == WriteResult::Written);
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  CHECK(write_file_atomically(file, "new", error) == WriteResult::Written);
  CHECK(fs::status(file).permissions() ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  CHECK(ccnt::testing::file_text(file) == "new");
}

TEST_CASE("write_file_atomically refuses links, hard-linked files and sockets") {
  ScratchDir dir;
  const fs::path target = dir.path / "target.md";
  std::string error;
  REQUIRE(write_file_atomically(target, "keep", error) == WriteResult::Written);
  SECTION("a symbolic link: neither it nor its target changes") {
    fs::create_symlink("target.md", dir.path / "link.md");
    CHECK(write_file_atomically(dir.path / "link.md", "new", error) == WriteResult::Refused);
    CHECK(error == "it is a symbolic link, and ccnt does not write through links");
    CHECK(fs::is_symlink(dir.path / "link.md"));
  }
  SECTION("a dangling symbolic link is not followed to create its target") {
    fs::create_symlink("nowhere.md", dir.path / "dangling.md");
    CHECK(write_file_atomically(dir.path / "dangling.md", "new", error) == WriteResult::Refused);
    CHECK_FALSE(fs::exists(dir.path / "nowhere.md"));
    CHECK(create_file_atomically(dir.path / "dangling.md", "new", error) == WriteResult::Exists);
    CHECK_FALSE(fs::exists(dir.path / "nowhere.md"));
  }
  SECTION("a file with two hard links") {
    fs::create_hard_link(target, dir.path / "other.md");
    CHECK(write_file_atomically(dir.path / "other.md", "new", error) == WriteResult::Refused);
    CHECK(error == "it has 2 hard links, and replacing it would separate them");
    CHECK(fs::hard_link_count(target) == 2);
  }
  CHECK(ccnt::testing::file_text(target) == "keep");
}

TEST_CASE("write_file_atomically writes into a FIFO, never replaces it, never waits") {
  ScratchDir dir;
  const fs::path fifo = dir.path / "out.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string error;
  // Nobody reads it: refused at once rather than hanging.
  CHECK(write_file_atomically(fifo, "text", error) == WriteResult::Failed);
  CHECK(error == "it is a FIFO that no process reads");
  CHECK(fs::is_fifo(fifo));
  // A reader: the text goes through the FIFO, which stays one.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  CHECK(write_file_atomically(fifo, "text", error) == WriteResult::Written);
  char buffer[16] = {};
  CHECK(::read(reader, buffer, sizeof(buffer)) == 4);
  CHECK(std::string(buffer) == "text");
  ::close(reader);
  CHECK(fs::is_fifo(fifo));
  CHECK(dir.entries() == 1);
}

// A character device (made with mknod, which needs root) is covered by the e2e case
// report-output-device, which ctest reports as skipped when not run as root.

TEST_CASE("temporary files have unpredictable names and never replace a planted file") {
  ScratchDir dir;
  const fs::path file = dir.path / "out.md";
  // Links planted under names a predictable writer might use are never opened.
  fs::create_symlink("victim", dir.path / ".out.md.tmp");
  fs::create_symlink("victim", dir.path / ".out.md.tmp-000000");
  std::string error;
  CHECK(write_file_atomically(file, "text", error) == WriteResult::Written);
  CHECK_FALSE(fs::exists(dir.path / "victim"));
  CHECK(dir.entries() == 3);
}

TEST_CASE("write_own_file_at replaces only a file that starts with the owner's prefix") {
  ScratchDir dir;
  const int fd = ::open(dir.path.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  std::string error;
  CHECK(write_own_file_at(fd, "a.bin", "MAGIC one", "MAGIC", error) == WriteResult::Written);
  CHECK(write_own_file_at(fd, "a.bin", "MAGIC two", "MAGIC", error) == WriteResult::Written);
  CHECK(ccnt::testing::file_text(dir.path / "a.bin") == "MAGIC two");
  CHECK(is_own_file_at(fd, "a.bin", "MAGIC"));
  { std::ofstream(dir.path / "foreign.bin") << "someone else's"; }
  CHECK(write_own_file_at(fd, "foreign.bin", "MAGIC x", "MAGIC", error) == WriteResult::Exists);
  CHECK(ccnt::testing::file_text(dir.path / "foreign.bin") == "someone else's");
  fs::create_symlink("a.bin", dir.path / "link.bin");
  CHECK_FALSE(is_own_file_at(fd, "link.bin", "MAGIC"));  // not followed
  CHECK(write_own_file_at(fd, "link.bin", "MAGIC y", "MAGIC", error) == WriteResult::Exists);
  CHECK(fs::is_symlink(dir.path / "link.bin"));
  CHECK(ccnt::testing::file_text(dir.path / "a.bin") == "MAGIC two");
  ::close(fd);
}

TEST_CASE("write_files_atomically creates, replaces and refuses as the single-file writers do") {
  ScratchDir dir;
  fs::create_directories(dir.path / "a");
  fs::create_directories(dir.path / "b");
  std::ofstream(dir.path / "a" / "old.yaml") << "old\n";
  std::ofstream(dir.path / "a" / "kept.yaml") << "kept\n";
  std::ofstream(dir.path / "target.txt") << "secret\n";
  fs::create_symlink(dir.path / "target.txt", dir.path / "b" / "link.yaml");

  std::vector<BatchFile> batch;
  const auto add = [&](fs::path file, std::string_view content, bool replace) {
    batch.emplace_back();
    batch.back().file = std::move(file);
    batch.back().content = content;
    batch.back().replace = replace;
  };
  add(dir.path / "a" / "new.yaml", "new\n", false);
  add(dir.path / "a" / "old.yaml", "replaced\n", true);
  add(dir.path / "a" / "kept.yaml", "never\n", false);  // exists: not replaced
  add(dir.path / "b" / "link.yaml", "through the link\n", true);
  add(dir.path / "b" / "other.yaml", "other\n", false);
  write_files_atomically(batch, 2);

  CHECK(batch[0].result == WriteResult::Written);
  CHECK(batch[1].result == WriteResult::Written);
  CHECK(batch[2].result == WriteResult::Exists);
  CHECK(batch[3].result == WriteResult::Refused);
  CHECK(batch[3].error.find("symbolic link") != std::string::npos);
  CHECK(batch[4].result == WriteResult::Written);
  CHECK(ccnt::testing::file_text(dir.path / "a" / "new.yaml") == "new\n");
  CHECK(ccnt::testing::file_text(dir.path / "a" / "old.yaml") == "replaced\n");
  CHECK(ccnt::testing::file_text(dir.path / "a" / "kept.yaml") == "kept\n");
  CHECK(ccnt::testing::file_text(dir.path / "target.txt") == "secret\n");
  CHECK(fs::is_symlink(dir.path / "b" / "link.yaml"));
  CHECK(ccnt::testing::file_text(dir.path / "b" / "other.yaml") == "other\n");
  // No temporary file is left behind.
  for (const fs::path& sub : {dir.path / "a", dir.path / "b"})
    for (const auto& entry : fs::directory_iterator(sub))
      CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("binary content is never written to a terminal, but to /dev/null and files") {
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(::grantpt(master) == 0);
  REQUIRE(::unlockpt(master) == 0);
  const std::string terminal = ::ptsname(master);
  std::string error;
  CHECK(write_file_atomically(terminal, "PK\x03\x04", error, true) == WriteResult::Refused);
  CHECK(error == "it is a terminal, and ccnt writes a binary file only to a file");
  CHECK(write_file_atomically(terminal, "text\n", error, false) == WriteResult::Written);
  ::close(master);
  CHECK(write_file_atomically("/dev/null", "PK\x03\x04", error, true) == WriteResult::Written);
}

TEST_CASE(
    "append_file_atomically adds to the end of a file, creates a missing one, refuses links") {
  ScratchDir dir;
  const fs::path file = dir.path / "summary.md";
  std::string error;
  CHECK(append_file_atomically(file, "first\n", error) == WriteResult::Written);
  CHECK(append_file_atomically(file, "second\n", error) == WriteResult::Written);
  CHECK(ccnt::testing::file_text(file) == "first\nsecond\n");
  CHECK(dir.entries() == 1);  // no temporary file left behind
  const fs::path link = dir.path / "link.md";
  fs::create_symlink(file, link);
  CHECK(append_file_atomically(link, "third\n", error) == WriteResult::Refused);
  CHECK(ccnt::testing::file_text(file) == "first\nsecond\n");
  CHECK(fs::is_symlink(link));
}
