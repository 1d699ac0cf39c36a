// .ccnt.yaml: read once with the project, every value checked with its line and column, unknown
// keys refused with the closest one, paths kept inside the tree; the warning levels applied.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "core/tree/project.hpp"
#include "core/tree/source_file.hpp"
#include "core/tree/tree_settings.hpp"
#include "core/tree/validation.hpp"
#include "file_text.hpp"
#include "scratch_tree.hpp"

using namespace ccnt;
using ccnt::testing::codes_of;
using ccnt::testing::ScratchTree;
using ccnt::testing::write_text;
namespace fs = std::filesystem;

namespace {

Settings settings_of(const ScratchTree& tree, const std::string& text) {
  write_text(tree.root() / ".ccnt.yaml", text);
  return read_settings(tree.root(), tree_prefix(tree.root()));
}

// The one problem of `settings`, as code line:column message.
std::string only_problem(const Settings& settings) {
  REQUIRE(settings.problems.size() == 1);
  const Diagnostic& d = settings.problems.all().front();
  return d.code + " " + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column) + " " +
         d.message + (d.hint.empty() ? "" : " / " + d.hint);
}

}  // namespace

TEST_CASE("settings: a tree without .ccnt.yaml has the defaults") {
  ScratchTree tree;
  const Settings settings = read_settings(tree.root(), tree_prefix(tree.root()));
  CHECK(settings.file.empty());
  CHECK(settings.problems.empty());
  CHECK(settings.warnings.empty());
  CHECK(settings.bulletin_template.empty());
  CHECK(settings.site.edit_link("policies/x.yaml").empty());
}

TEST_CASE("settings: every key read") {
  ScratchTree tree;
  write_text(tree.root() / "templates/monthly.md.mustache", "{{month}}\n");
  write_text(tree.root() / "mappings/tracker.yaml", "source: tracker\n");
  const Settings settings = settings_of(tree, R"(# the tracker's settings
warnings:
  W050: off
  W053: error
  W060: warning
bulletin:
  template: templates/monthly.md.mustache
site:
  title: 零碳录
  description: 中国碳中和政策数据库
  repository: https://github.com/example/data/
  branch: release/2023
  url: https://example.github.io/data/
  language: en
import:
  mappings:
    tracker: mappings/tracker.yaml
)");
  CHECK(settings.problems.empty());
  CHECK(settings.file == tree.root() / ".ccnt.yaml");
  CHECK(settings.warnings.at("W050") == WarningLevel::Off);
  CHECK(settings.warnings.at("W053") == WarningLevel::Error);
  CHECK(settings.warnings.at("W060") == WarningLevel::Warning);
  CHECK(settings.bulletin_template == tree.root() / "templates/monthly.md.mustache");
  CHECK(settings.import_mappings.at("tracker") == tree.root() / "mappings/tracker.yaml");
  CHECK(settings.site.title == "零碳录");
  CHECK(settings.site.description == "中国碳中和政策数据库");
  CHECK(settings.site.url == "https://example.github.io/data/");
  CHECK(settings.site.language == "en");
  CHECK(settings.site.edit_link("policies/zhejiang/industry/a b.yaml") ==
        "https://github.com/example/data/edit/release/2023/policies/zhejiang/industry/a%20b.yaml");
}

TEST_CASE("settings: an edit_url pattern for other hosts, and main as the default branch") {
  SiteSettings site;
  site.repository = "https://github.com/example/data";
  CHECK(site.edit_link("policies/x.yaml") ==
        "https://github.com/example/data/edit/main/policies/x.yaml");
  site.edit_url = "https://gitlab.com/example/data/-/edit/main/{path}";
  CHECK(site.edit_link("policies/浙江.yaml") ==
        "https://gitlab.com/example/data/-/edit/main/policies/%E6%B5%99%E6%B1%9F.yaml");
}

TEST_CASE("settings: unknown keys are refused where they are, with the closest known one") {
  ScratchTree tree;
  CHECK(only_problem(settings_of(tree, "warnigns:\n  W050: off\n")) ==
        "E140 1:1 unknown key `warnigns` / did you mean `warnings`?");
  CHECK(only_problem(settings_of(tree, "site:\n  titel: x\n")) ==
        "E140 2:3 unknown key `site.titel` / did you mean `site.title`?");
  CHECK(only_problem(settings_of(tree, "colour: red\n")) ==
        "E140 1:1 unknown key `colour` / the keys here are warnings, bulletin, site, import");
}

TEST_CASE("settings: values of the wrong type") {
  ScratchTree tree;
  CHECK(codes_of(settings_of(tree, "- a list\n").problems) == std::vector<std::string>{"E141"});
  CHECK(only_problem(settings_of(tree, "site: [a, b]\n")) ==
        "E141 1:7 `site` must be a map of keys and values");
  CHECK(only_problem(settings_of(tree, "site:\n  title: [a]\n")) ==
        "E141 2:10 `site.title` must be a text");
  CHECK(settings_of(tree, "# nothing set yet\n").problems.empty());
}

