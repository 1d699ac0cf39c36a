// The fast reader of plain block style builds exactly yaml-cpp's tree, or declines.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/yaml/yaml_fast_path.hpp"
#include "core/yaml/yaml_reader.hpp"
#include "file_text.hpp"
#include "source_dir.hpp"

using namespace ccnt;
namespace fs = std::filesystem;

namespace {

// The tree as text: kinds, marks, quoting and values, so two trees compare as strings.
void dump(const Node& node, std::string& out, int depth = 0) {
  const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  out +=
      fmt::format("{}{}@{}:{}", pad, static_cast<int>(node.kind), node.mark.line, node.mark.column);
  if (node.kind == Node::Kind::Scalar)
    out += fmt::format(" {}[{}]", node.plain ? "p" : "q", node.scalar);
  out += '\n';
  for (const Node& item : node.items) dump(item, out, depth + 1);
  for (const MapEntry& entry : node.entries) {
    out +=
        fmt::format("{}key {}@{}:{}\n", pad, entry.key, entry.key_mark.line, entry.key_mark.column);
    dump(entry.value, out, depth + 1);
  }
}

std::string dump(const Node& node) {
  std::string out;
  dump(node, out);
  return out;
}

// Parses with and without the fast path; requires the same answer. True when the fast path took it.
bool agrees(const std::string& text) {
  YamlLimits slow_limits;
  slow_limits.fast_path = false;
  Diagnostics slow_diagnostics;
  const auto slow = parse_yaml(text, "f.yaml", slow_diagnostics, slow_limits);
  for (const Diagnostic& d : slow_diagnostics.all())
    if (d.code == "E003" || d.code == "E004") return false;  // refused before any reader runs
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  const auto fast = parse_yaml_fast_path(body, YamlLimits{});
  if (!fast) return false;
  INFO(text);
  REQUIRE(slow);
  CHECK(slow_diagnostics.empty());
  CHECK(dump(*fast) == dump(*slow));
  return true;
}

}  // namespace

TEST_CASE("yaml fast path: the shapes of policy files", "[yaml_fast_path]") {
  CHECK(agrees("id: a\ntitle: 浙江省工业领域碳达峰实施方案\n"));
  CHECK(agrees("# comment\nid: a   # trailing comment\n\nlevel: \"provincial\"\nx: 'it''s'\n"));
  CHECK(agrees("tags:\n  - 碳达峰\n  - \"工业\"\nissuers:\n- 国务院\n- 'a b'\nid: x\n"));
  CHECK(
      agrees("targets:\n  - indicator: a-b\n    value: 16\n    unit: \"%\"\n  - indicator: c\n"
             "    text: 规模以上单位工业增加值能耗较2020年下降16%以上\n"));
  CHECK(agrees("a:\n  b:\n    c: 1\n  d: 2\ne: -\n") == false);
  CHECK(agrees("a:\n  b:\n    c: 1\n  d: 2\ne: f\n"));
  CHECK(agrees("a: x:y\nb: C# and F#\nc: 1.5e3\nd: true\ne: [x\n") == false);
  CHECK(agrees("a: 《方案》提出，到2025年，x: y") == false);
  CHECK(agrees("- x: 1\n  y: 2\n- z\n") == false);  // a sequence at the top
  CHECK(agrees("a:\n  - x: 1\n    y:\n      - 1\n      - 2\n  - z\nb: 1\n"));
  CHECK(agrees("a:   spaced    out   \n"));
}

TEST_CASE("yaml fast path: declines what it does not model", "[yaml_fast_path]") {
  for (const char* text : {"",
                           "# only a comment\n",
                           "a: 1\na: 2\n",
                           "a:\n",
                           "a: ~\n",
                           "a: null\n",
                           "NULL: 1\n",
                           "a:\n  null: 1\n",
                           "a: |\n  x\n",
                           "a: >-\n  x\n",
                           "a: [1, 2]\n",
                           "a: {b: 1}\n",
                           "a: &x 1\nb: *x\n",
                           "a: !!str 1\n",
                           "---\na: 1\n",
                           "a: 1\n---\nb: 2\n",
                           "a:\tb\n",
                           "a: b\r\n",
                           "a: \"b\\\"c\"\n",
                           "a: b\n  c\n",
                           "a: 'b\n  c'\n",
                           "\"a\": 1\n",
                           "? a\n: 1\n",
                           "a: -1\n",
                           "  a: 1\n",
                           "a:\n- 1\n - 2\n",
                           "a: \"x\" y\n",
                           "a: 'x'#y\n",
                           "%YAML 1.2\n---\na: 1\n"}) {
    INFO(text);
    CHECK_FALSE(parse_yaml_fast_path(text, YamlLimits{}));
  }
}

TEST_CASE("yaml fast path: limits are left to the full reader", "[yaml_fast_path]") {
  YamlLimits limits;
  limits.max_depth = 2;
  CHECK_FALSE(parse_yaml_fast_path("a:\n  b:\n    c: 1\n", limits));
  limits = {};
  limits.max_scalar_bytes = 3;
  CHECK_FALSE(parse_yaml_fast_path("a: 1234\n", limits));
  CHECK_FALSE(parse_yaml_fast_path("abcd: 1\n", limits));
  limits = {};
  limits.max_nodes = 4;
  CHECK_FALSE(parse_yaml_fast_path("a: 1\nb: 2\nc: 3\n", limits));
}

TEST_CASE("yaml fast path: agrees with yaml-cpp on every file of the repository",
          "[yaml_fast_path]") {
  std::size_t files = 0;
  std::size_t fast = 0;
  for (const char* dir : {"policies", "tests/e2e", "tests/fuzz", "schemas"}) {
    for (const auto& entry : fs::recursive_directory_iterator(ccnt::testing::source_dir() / dir)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml" && ext != ".json")) continue;
      if (entry.file_size() > 1024 * 1024) continue;
      ++files;
      INFO(entry.path().string());
      if (agrees(ccnt::testing::file_text(entry.path()))) ++fast;
    }
  }
  CHECK(files > 100);
  // The policies of the repository are all in the subset.
  CHECK(fast > 40);
}
