#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>

#include "core/policy/json_schema.hpp"
#include "core/yaml/yaml_reader.hpp"
#include "file_text.hpp"
#include "source_dir.hpp"

using namespace ccnt;

namespace {

// Parses YAML (or JSON) text that must be well-formed.
Node tree(std::string_view text) {
  Diagnostics diagnostics;
  auto node = parse_yaml(text, "t.yaml", diagnostics);
  INFO(text);
  REQUIRE(diagnostics.empty());
  REQUIRE(node);
  return std::move(*node);
}

// Compiles a schema that must be valid.
JsonSchema schema(std::string_view text) {
  Diagnostics diagnostics;
  auto compiled = JsonSchema::compile(tree(text), "s.json", diagnostics);
  for (const Diagnostic& d : diagnostics.all()) UNSCOPED_INFO(d.message);
  REQUIRE(diagnostics.empty());
  REQUIRE(compiled);
  return std::move(*compiled);
}

// The diagnostics of compiling a schema that must be refused.
Diagnostics compile_errors(std::string_view text) {
  Diagnostics diagnostics;
  auto compiled = JsonSchema::compile(tree(text), "s.json", diagnostics);
  CHECK_FALSE(compiled);
  CHECK_FALSE(diagnostics.empty());
  for (const Diagnostic& d : diagnostics.all()) {
    CHECK(d.code == "E090");
    CHECK(d.path == "s.json");
  }
  return diagnostics;
}

Diagnostics check(const JsonSchema& s, std::string_view document) {
  Diagnostics diagnostics;
  s.validate(tree(document), "p.yaml", diagnostics);
  for (const Diagnostic& d : diagnostics.all()) CHECK(d.path == "p.yaml");
  return diagnostics;
}

// The one diagnostic that validation must produce.
Diagnostic only(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.all()) UNSCOPED_INFO(d.code << " " << d.message);
  REQUIRE(diagnostics.all().size() == 1);
  return diagnostics.all().front();
}

}  // namespace

TEST_CASE("json schema: type") {
  SECTION("string, with a quote hint for a plain scalar") {
    auto s = schema(R"({"type": "object", "properties": {"published": {"type": "string"}}})");
    CHECK(check(s, "published: \"2023\"\n").empty());
    CHECK(check(s, "published: 2023-x\n").empty());
    auto d = only(check(s, "published: 2023\n"));
    CHECK(d.code == "E020");
    CHECK(d.message == "`published` must be a string, found integer");
    CHECK(d.hint == "quote it: published: \"2023\"");
    CHECK(d.mark.line == 1);
    CHECK(d.mark.column == 12);
    CHECK(only(check(s, "published: true\n")).message ==
          "`published` must be a string, found boolean");
    CHECK(only(check(s, "published: [a]\n")).hint.empty());
  }
  SECTION("integer accepts only integers, number accepts both") {
    auto s = schema(R"({"properties": {"i": {"type": "integer"}, "n": {"type": "number"}}})");
    CHECK(check(s, "i: 2025\nn: 16\n").empty());
    CHECK(check(s, "i: 0x1F\nn: 1.5e3\n").empty());
    CHECK(only(check(s, "n: .inf\n")).code == "E028");  // a number, but not a finite one
    auto d = only(check(s, "i: 2.5\n"));
    CHECK(d.message == "`i` must be an integer, found number");
    d = only(check(s, "n: \"16\"\n"));
    CHECK(d.message == "`n` must be a number, found string");
    CHECK(d.hint == "remove the quotes: n: 16");
    CHECK(only(check(s, "n: abc\n")).hint.empty());
  }
  SECTION("an array of types") {
    auto s = schema(R"({"properties": {"x": {"type": ["string", "null"]}}})");
    CHECK(check(s, "x: abc\n").empty());
    CHECK(check(s, "x:\n").empty());
    CHECK(check(s, "x: ~\n").empty());
    CHECK(only(check(s, "x: 1.5\n")).message == "`x` must be a string or null, found number");
  }
  SECTION("boolean, array, object and the document itself") {
    auto s = schema(R"({"type": "object", "properties": {"b": {"type": "boolean"}}})");
    CHECK(check(s, "b: false\n").empty());
    CHECK(only(check(s, "b: \"false\"\n")).message == "`b` must be a boolean, found string");
    auto d = only(check(s, "- 1\n"));
    CHECK(d.message == "the document must be an object, found array");
    CHECK(d.hint.empty());
  }
}

