#include <catch2/catch.hpp>

#include "core/diff/bulletin_effect.hpp"
#include "core/diff/record_diff.hpp"
#include "core/git/git_repository.hpp"
#include "core/output/diff_output.hpp"
#include "core/yaml/yaml_reader.hpp"
#include "source_tree.hpp"

using namespace ccnt;
using ccnt::testing::source_registry;

namespace {

Node yaml(const std::string& text) {
  Diagnostics diagnostics;
  auto node = parse_yaml(text, "test.yaml", diagnostics);
  REQUIRE(node);
  return *node;
}

// A valid version of a record: its Policy and a document holding its fields.
RecordVersion record(const std::string& id, const std::string& region, const std::string& sector,
                     const std::string& summary = "摘要", PartialDate added = {2023, 4, 0},
                     std::string title = "") {
  RecordVersion version;
  version.path = "policies/" + region + "/" + sector + "/" + id + ".yaml";
  Policy policy;
  policy.path = version.path;
  policy.id = id;
  policy.region = region;
  policy.sector = sector;
  policy.title = title.empty() ? "标题" + id : title;
  policy.added = added;
  policy.summary = summary;
  version.document = yaml("id: " + id + "\ntitle: " + policy.title + "\nregion: " + region +
                          "\nsector: " + sector + "\nadded: \"" + added.to_string() +
                          "\"\nsummary: " + summary + "\n");
  version.id = id;
  version.policy = policy;
  return version;
}

RecordVersion broken(const std::string& path, const std::string& id) {
  RecordVersion version;
  version.path = path;
  version.id = id;
  version.codes = {"E030"};
  return version;
}

std::vector<std::string> ids_of(const std::vector<RecordChange>& changes) {
  std::vector<std::string> ids;
  for (const RecordChange& change : changes) ids.push_back(change.id);
  return ids;
}

BulletinEditorial editorial(PartialDate month, std::vector<std::string> ids,
                            std::string lead = "导语") {
  BulletinEditorial file;
  file.month = month;
  file.local.present = true;
  file.local.groups.push_back({std::move(lead), {}, std::move(ids), {}});
  return file;
}

}  // namespace

TEST_CASE("differing_fields compares values as data, not as text") {
  const Node before = yaml(
      "# a comment\nid: a\ntitle: 'Title'\ntags: [x, y]\ntargets:\n  - {value: 16, unit: '%'}\n");
  CHECK(differing_fields(before, yaml("id: a\ntitle: Title\ntags:\n  - x\n  - y\ntargets:\n"
                                      "  - unit: \"%\"\n    value: 16.0\n"))
            .empty());
  CHECK(differing_fields(before, yaml("id: a\ntitle: Title\ntags: [y, x]\ntargets:\n"
                                      "  - {value: 16, unit: '%'}\n")) ==
        std::vector<std::string>{"tags"});
  // A number and a string are different values (the schema tells them apart too).
  CHECK(differing_fields(yaml("published: \"2023\"\n"), yaml("published: 2023\n")) ==
        std::vector<std::string>{"published"});
  // Fields added first, in the new file's order, then those removed.
  CHECK(differing_fields(yaml("id: a\nsummary: s\n"), yaml("id: a\nheadline: h\ntags: [t]\n")) ==
        std::vector<std::string>{"headline", "tags", "summary"});
}

TEST_CASE("diff_records sorts records into added, removed, moved, renamed and changed") {
  const std::vector<RecordVersion> before{
      record("kept", "zhejiang", "industry"),
      record("moves", "guangzhou", "peaking"),
      record("old-id", "national", "power", "摘要", {2023, 4, 0}, "电网通知"),
      record("gone", "national", "energy"),
      record("same", "hebei", "industry"),
      record("breaks", "henan", "industry"),
  };
  const std::vector<RecordVersion> after{
      record("kept", "zhejiang", "industry", "新的摘要"),
      record("moves", "shenzhen", "peaking"),
      record("new-id", "national", "power", "摘要", {2023, 4, 0}, "电网通知"),
      record("fresh", "jiangsu", "industry"),
      record("same", "hebei", "industry"),
      broken("policies/henan/industry/breaks.yaml", "breaks"),
  };
  const RecordDiff diff = diff_records(before, after);
  CHECK(ids_of(diff.added) == std::vector<std::string>{"fresh"});
  CHECK(ids_of(diff.removed) == std::vector<std::string>{"gone"});
  CHECK(ids_of(diff.moved) == std::vector<std::string>{"moves"});
  CHECK(diff.moved.front().fields == std::vector<std::string>{"region"});
  REQUIRE(diff.renamed.size() == 1);
  CHECK(diff.renamed.front().old_id == "old-id");
  CHECK(diff.renamed.front().id == "new-id");
  REQUIRE(diff.changed.size() == 1);
  CHECK(diff.changed.front().id == "kept");
  CHECK(diff.changed.front().fields == std::vector<std::string>{"summary"});
  CHECK(diff.reformatted == std::vector<std::string>{"policies/hebei/industry/same.yaml"});
  REQUIRE(diff.invalid.size() == 1);
  CHECK(diff.invalid.front().was_valid);  // not counted as removed
  CHECK(diff.invalid.front().codes == std::vector<std::string>{"E030"});
}