TEST_CASE("settings: only warnings have levels, and only off, warning and error") {
  ScratchTree tree;
  CHECK(only_problem(settings_of(tree, "warnings:\n  E030: off\n"))
            .starts_with("E142 2:3 `E030` is an error: only warnings can be set"));
  CHECK(only_problem(settings_of(tree, "warnings:\n  W05O: off\n"))
            .starts_with("E142 2:3 unknown warning code `W05O` / did you mean"));
  CHECK(only_problem(settings_of(tree, "warnings:\n  W050: no\n")) ==
        "E142 2:9 `no` is not a level for W050 / a warning's level is off, warning or error");
}

TEST_CASE("settings: the files named are inside the tree") {
  ScratchTree tree;
  CHECK(only_problem(settings_of(tree, "bulletin:\n  template: /etc/passwd\n"))
            .starts_with("E143 2:13 `bulletin.template` names /etc/passwd, outside the data tree"));
  CHECK(only_problem(settings_of(tree, "bulletin:\n  template: ../x.mustache\n"))
            .starts_with("E143 2:13 `bulletin.template` names ../x.mustache, outside"));
  CHECK(only_problem(settings_of(tree, "import:\n  mappings:\n    a: mappings/none.yaml\n"))
            .starts_with(
                "E143 3:8 `import.mappings.a` names mappings/none.yaml, which is not a file"));
  fs::create_directories(tree.root() / "templates");
  fs::create_symlink("/etc/hostname", tree.root() / "templates/out.mustache");
  CHECK(only_problem(settings_of(tree, "bulletin:\n  template: templates/out.mustache\n"))
            .starts_with("E143 2:13 `bulletin.template`: templates/out.mustache is a link that "
                         "leads outside the data tree"));
}

TEST_CASE("settings: site URLs are https, edit_url has {path}, the language is zh or en") {
  ScratchTree tree;
  CHECK(only_problem(settings_of(tree, "site:\n  repository: http://example.org/data\n"))
            .starts_with("E144 2:15 `site.repository` must be an https URL"));
  CHECK(only_problem(settings_of(tree, "site:\n  url: \"https://a.org/\\\" onload=x\"\n"))
            .starts_with("E144 2:8 `site.url` must be an https URL"));
  CHECK(only_problem(settings_of(tree, "site:\n  edit_url: https://gitlab.com/x/edit\n"))
            .starts_with("E144 2:13 `site.edit_url` has no {path}"));
  CHECK(only_problem(settings_of(tree, "site:\n  language: fr\n")) ==
        "E144 2:13 `site.language` must be zh or en, not `fr`");
  const Settings settings = settings_of(tree, "site:\n  repository: http://x\n  title: ok\n");
  CHECK(settings.site.repository.empty());  // the bad value is not used
  CHECK(settings.site.title == "ok");       // the good ones are
}

TEST_CASE("warning levels: off drops a warning, error makes it one, errors stay") {
  Settings settings;
  settings.warnings = {{"W050", WarningLevel::Off}, {"W053", WarningLevel::Error}};
  Diagnostics diagnostics;
  diagnostics.warning("W050", "a.yaml", {1, 1}, "near-duplicate");
  diagnostics.warning("W053", "a.yaml", {2, 1}, "placeholder month");
  diagnostics.warning("W060", "a.yaml", {3, 1}, "TODO");
  diagnostics.error("E030", "a.yaml", {4, 1}, "unknown region");
  apply_warning_levels(settings, diagnostics);
  CHECK(codes_of(diagnostics) == std::vector<std::string>{"W053", "W060", "E030"});
  CHECK(diagnostics.error_count() == 2);
  CHECK(diagnostics.warning_count() == 1);
}

TEST_CASE("validate reports .ccnt.yaml's problems whatever it checks, and applies its levels") {
  ScratchTree tree;
  write_text(tree.root() / ".ccnt.yaml", "warnings:\n  W010: error\nsite:\n  languag: zh\n");
  const fs::path policy = tree.policy("zhejiang/industry/zhejiang-industry-carbon-peaking.yaml");
  std::string text = ccnt::testing::file_text(policy);
  text.replace(text.find("doc_type: 实施方案"), std::string("doc_type: 实施方案").size(),
               "doc_type: 通知");  // W010: the title does not end with its doc_type
  write_text(policy, text);
  Diagnostics opening;
  const auto project = open_project(tree.root(), opening);
  REQUIRE(project);
  CHECK(codes_of(project->settings.problems) == std::vector<std::string>{"E140"});
  for (const auto& paths : {std::vector<fs::path>{}, std::vector<fs::path>{policy}}) {
    const Validation validation = validate_paths(*project, paths, LoadOptions{.jobs = 2});
    std::vector<std::string> found;
    for (const Diagnostic& d : validation.diagnostics.all())
      found.push_back(d.code + (d.severity == Severity::Error ? " error" : " warning"));
    CHECK(found == std::vector<std::string>{"E140 error", "W010 error"});
  }
}