TEST_CASE("json schema: properties, required, additionalProperties") {
  auto s = schema(R"({
    "type": "object",
    "required": ["title", "summary"],
    "additionalProperties": false,
    "properties": {"title": {"type": "string"}, "summary": {"type": "string"},
                   "title_en": {"type": "string"}}
  })");
  CHECK(check(s, "title: a\nsummary: b\n").empty());

  SECTION("missing required fields point at the map") {
    auto d = check(s, "\n  title: a\n");
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "E021");
    CHECK(d.all()[0].message == "missing required field `summary`");
    CHECK(d.all()[0].mark.line == 2);
    CHECK(d.all()[0].mark.column == 3);
    CHECK(check(s, "{}\n").all().size() == 2);
  }
  SECTION("unknown fields point at the key, with a suggestion") {
    auto d = only(check(s, "title: a\nsummary: b\ntitel: c\n"));
    CHECK(d.code == "E022");
    CHECK(d.message == "unknown field `titel`");
    CHECK(d.hint.empty());  // title is present already; nothing else is close
    auto e = check(s, "summary: b\ntitel: c\n");
    REQUIRE(e.all().size() == 2);
    CHECK(e.all()[0].code == "E021");
    CHECK(e.all()[1].message == "unknown field `titel`");
    CHECK(e.all()[1].hint == "did you mean `title`?");
    CHECK(e.all()[1].mark.line == 2);
    CHECK(e.all()[1].mark.column == 1);
    auto f = check(s, "title: a\nsumary: b\nxy: 1\n");
    REQUIRE(f.all().size() == 3);
    CHECK(f.all()[1].hint == "did you mean `summary`?");
    CHECK(f.all()[2].message == "unknown field `xy`");
    CHECK(f.all()[2].hint.empty());  // two letters changed of two: not a typo
  }
  SECTION("additionalProperties as a schema") {
    auto t = schema(R"({"properties": {"a": {}}, "additionalProperties": {"type": "integer"}})");
    CHECK(check(t, "a: x\nb: 1\n").empty());
    auto d = only(check(t, "a: x\nb: y\n"));
    CHECK(d.message == "`b` must be an integer, found string");
    CHECK(d.mark.column == 4);
  }
  SECTION("a property whose schema is false") {
    auto t = schema(R"({"properties": {"old": false}})");
    auto d = only(check(t, "old: 1\n"));
    CHECK(d.code == "E022");
    CHECK(d.message == "field `old` is not allowed");
  }
  SECTION("keywords of other types do not apply") {
    auto t = schema(R"({"required": ["a"], "minLength": 3, "minimum": 5, "minItems": 2})");
    CHECK(only(check(t, "- 1\n")).message == "the document has 1 item, at least 2 required");
    CHECK(only(check(t, "ab\n")).message ==
          "the document is 2 characters long, at least 3 required");
    CHECK(check(t, "7\n").empty());
    CHECK(check(t, "a: 1\n").empty());
  }
}

TEST_CASE("json schema: nested locations use dot and index notation") {
  auto s = schema(R"({
    "properties": {"targets": {"type": "array", "items": {
      "type": "object", "required": ["unit"], "additionalProperties": false,
      "properties": {"value": {"type": "number"}, "unit": {"type": "string"}}}}}
  })");
  auto d = check(s, "targets:\n  - unit: \"%\"\n  - value: x\n    unitt: 1\n");
  REQUIRE(d.all().size() == 3);
  CHECK(d.all()[0].message == "missing required field `targets[1].unit`");
  CHECK(d.all()[0].mark.line == 3);
  CHECK(d.all()[0].mark.column == 5);
  CHECK(d.all()[1].message == "`targets[1].value` must be a number, found string");
  CHECK(d.all()[1].mark.line == 3);
  CHECK(d.all()[1].mark.column == 12);
  CHECK(d.all()[2].message == "unknown field `targets[1].unitt`");
  CHECK(d.all()[2].hint == "did you mean `unit`?");
  CHECK(d.all()[2].mark.line == 4);
}

