#include <catch2/catch.hpp>

#include <unistd.h>

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
  CHECK(write_file_atomically(dir.path, "x", error) == WriteResult::Failed);
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
