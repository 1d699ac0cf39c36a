// The policy cache never changes an answer: after every kind of change to the tree, the
// schemas or the cache files themselves, a cached load equals a load without the cache.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "core/tree/loader.hpp"
#include "core/tree/policy_cache.hpp"
#include "core/tree/project.hpp"
#include "core/tree/source_file.hpp"
#include "core/tree/tree_scan.hpp"
#include "file_text.hpp"
#include "scratch_tree.hpp"

using namespace ccnt;
using ccnt::testing::ScratchTree;
using ccnt::testing::write_text;
namespace fs = std::filesystem;

namespace {

std::string describe_date(const std::optional<PartialDate>& date) {
  return date ? date->to_string() : "-";
}

// Every field of every policy and every diagnostic, as text to compare.
std::string describe(const LoadedPolicies& loaded, const Diagnostics& diagnostics) {
  std::string out = fmt::format("files {} valid {}\n", loaded.files, loaded.policies.size());
  for (const Policy& p : loaded.policies) {
    out += fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|", p.path, p.id, p.title, p.title_en,
                       p.region, p.level, p.sector, p.subsector, p.doc_type, p.source);
    out += fmt::format("{}|{}|{}|{}|{}|", p.document_number, p.status, p.instrument, p.summary,
                       p.headline);
    for (const auto* list : {&p.sectors, &p.issuers, &p.tags})
      for (const std::string& item : *list) out += item + ",";
    for (const RelationKind kind : kRelationKinds)
      for (const RelationLink& link : p.relations.of(kind))
        out += fmt::format("{} {} {}:{},", relation_field(kind), link.id, link.mark.line,
                           link.mark.column);
    out += fmt::format("|{}|{}|{}|{}:{}|{}:{}\n", describe_date(p.published), p.added.to_string(),
                       describe_date(p.updated), p.id_mark.line, p.id_mark.column,
                       p.title_mark.line, p.title_mark.column);
    for (const Target& t : p.targets)
      out += fmt::format("  {}|{}|{}|{}|{}|{}|{}|{}|{}|{}:{}\n", t.indicator, t.text, t.value,
                         t.unit, t.kind, t.qualifier, t.base_year.value_or(-1), t.target_year,
                         t.scope, t.mark.line, t.mark.column);
  }
  for (const Diagnostic& d : diagnostics.all())
    out += fmt::format("{} {} {} {}:{} {} | {}\n", d.severity == Severity::Error ? "E" : "W",
                       d.code, d.path, d.mark.line, d.mark.column, d.message, d.hint);
  return out;
}

struct Run {
  std::string text;
  std::size_t from_cache = 0;
  std::size_t files = 0;
};

Run load(const fs::path& root, bool use_cache, const RegionDirFilter& keep = {}, bool text = true) {
  Diagnostics diagnostics;
  auto project = open_project(root, diagnostics);
  REQUIRE(project);
  LoadedPolicies loaded = load_project_policies(
      *project, LoadOptions{.jobs = 2, .use_cache = use_cache, .keep_region = keep, .text = text},
      diagnostics);
  return {describe(loaded, diagnostics), loaded.from_cache, loaded.files};
}

// Loads through the cache and without it, requires the same answer, and returns the cached run.
Run same_as_without_cache(const ScratchTree& tree, const RegionDirFilter& keep = {}) {
  const Run uncached = load(tree.root(), false, keep);
  const Run cached = load(tree.root(), true, keep);
  REQUIRE(cached.text == uncached.text);
  return cached;
}

// Loads through the cache and without it: the same answer, plus the W070 warning(s) the cached
// run gives about its cache, one of them containing `expected`.
Run same_but_w070(const ScratchTree& tree, const std::string& expected) {
  const Run uncached = load(tree.root(), false);
  Run cached = load(tree.root(), true);
  std::string without;
  std::size_t warnings = 0;
  std::istringstream lines(cached.text);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("W W070 ")) {
      ++warnings;
      continue;
    }
    without += line + "\n";
  }
  CHECK(warnings > 0);
  CHECK(cached.text.find(expected) != std::string::npos);
  REQUIRE(without == uncached.text);
  return cached;
}

const char* const kZhejiangIndustry = "zhejiang/industry/zhejiang-industry-carbon-peaking.yaml";

}  // namespace