TEST_CASE("json schema: enum and const") {
  SECTION("enum") {
    auto s = schema(R"({"properties": {"level": {"type": "string",
      "enum": ["national", "provincial", "municipal", "county"]}}})");
    CHECK(check(s, "level: county\n").empty());
    auto d = only(check(s, "level: city\n"));
    CHECK(d.code == "E023");
    CHECK(d.message ==
          "`level` must be one of national, provincial, municipal, county; found `city`");
    CHECK(d.hint.empty());
    CHECK(d.mark.column == 8);
    CHECK(only(check(s, "level: provincal\n")).hint == "did you mean `provincial`?");
  }
  SECTION("enum compares resolved type and value") {
    auto s = schema(R"({"properties": {"x": {"enum": [1, "two", null, true, [1, 2]]}}})");
    CHECK(check(s, "x: 1\n").empty());
    CHECK(check(s, "x: 1.0\n").empty());
    CHECK(check(s, "x: 0x1\n").empty());
    CHECK(check(s, "x: two\n").empty());
    CHECK(check(s, "x: \"two\"\n").empty());
    CHECK(check(s, "x:\n").empty());
    CHECK(check(s, "x: True\n").empty());
    CHECK(check(s, "x: [1, 2.0]\n").empty());
    CHECK(only(check(s, "x: \"1\"\n")).message ==
          "`x` must be one of 1, two, null, true, [1, 2]; found `1`");
    CHECK(only(check(s, "x: \"true\"\n")).code == "E023");
    CHECK(only(check(s, "x: [2, 1]\n")).message ==
          "`x` must be one of 1, two, null, true, [1, 2]; found an array");
  }
  SECTION("const: a plain 2023 is the integer, a quoted one the string") {
    auto i = schema(R"({"properties": {"y": {"const": 2023}}})");
    CHECK(check(i, "y: 2023\n").empty());
    auto d = only(check(i, "y: \"2023\"\n"));
    CHECK(d.code == "E023");
    CHECK(d.message == "`y` must be 2023; found `2023`");
    auto s = schema(R"({"properties": {"y": {"const": "2023"}}})");
    CHECK(check(s, "y: \"2023\"\n").empty());
    CHECK(only(check(s, "y: 2023\n")).code == "E023");
    auto o = schema(R"({"const": {"a": 1, "b": [true]}})");
    CHECK(check(o, "b: [true]\na: 1\n").empty());
    CHECK(only(check(o, "a: 1\n")).message ==
          "the document must be {a: 1, b: [true]}; found an object");
  }
}

TEST_CASE("json schema: pattern") {
  auto s =
      schema(R"({"properties": {"id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "source": {"pattern": "^https://"}}})");
  CHECK(check(s, "id: zhejiang-industry-2023\nsource: https://x.cn/a\n").empty());
  auto d = only(check(s, "id: Zhejiang_Fixture\n"));
  CHECK(d.code == "E024");
  CHECK(d.message == "`id` does not match the pattern ^[a-z0-9]+(-[a-z0-9]+)*$");
  CHECK(d.mark.column == 5);
  CHECK(only(check(s, "source: see http://x.cn\n")).message ==
        "`source` does not match the pattern ^https://");
  CHECK(check(s, "source: 12\n").empty());  // pattern applies to strings only

  SECTION("strings up to 1024 bytes are checked") {
    const std::string ok(1024, 'a');
    CHECK(check(s, "id: " + ok + "\n").empty());
    const std::string bad = std::string(1023, 'a') + "_";
    CHECK(only(check(s, "id: " + bad + "\n")).message ==
          "`id` does not match the pattern ^[a-z0-9]+(-[a-z0-9]+)*$");
  }
  SECTION("a longer string is reported, not matched (std::regex would overflow the stack)") {
    Node document;
    document.kind = Node::Kind::Map;
    Node value;
    value.kind = Node::Kind::Scalar;
    value.scalar = std::string(1 << 20, 'a');
    value.mark = {1, 5};
    document.entries.push_back({"id", {1, 1}, value});
    Diagnostics diagnostics;
    s.validate(document, "p.yaml", diagnostics);
    auto e = only(diagnostics);
    CHECK(e.code == "E024");
    CHECK(e.message ==
          "`id` is too long to check against the pattern ^[a-z0-9]+(-[a-z0-9]+)*$ (1048576 bytes, "
          "at most 1024)");
    CHECK(e.mark.column == 5);
  }
}

