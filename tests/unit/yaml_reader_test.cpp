#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "core/yaml/yaml_reader.hpp"

using namespace ccnt;

namespace {

struct Parsed {
  std::optional<Node> root;
  Diagnostics diagnostics;
};

Parsed parse(std::string_view text, YamlLimits limits = {}) {
  Parsed p;
  p.root = parse_yaml(text, "x.yaml", p.diagnostics, limits);
  return p;
}

std::string only_code(const Parsed& p) {
  REQUIRE(p.diagnostics.all().size() == 1);
  return p.diagnostics.all()[0].code;
}

}  // namespace

TEST_CASE("parse_yaml keeps positions of keys and values in code points") {
  auto p = parse("title: 浙江省工业\nregion: 浙江\n");
  REQUIRE(p.root);
  REQUIRE(p.diagnostics.empty());
  REQUIRE(p.root->entries.size() == 2);
  CHECK(p.root->entries[1].key == "region");
  CHECK(p.root->entries[1].key_mark.line == 2);
  CHECK(p.root->entries[1].key_mark.column == 1);
  CHECK(p.root->entries[1].value.mark.column == 9);
  CHECK(p.root->entries[1].value.scalar == "浙江");
}

TEST_CASE("parse_yaml reports a syntax error at the column counted in characters") {
  auto p = parse("x: 中文: 2023\n");
  CHECK_FALSE(p.root);
  REQUIRE(only_code(p) == "E006");
  CHECK(p.diagnostics.all()[0].mark.line == 1);
  CHECK(p.diagnostics.all()[0].mark.column == 6);
}

TEST_CASE("parse_yaml distinguishes plain and quoted scalars") {
  auto p = parse("a: \"2023\"\nb: 2023\nc: 2023-03\nd: 1.5\ne: true\nf: ~\n");
  REQUIRE(p.root);
  CHECK(p.root->find("a")->type() == ValueType::String);
  CHECK(p.root->find("b")->type() == ValueType::Integer);
  CHECK(p.root->find("c")->type() == ValueType::String);
  CHECK(p.root->find("d")->type() == ValueType::Number);
  CHECK(p.root->find("e")->type() == ValueType::Boolean);
  CHECK(p.root->find("f")->type() == ValueType::Null);
}

TEST_CASE("Node::as_int gives only whole numbers an int holds") {
  auto p = parse("a: 2025\nb: 2025.0\nc: 2025.5\nd: .inf\ne: -.Inf\nf: .nan\ng: 1e400\n"
                 "h: 3000000000\ni: \"2025\"\n");
  REQUIRE(p.root);
  CHECK(p.root->find("a")->as_int() == 2025);
  CHECK(p.root->find("b")->as_int() == 2025);
  for (const char* key : {"c", "d", "e", "f", "g", "h", "i"}) {
    INFO(key);
    CHECK_FALSE(p.root->find(key)->as_int());
  }
}

TEST_CASE("parse_yaml reports duplicate keys, which yaml-cpp accepts silently") {
  auto p = parse("a: 1\nb: 2\na: 3\n");
  REQUIRE(only_code(p) == "E008");
  CHECK(p.diagnostics.all()[0].mark.line == 3);
  CHECK(p.root->find("a")->scalar == "1");
}

TEST_CASE("parse_yaml refuses anchors and aliases without expanding them") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    bomb += fmt::format("{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n", c, c,
                        fmt::arg("p", std::string(1, static_cast<char>(c - 1))));
  auto p = parse(bomb);
  REQUIRE(p.diagnostics.all().size() == 2);
  CHECK(p.diagnostics.all()[0].code == "E009");
  CHECK(p.diagnostics.all()[0].message == "anchors (&name) are not allowed (10 in this file)");
  CHECK(p.diagnostics.all()[0].mark.line == 1);
  CHECK(p.diagnostics.all()[1].message == "aliases (*name) are not allowed (81 in this file)");
  CHECK(p.diagnostics.all()[1].mark.line == 2);
}

TEST_CASE("parse_yaml stops at the nesting limit instead of recursing") {
  auto p = parse("a: " + std::string(100000, '['));
  CHECK_FALSE(p.root);
  CHECK(only_code(p) == "E007");
}

TEST_CASE("parse_yaml refuses several documents and empty files") {
  CHECK(only_code(parse("a: 1\n---\nb: 2\n")) == "E010");
  CHECK(only_code(parse("")) == "E005");
  CHECK(only_code(parse("# only a comment\n")) == "E005");
}

TEST_CASE("parse_yaml accepts a byte-order mark and CRLF line ends") {
  auto p = parse(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: 中\r\n");
  REQUIRE(p.root);
  CHECK(p.diagnostics.empty());
  CHECK(p.root->find("b")->scalar == "中");
}

TEST_CASE("parse_yaml names the encoding problem") {
  auto gbk = parse("title: \xD5\xE3\xBD\xAD\xCA\xA1\n");
  REQUIRE(only_code(gbk) == "E003");
  CHECK(gbk.diagnostics.all()[0].message.find("GBK") != std::string::npos);
  CHECK(only_code(parse("\xFF\xFE"
                        "a\0:\0")) == "E003");
  auto nul = parse(std::string("a: 1\nb: x\0y\n", 12));
  REQUIRE(only_code(nul) == "E004");
  CHECK(nul.diagnostics.all()[0].mark.line == 2);
  CHECK(only_code(parse("a: x\x07y\n")) == "E004");
}

TEST_CASE("parse_yaml bounds the size of one value") {
  YamlLimits limits;
  limits.max_scalar_bytes = 10;
  CHECK(only_code(parse("a: 12345678901\n", limits)) == "E011");
}