TEST_CASE("policy cache: a warm run reads nothing and answers the same", "[policy_cache]") {
  ScratchTree tree;
  const Run cold = same_as_without_cache(tree);
  CHECK(cold.from_cache == 0);
  REQUIRE(cold.files > 10);
  const Run warm = same_as_without_cache(tree);
  CHECK(warm.from_cache == warm.files);
  CHECK(fs::exists(tree.root() / ".ccnt-cache" / "CACHEDIR.TAG"));
}

TEST_CASE("policy cache: a run without text (validate) gets what drop_text leaves",
          "[policy_cache]") {
  ScratchTree tree;
  const Run full = load(tree.root(), false);
  const Run uncached = load(tree.root(), false, {}, false);
  const Run cold = load(tree.root(), true, {}, false);
  const Run warm = load(tree.root(), true, {}, false);
  CHECK(warm.from_cache == warm.files);
  CHECK(cold.text == uncached.text);
  CHECK(warm.text == uncached.text);
  CHECK(warm.text != full.text);  // summaries and targets are gone
  CHECK(warm.text.find("浙江省工业领域碳达峰实施方案") != std::string::npos);  // titles are not
  // Nor the relations, which the checks across files read.
  CHECK(warm.text.find("implements national-industry-carbon-peaking 10:5,") != std::string::npos);
  // A later run that wants the text still gets all of it from the same cache.
  const Run with_text = load(tree.root(), true);
  CHECK(with_text.from_cache == with_text.files);
  CHECK(with_text.text == full.text);
}