TEST_CASE("json schema: minLength and maxLength count code points") {
  auto s = schema(R"({"properties": {"title": {"type": "string", "minLength": 1, "maxLength": 5},
    "id": {"minLength": 3}}})");
  CHECK(check(s, "title: 浙江省方案\n").empty());  // 5 code points, 15 bytes
  auto d = only(check(s, "title: 浙江省实施方\n"));
  CHECK(d.code == "E025");
  CHECK(d.message == "`title` is 6 characters long, at most 5 allowed");
  CHECK(only(check(s, "title: \"\"\n")).message ==
        "`title` is empty, at least 1 character required");
  CHECK(only(check(s, "id: ab\n")).message == "`id` is 2 characters long, at least 3 required");
  CHECK(only(check(s, "id: a\n")).message == "`id` is 1 character long, at least 3 required");
}

TEST_CASE("json schema: arrays") {
  auto s = schema(R"({"properties": {"tags": {"type": "array", "minItems": 1, "maxItems": 3,
    "uniqueItems": true, "items": {"type": "string", "maxLength": 4}}}})");
  CHECK(check(s, "tags: [碳达峰, 光伏]\n").empty());

  SECTION("items") {
    auto d = only(check(s, "tags: [a, \"12345\"]\n"));
    CHECK(d.message == "`tags[1]` is 5 characters long, at most 4 allowed");
    CHECK(only(check(s, "tags: [a, 1]\n")).hint == "quote it: - \"1\"");
  }
  SECTION("minItems and maxItems") {
    auto d = only(check(s, "tags: []\n"));
    CHECK(d.code == "E025");
    CHECK(d.message == "`tags` has no items, at least 1 required");
    CHECK(d.mark.column == 7);
    CHECK(only(check(s, "tags: [a, b, c, d]\n")).message ==
          "`tags` has 4 items, at most 3 allowed");
    auto t = schema(R"({"minItems": 2})");
    CHECK(only(check(t, "[a]\n")).message == "the document has 1 item, at least 2 required");
  }
  SECTION("uniqueItems points at the duplicate") {
    auto d = only(check(s, "tags:\n  - 碳达峰\n  - 光伏\n  - 光伏\n"));
    CHECK(d.code == "E025");
    CHECK(d.message == "`tags` has a duplicate item `光伏`");
    CHECK(d.hint == "tags[2] repeats tags[1]; remove one of them");
    CHECK(d.mark.line == 4);
    CHECK(d.mark.column == 5);
  }
  SECTION("uniqueItems compares resolved values") {
    auto t = schema(R"({"uniqueItems": true})");
    CHECK(check(t, "[1, \"1\", true, \"true\", null, \"\", [1], {a: 1}]\n").empty());
    CHECK(only(check(t, "[1, 1.0]\n")).message == "the document has a duplicate item `1.0`");
    CHECK(only(check(t, "[0x10, 16]\n")).code == "E025");
    CHECK(only(check(t, "[a, \"a\"]\n")).code == "E025");
    CHECK(only(check(t, "[~, null]\n")).code == "E025");
    CHECK(only(check(t, "[[1, a], [1.0, \"a\"]]\n")).message ==
          "the document has a duplicate item");
    CHECK(only(check(t, "[{a: 1, b: 2}, {b: 2, a: 1}]\n")).hint ==
          "[1] repeats [0]; remove one of them");
    CHECK(check(t, "[x, x, x]\n").all().size() == 2);
  }
  SECTION("uniqueItems hashes lists and maps too, without confusing different ones") {
    auto t = schema(R"({"uniqueItems": true})");
    CHECK(only(check(t, "[[a, b], [a, c], {a: [1, 2]}, {a: [1, 2.0]}]\n")).hint ==
          "[3] repeats [2]; remove one of them");
    CHECK(check(t, "[\"a,b\", [a, b], [\"a,b\"], [[a, b]], {a: b}, {\"a\": [b]}, [a], [[a]]]\n")
              .empty());
    CHECK(check(t, "[{\"k:1\": x}, {k: \"1:x\"}, {}, []]\n").empty());
    // 10,000 distinct maps: every pair compared would be 50 million comparisons.
    std::string many = "[";
    for (int i = 0; i < 10000; ++i) many += fmt::format("{{id: {}, v: [x, {}]}}, ", i, i);
    many += "{id: 7, v: [x, 7]}]\n";
    CHECK(only(check(t, many)).hint == "[10000] repeats [7]; remove one of them");
  }
}

