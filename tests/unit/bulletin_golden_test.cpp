// The March 2023 data renders the real March 2023 bulletin.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/bulletin/bulletin_check.hpp"
#include "core/bulletin/bulletin_render.hpp"
#include "core/tree/loader.hpp"
#include "core/tree/project.hpp"
#include "file_text.hpp"
#include "source_dir.hpp"

using namespace ccnt;

namespace {

const std::filesystem::path kSource = ccnt::testing::source_dir();

// The text of a Markdown line without its block markup: a heading's #s, a list item's marker,
// and ** around the whole line (the published bulletin's headlines are bold list items, the
// rendered ones headings).
std::string text_of_line(std::string line) {
  const auto starts = [&line](std::string_view prefix) { return line.rfind(prefix, 0) == 0; };
  if (starts("#"))
    line.erase(0, line.find_first_not_of('#'));
  else if (starts("- "))
    line.erase(0, 2);
  line.erase(0, line.find_first_not_of(' '));
  if (line.size() > 4 && starts("**") && line.ends_with("**"))
    line = line.substr(2, line.size() - 4);
  return line;
}

// Paragraphs (split on blank lines) as text, with all whitespace removed.
std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> result;
  std::string current;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::string squeezed;
    for (char c : text_of_line(line))
      if (c != ' ' && c != '\t' && c != '\r') squeezed += c;
    if (squeezed.empty()) {
      if (!current.empty()) result.push_back(std::move(current));
      current.clear();
    } else {
      current += squeezed;
    }
  }
  if (!current.empty()) result.push_back(std::move(current));
  return result;
}

std::string render_march_2023() {
  Diagnostics diagnostics;
  auto project = open_project(kSource, diagnostics);
  REQUIRE(project);
  const LoadedPolicies loaded = load_project_policies(*project, 2, diagnostics);
  auto editorial =
      load_bulletin_editorial(kSource / "bulletins/2023-03.yaml", loaded.policies, diagnostics);
  REQUIRE(editorial);
  const auto layout = kSource / "templates/bulletin.md.mustache";
  auto text = render_bulletin(ccnt::testing::file_text(layout), layout.string(), *editorial,
                              loaded.policies, project->registry, diagnostics);
  for (const Diagnostic& d : diagnostics.all())
    INFO(d.path << ":" << d.mark.line << ": " << d.code << " " << d.message);
  REQUIRE(diagnostics.empty());
  REQUIRE(text);
  return *text;
}

}  // namespace

TEST_CASE("every paragraph of the March 2023 bulletin is rendered, in order") {
  const std::vector<std::string> golden =
      paragraphs(ccnt::testing::file_text(kSource / "tests/golden/ccnt-bulletin-2023-03.md"));
  const std::vector<std::string> rendered = paragraphs(render_march_2023());
  REQUIRE(golden.size() > 50);
  std::size_t next = 0;  // the first rendered paragraph not yet matched
  for (const std::string& paragraph : golden) {
    const auto found = std::find(rendered.begin() + next, rendered.end(), paragraph);
    INFO("golden paragraph: " << paragraph);
    REQUIRE(found != rendered.end());
    next = found - rendered.begin() + 1;
  }
  // And nothing else: the default template adds no paragraph the bulletin does not have.
  CHECK(rendered.size() == golden.size());
}

TEST_CASE("the rendered March 2023 bulletin has real headings") {
  const std::string text = render_march_2023();
  std::vector<std::string> headings;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("#")) headings.push_back(line);
  // One title, eight headings of the published sections, and a heading per policy (17).
  REQUIRE(headings.size() == 9 + 17);
  CHECK(headings[0] == "# 2023 年 3 月月报");
  CHECK(std::count(headings.begin(), headings.end(), "## 碳中和国家行动一览") == 2);
  CHECK(std::count(headings.begin(), headings.end(), "## 碳中和地方行动一览") == 2);
  CHECK(std::count(headings.begin(), headings.end(), "## 关于零碳录") == 1);
  CHECK(std::count_if(headings.begin(), headings.end(),
                      [](const std::string& h) { return h.starts_with("# "); }) == 1);
  CHECK(std::find(headings.begin(), headings.end(),
                  "### 浙江省发布《浙江省工业领域碳达峰实施方案》") != headings.end());
}