TEST_CASE("policy cache: edits, touches, renames, deletions and additions", "[policy_cache]") {
  ScratchTree tree;
  same_as_without_cache(tree);
  const fs::path file = tree.policy(kZhejiangIndustry);
  const std::string original = ccnt::testing::file_text(file);

  SECTION("an edit that keeps the size and the mtime is seen (ctime changes)") {
    std::string edited = original;
    const auto at = edited.find("level: provincial");
    REQUIRE(at != std::string::npos);
    edited.replace(at, 17, "level: municipal ");  // same length, now a level error
    struct stat before {};
    REQUIRE(::stat(file.c_str(), &before) == 0);
    write_text(file, edited);
    timespec times[2] = {before.st_atim, before.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
    const Run run = same_as_without_cache(tree);
    CHECK(run.text.find("E037") != std::string::npos);
    CHECK(run.from_cache == run.files - 1);
  }
  SECTION("an edit that fixes a file") {
    write_text(file, original + "unknown_field: 1\n");
    CHECK(same_as_without_cache(tree).text.find("E022") != std::string::npos);
    write_text(file, original);
    CHECK(same_as_without_cache(tree).text.find("E022") == std::string::npos);
  }
  SECTION("touch") {
    ScratchTree::set_mtime(file, std::chrono::seconds(-5));
    const Run run = same_as_without_cache(tree);
    CHECK(run.from_cache == run.files - 1);
  }
  SECTION("rename: the id no longer matches the file name") {
    fs::rename(file, file.parent_path() / "renamed.yaml");
    CHECK(same_as_without_cache(tree).text.find("E036") != std::string::npos);
  }
  SECTION("rename another file onto this one") {
    const fs::path other = tree.policy("zhejiang/carbon-sinks/zhejiang-ocean-carbon-sinks.yaml");
    fs::rename(other, file);
    same_as_without_cache(tree);
  }
  SECTION("delete") {
    fs::remove(file);
    const Run run = same_as_without_cache(tree);
    CHECK(run.from_cache == run.files);
  }
  SECTION("add a copy: duplicate id and title are checked across files every time") {
    fs::copy_file(file, tree.policy("zhejiang/industry/zhejiang-industry-carbon-peaking.yml"));
    const Run run = same_as_without_cache(tree);
    CHECK(run.text.find("E050") != std::string::npos);
    CHECK(run.text.find("E051") != std::string::npos);
    CHECK(same_as_without_cache(tree).from_cache == run.files);
  }
  SECTION("add a new region directory and remove it again") {
    write_text(tree.policy("hainan/other/x.yaml"), "id: [broken\n");
    CHECK(same_as_without_cache(tree).text.find("E006") != std::string::npos);
    CHECK(fs::exists(tree.buckets() / "d-hainan.bin"));
    fs::remove_all(tree.policy("hainan"));
    same_as_without_cache(tree);
    CHECK_FALSE(fs::exists(tree.buckets() / "d-hainan.bin"));
  }
}

TEST_CASE("policy cache: schema and registry changes invalidate everything", "[policy_cache]") {
  ScratchTree tree;
  same_as_without_cache(tree);
  SECTION("the schema") {
    const fs::path schema = tree.root() / "schemas" / "policy.schema.json";
    std::string text = ccnt::testing::file_text(schema);
    const auto at = text.find("\"maxLength\": 200");
    REQUIRE(at != std::string::npos);
    text.replace(at, 16, "\"maxLength\": 5");  // titles longer than 5 characters are now wrong
    write_text(schema, text);
    const Run run = same_as_without_cache(tree);
    CHECK(run.from_cache == 0);
    CHECK(run.text.find("E025") != std::string::npos);
  }
  SECTION("a registry") {
    const fs::path regions = tree.root() / "schemas" / "regions.yaml";
    write_text(regions, ccnt::testing::file_text(regions) + "# a comment changes the bytes\n");
    CHECK(same_as_without_cache(tree).from_cache == 0);
  }
}

TEST_CASE("policy cache: damaged cache files are ignored and rewritten", "[policy_cache]") {
  ScratchTree tree;
  same_as_without_cache(tree);
  const fs::path bucket = tree.buckets() / "d-zhejiang.bin";
  REQUIRE(fs::exists(bucket));
  const std::string bytes = ccnt::testing::file_text(bucket);

  // A damaged bucket that still starts with ccnt's magic bytes (or is empty) is ccnt's: it is
  // ignored and rewritten. One without them could be anyone's: it is left alone (W070).
  const auto damaged = [&](const std::string& content) {
    INFO("damaged bucket of " << content.size() << " bytes");
    write_text(bucket, content);
    if (content.empty() || content.starts_with(bytes.substr(0, 8))) {
      const Run run = same_as_without_cache(tree);
      CHECK(run.from_cache < run.files);
      CHECK(same_as_without_cache(tree).from_cache == run.files);  // rewritten
    } else {
      same_but_w070(tree, "d-zhejiang.bin 0:0 not a file ccnt wrote");
      CHECK(ccnt::testing::file_text(bucket) == content);
    }
  };
  SECTION("truncated") {
    for (std::size_t size : {std::size_t{0}, std::size_t{5}, bytes.size() / 2, bytes.size() - 1})
      damaged(bytes.substr(0, size));
  }
  SECTION("one byte changed anywhere") {
    for (std::size_t at = 0; at < bytes.size(); at += std::max<std::size_t>(1, bytes.size() / 97)) {
      std::string garbled = bytes;
      garbled[at] = static_cast<char>(garbled[at] ^ 0x5A);
      damaged(garbled);
    }
  }
  SECTION("random bytes and another bucket's bytes") {
    damaged(std::string(4096, '\x7F'));
    damaged(ccnt::testing::file_text(tree.buckets() / "d-national.bin"));
  }
  SECTION("a file where the cache directory should be: no cache, same answers, W070") {
    fs::remove_all(tree.root() / ".ccnt-cache");
    write_text(tree.root() / ".ccnt-cache", "not a directory");
    const Run run = same_but_w070(tree, ".ccnt-cache 0:0 it is not a directory");
    CHECK(run.from_cache == 0);
    CHECK(ccnt::testing::file_text(tree.root() / ".ccnt-cache") == "not a directory");
  }
}

TEST_CASE("policy cache: never follows a link, never touches a file it did not write",
          "[policy_cache]") {
  ScratchTree tree;
  const fs::path victim = tree.root() / "victim";
  fs::create_directories(victim);
  write_text(victim / "d-zhejiang.bin", "keep");
  write_text(victim / "d-gone.bin", "keep");
  const auto victim_untouched = [&] {
    CHECK(std::distance(fs::directory_iterator(victim), fs::directory_iterator()) == 2);
    CHECK(ccnt::testing::file_text(victim / "d-zhejiang.bin") == "keep");
    CHECK(ccnt::testing::file_text(victim / "d-gone.bin") == "keep");
  };
  SECTION(".ccnt-cache is a link") {
    fs::create_directory_symlink("victim", tree.root() / ".ccnt-cache");
    same_but_w070(tree, ".ccnt-cache 0:0 it is a symbolic link");
    victim_untouched();
    CHECK_FALSE(clear_cache(tree.root()).removed);
    CHECK(fs::is_symlink(tree.root() / ".ccnt-cache"));
    victim_untouched();
  }
  SECTION(".ccnt-cache/policies is a link") {
    fs::create_directories(tree.root() / ".ccnt-cache");
    fs::create_directory_symlink("../victim", tree.buckets());
    same_but_w070(tree, ".ccnt-cache/policies 0:0 it is a symbolic link");
    victim_untouched();
    const CacheClearing clearing = clear_cache(tree.root());
    CHECK(clearing.existed);
    CHECK_FALSE(clearing.removed);
    CHECK(fs::is_symlink(tree.buckets()));
    victim_untouched();
  }
  SECTION("a bucket file is a link, or another program's file") {
    same_as_without_cache(tree);
    fs::remove(tree.buckets() / "d-zhejiang.bin");
    fs::create_symlink("../../victim/d-zhejiang.bin", tree.buckets() / "d-zhejiang.bin");
    write_text(tree.buckets() / "d-national.bin", "someone else's");
    write_text(tree.buckets() / "d-gone.bin", "someone else's");  // a region that is gone
    const Run run = same_but_w070(tree, "d-national.bin 0:0 not a file ccnt wrote");
    CHECK(run.text.find("d-zhejiang.bin 0:0 not a file ccnt wrote") != std::string::npos);
    CHECK(fs::is_symlink(tree.buckets() / "d-zhejiang.bin"));
    CHECK(ccnt::testing::file_text(tree.buckets() / "d-national.bin") == "someone else's");
    CHECK(ccnt::testing::file_text(tree.buckets() / "d-gone.bin") == "someone else's");
    victim_untouched();
    const CacheClearing clearing = clear_cache(tree.root());
    CHECK_FALSE(clearing.removed);
    CHECK(clearing.problems.all().size() == 3);
    CHECK(ccnt::testing::file_text(tree.buckets() / "d-national.bin") == "someone else's");
    CHECK_FALSE(fs::exists(tree.buckets() / "d-beijing.bin"));  // ccnt's own: removed
    victim_untouched();
  }
}

TEST_CASE("policy cache: racily clean files are read again", "[policy_cache]") {
  ScratchTree tree;
  // A file stamped later than the run that caches it started could change again unseen
  // within the same timestamp; it is not trusted until a later run has cached it.
  ScratchTree::set_mtime(tree.policy(kZhejiangIndustry), std::chrono::hours(1));
  same_as_without_cache(tree);
  const Run second = same_as_without_cache(tree);
  CHECK(second.from_cache == second.files - 1);
}

TEST_CASE("policy cache: results that depend on today's date", "[policy_cache]") {
  ScratchTree tree;
  const fs::path file = tree.policy(kZhejiangIndustry);
  std::string text = ccnt::testing::file_text(file);
  const auto at = text.find("added: \"2023-03\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 16, "added: \"2030-01\"");
  write_text(file, text);
  ScratchTree::set_mtime(file, std::chrono::minutes(-1));

  ::setenv("CCNT_TODAY", "2029-06-01", 1);
  CHECK(same_as_without_cache(tree).text.find("E041") != std::string::npos);
  ::setenv("CCNT_TODAY", "2030-02-01", 1);  // the date is no longer in the future
  const Run later = same_as_without_cache(tree);
  CHECK(later.text.find("E041") == std::string::npos);
  CHECK(later.from_cache == later.files - 1);
  ::setenv("CCNT_TODAY", "2029-06-01", 1);  // set back: buckets written on 2030-02-01 are dropped
  const Run back = same_as_without_cache(tree);
  CHECK(back.text.find("E041") != std::string::npos);
  CHECK(back.from_cache < back.files - 1);
  ::unsetenv("CCNT_TODAY");
}

TEST_CASE("policy cache: --region reads and writes only its buckets", "[policy_cache]") {
  ScratchTree tree;
  const RegionDirFilter zhejiang = [](std::string_view dir) { return dir == "zhejiang"; };
  const Run pruned = same_as_without_cache(tree, zhejiang);
  CHECK(fs::exists(tree.buckets() / "d-zhejiang.bin"));
  CHECK_FALSE(fs::exists(tree.buckets() / "d-national.bin"));
  CHECK(same_as_without_cache(tree, zhejiang).from_cache == pruned.files);
  same_as_without_cache(tree);
  CHECK(fs::exists(tree.buckets() / "d-national.bin"));
}

TEST_CASE("policy cache: concurrent runs never corrupt it", "[policy_cache]") {
  ScratchTree tree;
  const std::string expected = load(tree.root(), false).text;
  std::vector<std::thread> runs;
  std::vector<std::string> texts(6);
  for (std::size_t i = 0; i < texts.size(); ++i)
    runs.emplace_back([&, i] { texts[i] = load(tree.root(), true).text; });
  for (std::thread& run : runs) run.join();
  for (const std::string& text : texts) CHECK(text == expected);
  const Run after = same_as_without_cache(tree);
  CHECK(after.from_cache == after.files);
  for (const auto& entry : fs::directory_iterator(tree.buckets()))
    CHECK(entry.path().extension() == ".bin");  // no temporary files left behind
}

TEST_CASE("policy cache: info and clear", "[policy_cache]") {
  ScratchTree tree;
  Diagnostics diagnostics;
  const auto project = open_project(tree.root(), diagnostics);
  REQUIRE(project);
  CHECK_FALSE(summarize_cache(*project).exists);
  const Run run = same_as_without_cache(tree);
  const CacheSummary summary = summarize_cache(*project);
  CHECK(summary.exists);
  CHECK(summary.entries == run.files);
  CHECK(summary.unusable == 0);
  CHECK(summary.bytes > 0);
  const CacheClearing clearing = clear_cache(tree.root());
  CHECK(clearing.existed);
  CHECK(clearing.removed);
  CHECK(clearing.problems.empty());
  CHECK_FALSE(fs::exists(tree.root() / ".ccnt-cache"));
  CHECK_FALSE(clear_cache(tree.root()).existed);
}

TEST_CASE("tree scan: the number of files is limited", "[tree_scan]") {
  ScratchTree tree;
  Diagnostics diagnostics;
  const auto all = scan_policy_files(tree.root() / "policies", diagnostics);
  REQUIRE(all.size() > 5);
  for (unsigned jobs : {1u, 2u}) {
    Diagnostics limited;
    const auto some = scan_policy_files(tree.root() / "policies", limited, {}, 5, jobs);
    REQUIRE(some.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) CHECK(some[i].path == all[i].path);
    REQUIRE(limited.error_count() == 1);
    CHECK(limited.all()[0].code == "E013");
    CHECK(limited.all()[0].message == "more than 5 policy files; the rest are not read");
  }
}

TEST_CASE("tree scan: links out of the data tree are E070 and never read", "[tree_scan]") {
  ScratchTree tree;
  // The "secret" lies beside the tree's root, outside it.
  const fs::path outside = tree.root().parent_path() / (tree.root().filename().string() + "-out");
  fs::create_directories(outside / "dir");
  write_text(outside / "secret.yaml", "id: leak\ntitle: sk-SECRET-0123456789\n");
  write_text(outside / "dir" / "x.yaml", "id: leak\ntitle: sk-SECRET-0123456789\n");
  const fs::path industry = tree.policy("zhejiang/industry");
  fs::create_symlink(outside / "secret.yaml", industry / "leak.yaml");
  fs::create_directory_symlink(outside / "dir", tree.policy("evil"));
  // A link that stays inside the tree (to a copy of a policy outside policies/) is read.
  fs::create_directories(tree.root() / "shared");
  fs::copy_file(tree.policy(kZhejiangIndustry), tree.root() / "shared" / "copy.yaml");
  fs::create_symlink("../../../shared/copy.yaml", industry / "inside-link.yaml");

  const Run run = load(tree.root(), false);
  CHECK(run.text.find("SECRET") == std::string::npos);
  CHECK(run.text.find("E E070 ") != std::string::npos);
  CHECK(run.text.find("zhejiang/industry/leak.yaml 0:0 symbolic link to a file or directory "
                      "outside the data tree; not read") != std::string::npos);
  CHECK(run.text.find("policies/evil 0:0 symbolic link") != std::string::npos);
  CHECK(run.text.find("inside-link.yaml") != std::string::npos);  // read, with its problems
  CHECK(run.text.find("inside-link.yaml 0:0 symbolic link") == std::string::npos);

  // The read itself checks what it opened: a path through a link out is refused unread.
  Diagnostics diagnostics;
  CHECK_FALSE(
      read_tree_file(industry / "leak.yaml", "leak.yaml", tree_prefix(tree.root()), diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].code == "E070");
  CHECK(read_tree_file(industry / "inside-link.yaml", "x", tree_prefix(tree.root()), diagnostics));
  fs::remove_all(outside);
}