TEST_CASE("json schema: number ranges") {
  auto s = schema(R"({"properties": {
    "year": {"type": "integer", "minimum": 1949, "maximum": 2100},
    "share": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 100.5}}})");
  CHECK(check(s, "year: 1949\nshare: 100.25\n").empty());
  CHECK(check(s, "year: 2100\nshare: 0.001\n").empty());
  auto d = only(check(s, "year: 1948\n"));
  CHECK(d.code == "E026");
  CHECK(d.message == "`year` must be at least 1949, found 1948");
  CHECK(d.mark.column == 7);
  CHECK(only(check(s, "year: 2101\n")).message == "`year` must be at most 2100, found 2101");
  CHECK(only(check(s, "share: 0\n")).message == "`share` must be greater than 0, found 0");
  CHECK(only(check(s, "share: 100.5\n")).message == "`share` must be less than 100.5, found 100.5");
  CHECK(check(s, "share: \"0\"\n").all().front().code == "E020");
}

TEST_CASE("json schema: NaN, infinities and overflowing numbers are errors of their own") {
  auto s = schema(R"({"properties": {"v": {"type": "number"}, "y": {"type": "integer",
    "minimum": 0}}})");
  for (const char* value : {".nan", ".NaN", ".inf", "-.inf", "+.Inf", "1e400", "-2.5e999"}) {
    INFO(value);
    const Diagnostic d = only(check(s, fmt::format("v: {}\n", value)));
    CHECK(d.code == "E028");
    CHECK(d.message == fmt::format("`v` is not a finite number: {}", value));
    CHECK(d.mark.column == 4);
  }
  CHECK(only(check(s, "y: 1" + std::string(400, '0') + "\n")).code == "E028");
  CHECK(check(s, "v: 1.7e308\ny: 12\n").empty());
  CHECK(check(s, "v: -1e-400\n").empty());  // underflow is 0, a finite number
}

