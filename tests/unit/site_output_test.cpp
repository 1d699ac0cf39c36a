// The site's output directory: only a new, empty or earlier site's directory is written; a link
// is never followed or replaced; a second build writes only what changed and removes what went.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <random>

#include <fmt/format.h>

#include "core/site/site_output.hpp"
#include "file_text.hpp"

using namespace ccnt;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  TempDir() {
    std::random_device random;
    path = fs::temp_directory_path() / fmt::format("ccnt-site-out-{}-{}", ::getpid(), random());
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path path;
};

bool has_code(const Diagnostics& d, const std::string& code) {
  for (const Diagnostic& x : d.all())
    if (x.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("a directory with someone else's files is refused, and nothing is written") {
  TempDir temp;
  std::ofstream(temp.path / "notes.txt") << "mine";
  Diagnostics diagnostics;
  CHECK_FALSE(SiteOutput::open(temp.path, 1, diagnostics));
  CHECK(has_code(diagnostics, "E121"));
  CHECK(ccnt::testing::file_text(temp.path / "notes.txt") == "mine");
}

TEST_CASE("an output directory that is a symbolic link is refused") {
  TempDir temp;
  fs::create_directories(temp.path / "elsewhere");
  fs::create_directory_symlink(temp.path / "elsewhere", temp.path / "site");
  Diagnostics diagnostics;
  CHECK_FALSE(SiteOutput::open(temp.path / "site", 1, diagnostics));
  CHECK(has_code(diagnostics, "E120"));
  CHECK(fs::is_empty(temp.path / "elsewhere"));
}

TEST_CASE("a link inside the site is neither followed nor replaced") {
  TempDir temp;
  const fs::path site = temp.path / "site";
  fs::create_directories(temp.path / "victim");
  {
    Diagnostics diagnostics;
    auto output = SiteOutput::open(site, 1, diagnostics);
    REQUIRE(output);
    output->add("index.html", "home", diagnostics);
    output->finish(diagnostics);
    REQUIRE(diagnostics.empty());
  }
  // Someone puts links where the next build writes.
  fs::create_directory_symlink(temp.path / "victim", site / "policies");
  fs::create_symlink(temp.path / "victim" / "x", site / "feed.atom");
  Diagnostics diagnostics;
  auto output = SiteOutput::open(site, 1, diagnostics);
  REQUIRE(output);
  output->add("policies/a.html", "page", diagnostics);
  output->add("feed.atom", "feed", diagnostics);
  const SiteWriteStats stats = output->finish(diagnostics);
  CHECK(stats.failed == 2);
  CHECK(has_code(diagnostics, "E122"));
  CHECK(fs::is_empty(temp.path / "victim"));
  CHECK(fs::is_symlink(site / "policies"));
  CHECK(fs::is_symlink(site / "feed.atom"));
}

TEST_CASE("a second build writes what changed and removes what is gone, and only its own files") {
  TempDir temp;
  const fs::path site = temp.path / "site";
  {
    Diagnostics diagnostics;
    auto output = SiteOutput::open(site, 1, diagnostics);
    REQUIRE(output);
    output->add("index.html", "home v1", diagnostics);
    output->add("policies/a.html", "a", diagnostics);
    output->add("policies/b.html", "b", diagnostics);
    const SiteWriteStats stats = output->finish(diagnostics);
    CHECK(stats.written == 3);
    CHECK(diagnostics.empty());
  }
  std::ofstream(site / "policies" / "mine.txt") << "a reader's own file";
  Diagnostics diagnostics;
  auto output = SiteOutput::open(site, 1, diagnostics);
  REQUIRE(output);
  output->add("index.html", "home v2", diagnostics);
  output->add("policies/a.html", "a", diagnostics);
  const SiteWriteStats stats = output->finish(diagnostics);
  CHECK(diagnostics.empty());
  CHECK(stats.written == 1);
  CHECK(stats.unchanged == 1);
  CHECK(stats.removed == 1);
  CHECK(ccnt::testing::file_text(site / "index.html") == "home v2");
  CHECK_FALSE(fs::exists(site / "policies" / "b.html"));
  CHECK(fs::exists(site / "policies" / "mine.txt"));  // not the site's: left alone
}

TEST_CASE("a record naming files outside the site deletes nothing there") {
  TempDir temp;
  const fs::path site = temp.path / "site";
  fs::create_directories(site);
  std::ofstream(temp.path / "precious.txt") << "keep";
  std::ofstream(site / ".ccnt-site")
      << "ccnt-site 1\n0000000000000001 4 0 0 ../precious.txt\n0000000000000001 4 0 0 "
      << (temp.path / "precious.txt").string() << "\n";
  Diagnostics diagnostics;
  auto output = SiteOutput::open(site, 1, diagnostics);
  REQUIRE(output);
  output->add("index.html", "home", diagnostics);
  const SiteWriteStats stats = output->finish(diagnostics);
  CHECK(stats.removed == 0);
  CHECK(ccnt::testing::file_text(temp.path / "precious.txt") == "keep");
}