TEST_CASE("a file that had errors and is valid now is an addition that says so") {
  const RecordDiff diff = diff_records({broken("policies/zhejiang/industry/x.yaml", "x")},
                                       {record("x", "zhejiang", "industry")});
  REQUIRE(diff.added.size() == 1);
  CHECK(diff.added.front().was_invalid);
  CHECK(diff.invalid.empty());
}

TEST_CASE("bulletin_effects: new items, entries missing, entries left dangling") {
  const RecordDiff diff = diff_records(
      {record("gone", "national", "energy"),
       record("stubbed", "hebei", "industry", "摘要", {2023, 3, 0})},
      {record("listed", "jiangsu", "industry"), record("unlisted", "sichuan", "transport"), [] {
         RecordVersion stub = record("stubbed", "hebei", "industry", "摘要", {2023, 3, 0});
         stub.policy->stub = true;
         stub.document->entries.push_back(MapEntry{"stub", {}, yaml("true")});
         return stub;
       }()});
  const auto months = months_touched(diff);
  REQUIRE(months.size() == 2);
  CHECK(months[0].to_string() == "2023-03");
  CHECK(months[1].to_string() == "2023-04");

  const PartialDate april{2023, 4, 0};
  EditorialVersions file{april, editorial(april, {"gone", "other"}),
                         editorial(april, {"gone", "listed"}, "新导语"), true};
  const auto effects = bulletin_effects(diff, {EditorialVersions{months[0], {}, {}, false}, file});
  REQUIRE(effects.size() == 2);
  CHECK(effects[0].left == std::vector<std::string>{"stubbed"});  // stubs are in no bulletin
  CHECK_FALSE(effects[0].needs_work());                           // no file: nothing listed
  const BulletinEffect& effect = effects[1];
  CHECK(effect.new_items == std::vector<std::string>{"listed", "unlisted"});
  CHECK(effect.missing == std::vector<std::string>{"unlisted"});
  CHECK(effect.left == std::vector<std::string>{"gone"});
  CHECK(effect.dangling == std::vector<std::string>{"gone"});
  CHECK(effect.listed == std::vector<std::string>{"listed"});
  CHECK(effect.unlisted == std::vector<std::string>{"other"});
  CHECK(effect.text_changed);
}

TEST_CASE("diff_summary says what a pull request does in one sentence") {
  RevisionDiff diff;
  diff.records = diff_records(
      {record("a", "zhejiang", "industry")},
      {record("a", "zhejiang", "industry", "新摘要"), record("b", "jiangsu", "industry"),
       record("c", "sichuan", "transport"), record("d", "guangdong", "power")});
  const PartialDate april{2023, 4, 0};
  diff.bulletins = bulletin_effects(
      diff.records,
      {EditorialVersions{april, editorial(april, {"a"}), editorial(april, {"a"}), false}});
  CHECK(diff_summary(diff) ==
        "adds 3 policies, changes the summary of 1, and the 2023-04 bulletin needs 3 entries");
  diff.bulletins.clear();
  CHECK(diff_summary(diff) == "adds 3 policies and changes the summary of 1");
  CHECK(diff_summary(RevisionDiff{}) == "changes no policy");
}

TEST_CASE("render_diff escapes the data for the terminal and for Markdown") {
  RevisionDiff diff;
  diff.from = {"main", "0123456789abcdef0123456789abcdef01234567", true};
  RecordVersion hostile = record("x", "zhejiang", "industry");
  hostile.policy->title = "标题\x1b[31m<b>|**粗**";  // as a title of a file could hold it
  diff.records = diff_records({}, {hostile});
  const std::string text = render_diff(diff, source_registry(), OutputFormat::Text);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\\x1b[31m") != std::string::npos);
  CHECK(
      text.starts_with("ccnt diff: the merge base with main → the working tree\n"
                       "adds 1 policy\n"));
  const std::string markdown = render_diff(diff, source_registry(), OutputFormat::Markdown);
  CHECK(markdown.find(" <b>") == std::string::npos);
  CHECK(markdown.find("\\x1b\\[31m\\<b>\\|\\*\\*粗\\*\\*") != std::string::npos);
  const std::string json = render_diff(diff, source_registry(), OutputFormat::Json);
  CHECK(json.find("\"commit\": \"0123456789abcdef0123456789abcdef01234567\"") != std::string::npos);
}

TEST_CASE("is_revision_name refuses options, ranges, paths and odd characters") {
  for (const char* good :
       {"main", "origin/main", "v1.0", "HEAD~2", "HEAD^", "1a2b3c4", "@{u}", "feature/a-b_c+d"})
    CHECK(is_revision_name(good));
  for (const char* bad : {"", "-x", "--output=/tmp/x", "main..feature", "a...b", "HEAD:policies",
                          "main feature", "ma\tin", "a;b", "$(x)", "a\nb"})
    CHECK_FALSE(is_revision_name(bad));
  CHECK_FALSE(is_revision_name(std::string(201, 'a')));
}