TEST_CASE("json schema: $ref and definitions") {
  SECTION("a local reference") {
    auto s = schema(R"({"properties": {"t": {"$ref": "#/definitions/target", "description": "x"}},
      "definitions": {"target": {"type": "object", "required": ["kind"]}}})");
    CHECK(check(s, "t: {kind: a}\n").empty());
    auto d = only(check(s, "t: {other: 1}\n"));
    CHECK(d.message == "missing required field `t.kind`");
  }
  SECTION("a recursive reference terminates because it follows the document") {
    auto s = schema(R"({"$ref": "#/definitions/tree", "definitions": {"tree": {
      "type": "object", "required": ["name"], "additionalProperties": false,
      "properties": {"name": {"type": "string"},
                     "children": {"type": "array", "items": {"$ref": "#/definitions/tree"}}}}}})");
    CHECK(check(s, "name: a\nchildren:\n  - name: b\n    children: [{name: c}]\n").empty());
    auto d = only(check(s, "name: a\nchildren:\n  - name: b\n    children: [{name: 1}]\n"));
    CHECK(d.message == "`children[0].children[0].name` must be a string, found integer");
    CHECK(d.mark.line == 4);
  }
  SECTION("JSON-pointer escapes in the name") {
    auto s = schema(
        R"({"$ref": "#/definitions/a~1b~0c", "definitions": {"a/b~c": {"type": "string"}}})");
    CHECK(check(s, "\"x\"\n").empty());
    CHECK(only(check(s, "[]\n")).code == "E020");
  }
  SECTION("a cycle that never reaches the document is refused") {
    auto d = compile_errors(R"({"$ref": "#/definitions/a", "definitions": {
      "a": {"$ref": "#/definitions/b"}, "b": {"allOf": [{"$ref": "#/definitions/a"}]}}})");
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].message.find("validation would never end") != std::string::npos);
    auto self = compile_errors(R"({"definitions": {"a": {"$ref": "#/definitions/a"}}})");
    CHECK(self.all().size() == 1);
  }
  SECTION("bad references") {
    auto d = compile_errors(R"({"properties": {
      "a": {"$ref": "#/definitions/taget"},
      "b": {"$ref": "other.json#/definitions/x"},
      "c": {"$ref": "#"}},
      "definitions": {"target": {}}})");
    REQUIRE(d.all().size() == 3);
    CHECK(d.all()[0].message == "$ref `#/definitions/taget` names no entry of `definitions`");
    CHECK(d.all()[0].hint == "did you mean `#/definitions/target`?");
    CHECK(d.all()[0].mark.line == 2);
    CHECK(d.all()[1].message == "unsupported $ref `other.json#/definitions/x`");
    CHECK(d.all()[2].message == "unsupported $ref `#`");
  }
  SECTION("constraints beside $ref and nested definitions are refused") {
    auto d = compile_errors(R"({"properties": {"a": {"$ref": "#/definitions/t", "type": "string"},
      "b": {"definitions": {}}}, "definitions": {"t": {}}})");
    REQUIRE(d.all().size() == 2);
    CHECK(d.all()[0].message == "`type` beside `$ref` would be ignored (draft-07)");
    CHECK(d.all()[1].message == "`definitions` is supported only at the top level of the schema");
  }
}

TEST_CASE("json schema: oneOf, anyOf, allOf") {
  SECTION("anyOf") {
    auto s = schema(R"({"properties": {"x": {"anyOf": [{"type": "integer"}, {"type": "string",
      "pattern": "^[0-9]{4}$"}]}}})");
    CHECK(check(s, "x: 12\n").empty());
    CHECK(check(s, "x: \"2023\"\n").empty());
    auto d = only(check(s, "x: \"20x3\"\n"));
    CHECK(d.code == "E027");
    CHECK(d.message == "`x` matches none of the allowed forms");
    CHECK(d.hint == "closest form: `x` must be an integer, found string");
    CHECK(d.mark.column == 4);
  }
  SECTION("oneOf") {
    auto s = schema(R"({"oneOf": [{"type": "number"}, {"type": "integer"}, {"type": "string"}]})");
    CHECK(check(s, "1.5\n").empty());
    CHECK(check(s, "abc\n").empty());
    auto d = only(check(s, "3\n"));
    CHECK(d.code == "E027");
    CHECK(d.message ==
          "the document matches more than one of the allowed forms (1 and 2), exactly one is "
          "allowed");
    CHECK(only(check(s, "[]\n")).message == "the document matches none of the allowed forms");
  }
  SECTION("allOf reports every failure directly") {
    auto s = schema(R"({"allOf": [{"required": ["a"]}, {"required": ["b"]}, {"type": "object"}]})");
    CHECK(check(s, "{a: 1, b: 2}\n").empty());
    auto d = check(s, "{c: 1}\n");
    REQUIRE(d.all().size() == 2);
    CHECK(d.all()[0].message == "missing required field `a`");
    CHECK(d.all()[1].message == "missing required field `b`");
  }
}

TEST_CASE("json schema: boolean schemas") {
  auto s = schema(R"({"properties": {"any": true}, "items": false})");
  CHECK(check(s, "any: [1, {a: b}]\n").empty());
  CHECK(check(s, "[]\n").empty());
  auto d = only(check(s, "[1]\n"));
  CHECK(d.code == "E022");
  CHECK(d.message == "`[0]` is not allowed here");
  CHECK(check(schema("true\n"), "a: [1]\n").empty());
  CHECK(only(check(schema("false\n"), "a: 1\n")).message == "the document is not allowed here");
}

TEST_CASE("json schema: problems in the schema are E090") {
  SECTION("an unknown keyword names the keyword and its line") {
    auto d = compile_errors("{\n  \"type\": \"object\",\n  \"patternProperties\": {}\n}\n");
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].message == "unsupported keyword `patternProperties`");
    CHECK(d.all()[0].mark.line == 3);
    CHECK(d.all()[0].mark.column == 3);
    CHECK(d.all()[0].hint.find("additionalProperties") != std::string::npos);
  }
  SECTION("every problem is reported, nested ones too") {
    auto d =
        compile_errors(R"({"properties": {"a": {"not": {}}, "b": {"items": {"typ": "string"}}}})");
    REQUIRE(d.all().size() == 2);
    CHECK(d.all()[0].message == "unsupported keyword `not`");
    CHECK(d.all()[1].message == "unsupported keyword `typ`");
  }
  SECTION("malformed values") {
    auto d = compile_errors(R"({
      "type": "str",
      "required": "a",
      "minLength": -1,
      "maxItems": 1.5,
      "minimum": "3",
      "exclusiveMinimum": true,
      "uniqueItems": 1,
      "enum": [],
      "items": [{}],
      "oneOf": [],
      "pattern": "([a-z]",
      "properties": [],
      "additionalProperties": 3
    })");
    CHECK(d.all().size() == 13);
    CHECK(d.all()[0].message == "unknown type `str`");
    CHECK(d.all()[0].mark.line == 2);
    CHECK(d.all()[2].message == "`minLength` must be a non-negative integer, found `-1`");
    CHECK(d.all()[5].hint.find("draft-07 writes the bound itself") == 0);
  }
  SECTION("non-ASCII patterns, other drafts, non-schemas") {
    CHECK(compile_errors(R"({"pattern": "^[一-龥]+$"})").all().size() == 1);
    CHECK(compile_errors(R"({"pattern": "^\\u4e00$"})").all().size() == 1);
    CHECK(compile_errors(R"({"$schema": "https://json-schema.org/draft/2020-12/schema"})")
              .all()
              .size() == 1);
    CHECK(compile_errors("\"a string\"\n").all()[0].message ==
          "a schema must be an object or a boolean, found string");
    auto annotated = schema(R"({"$schema": "http://json-schema.org/draft-07/schema#", "$id": "x",
      "$comment": "c", "title": "t", "description": "d", "examples": [1], "default": 2})");
    CHECK(check(annotated, "anything\n").empty());
  }
}

TEST_CASE("json schema: validate runs concurrently on one schema") {
  auto s = schema(R"({"type": "object", "additionalProperties": false, "required": ["id"],
    "properties": {"id": {"type": "string", "pattern": "^[a-z]+$"},
                   "tags": {"type": "array", "uniqueItems": true, "items": {"type": "string"}}}})");
  const Node good = tree("id: abc\ntags: [a, b]\n");
  const Node bad = tree("id: ABC\ntags: [a, a]\nx: 1\n");
  auto work = [&](std::size_t& errors) {
    for (int i = 0; i < 2000; ++i) {
      Diagnostics diagnostics;
      s.validate(i % 2 ? good : bad, "p.yaml", diagnostics);
      errors += diagnostics.all().size();
    }
  };
  std::size_t first = 0, second = 0;
  std::thread a(work, std::ref(first));
  std::thread b(work, std::ref(second));
  a.join();
  b.join();
  CHECK(first == 3000);
  CHECK(second == 3000);
}

TEST_CASE("json schema: the bundled policy schema") {
  const std::string dir = ccnt::testing::source_dir().string();
  const std::string text = ccnt::testing::file_text(dir + "/schemas/policy.schema.json");
  REQUIRE_FALSE(text.empty());
  auto s = schema(text);
  const std::string fixture = R"(id: Zhejiang_Fixture
title: 浙江省测试用碳达峰实施方案
region: zhejiang
level: city
sector: industry
doc_type: 实施方案
titel: x
published: 2023
added: "2023-03"
sumary: 《方案》提出。
targets:
  - indicator: industrial-energy-intensity-reduction
    text: 规模以上工业单位增加值能耗较2020年下降16%以上
    value: "16"
    unit: "%"
    kind: reduction
    base_year: 1900
    target_year: 2025
)";
  auto d = check(s, fixture);
  std::vector<std::string> lines;
  for (const Diagnostic& x : d.all())
    lines.push_back(fmt::format("{}:{} {} {}", x.mark.line, x.mark.column, x.code, x.message));
  // `summary` is required by the schema's `else` (records that are not stubs), checked last.
  const std::vector<std::string> expected = {
      "1:5 E024 `id` does not match the pattern ^[a-z0-9]+(-[a-z0-9]+)*$",
      "4:8 E023 `level` must be one of national, provincial, municipal, county; found `city`",
      "7:1 E022 unknown field `titel`",
      "8:12 E020 `published` must be a string, found integer",
      "10:1 E022 unknown field `sumary`",
      "14:12 E020 `targets[0].value` must be a number, found string",
      "17:16 E026 `targets[0].base_year` must be at least 1949, found 1900",
      "1:1 E021 missing required field `summary`",
  };
  CHECK(lines == expected);
  CHECK(d.all()[2].hint.empty());  // title is present
  CHECK(d.all()[4].hint == "did you mean `summary`?");
}

TEST_CASE("json schema: the findings name the top-level fields that are broken") {
  auto s = schema(R"({"type": "object", "required": ["id", "added"],
    "properties": {"id": {"type": "string"}, "region": {"type": "string"},
                   "added": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$",
                             "examples": ["2023-03", "2023-04"]},
                   "targets": {"type": "array", "items": {"type": "object",
                               "properties": {"value": {"type": "number"}},
                               "additionalProperties": false}}},
    "additionalProperties": false})");
  SECTION("an unknown field breaks nothing") {
    Diagnostics diagnostics;
    const SchemaFindings findings =
        s.validate(tree("id: a\nadded: '2023-03'\nregoin: x\n"), "p.yaml", diagnostics);
    CHECK(only(diagnostics).code == "E022");
    CHECK_FALSE(findings.document_broken);
    CHECK(findings.broken_fields.empty());
    CHECK_FALSE(findings.broken("region"));
  }
  SECTION("a wrong value, deep or not, and a missing field break their field only") {
    Diagnostics diagnostics;
    const SchemaFindings findings =
        s.validate(tree("added: 2023/03\ntargets:\n  - value: x\n    unit: '%'\nregion: r\n"),
                   "p.yaml", diagnostics);
    CHECK(diagnostics.error_count() == 4);  // E021 id, E024 added, E020 value, E022 unit
    CHECK_FALSE(findings.document_broken);
    CHECK(findings.broken("id"));
    CHECK(findings.broken("added"));
    CHECK(findings.broken("targets"));
    CHECK_FALSE(findings.broken("region"));
  }
  SECTION("a document that is not a mapping is broken as a whole") {
    Diagnostics diagnostics;
    const SchemaFindings findings = s.validate(tree("- a\n- b\n"), "p.yaml", diagnostics);
    CHECK(findings.document_broken);
    CHECK(findings.broken("region"));
  }
  SECTION("a value that does not match the pattern gets the examples as its hint") {
    const Diagnostic d = only(check(s, "id: a\nadded: 2023/03\n"));
    CHECK(d.code == "E024");
    CHECK(d.hint == "write it in the form of the examples: 2023-03, 2023-04");
  }
}

TEST_CASE("json schema: if, then, else") {
  // The policy schema's use: stubs may leave out summary and sector, other records may not.
  auto s = schema(R"({"type": "object", "if": {"required": ["stub"]},
                     "then": {"properties": {"stub": {"const": true}}},
                     "else": {"required": ["summary"]}})");
  CHECK(check(s, "stub: true\n").empty());
  CHECK(check(s, "summary: x\n").empty());
  auto missing = only(check(s, "title: x\n"));
  CHECK(missing.code == "E021");
  CHECK(missing.message == "missing required field `summary`");
  CHECK(only(check(s, "stub: false\n")).code == "E023");  // `then` applies when `if` holds
  SECTION("a branch without `if` is ignored, as draft-07 says") {
    auto alone = schema(R"({"type": "object", "else": {"required": ["summary"]}})");
    CHECK(check(alone, "title: x\n").empty());
  }
}
