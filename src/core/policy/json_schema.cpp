#include "core/policy/json_schema.hpp"
#include "core/yaml/yaml_slips.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <regex>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diag/message_catalog.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

// libstdc++'s std::regex recurses once or more per character, so longer strings are not matched.
constexpr std::size_t kMaxPatternBytes = 1024;

// Values quoted in messages are cut to this many code points.
constexpr std::size_t kMaxShownCodePoints = 60;

// The code of every problem found in the schema itself.
constexpr const char* kSchemaCode = "E090";

// The keywords compile() understands, for the hint of an unsupported one.
constexpr const char* kSupportedKeywords =
    "$schema, $id, $comment, title, description, examples, default, type, properties, required, "
    "additionalProperties, enum, const, pattern, minLength, maxLength, items, minItems, maxItems, "
    "uniqueItems, minimum, maximum, exclusiveMinimum, exclusiveMaximum, $ref, definitions, oneOf, "
    "anyOf, allOf, if, then, else";

// A set of ValueTypes as bits; 0 stands for "any type".
using TypeMask = std::uint8_t;

constexpr TypeMask type_bit(ValueType type) {
  return static_cast<TypeMask>(1u << static_cast<unsigned>(type));
}

// True when a value of `type` satisfies a `type` keyword; "number" includes integers.
bool accepts_type(TypeMask mask, ValueType type) {
  if (mask == 0 || (mask & type_bit(type)) != 0) return true;
  return type == ValueType::Integer && (mask & type_bit(ValueType::Number)) != 0;
}

bool is_numeric(ValueType type) {
  return type == ValueType::Integer || type == ValueType::Number;
}

// A value of `enum` or `const`, resolved once at compile time.
struct Literal {
  Node value;
  ValueType type = ValueType::Null;
  double number = 0;  // when type is Integer or Number
};

// A numeric bound (minimum, exclusiveMaximum, ...) with its text as the schema writes it.
struct Bound {
  double value = 0;
  std::string text;
};

// A name of `properties` with the index of its compiled schema.
struct Property {
  std::string name;
  int schema = -1;
};

// One compiled schema; sub-schemas are indices into JsonSchema::Compiled::nodes.
struct SchemaNode {
  Mark mark;                // where the schema starts in the schema file
  bool reject_all = false;  // the boolean schema `false`
  int ref = -1;             // $ref target; a node with a $ref only delegates to it
  std::string ref_text;     // the $ref as written, for compile errors

  TypeMask types = 0;     // `type`; 0 when absent
  std::string type_text;  // "a string or null", for messages

  std::vector<Property> properties;         // sorted by name, for binary search
  std::vector<std::string> property_names;  // in schema order, for "did you mean"
  std::vector<std::string> required;
  int additional = -1;  // additionalProperties; -1 allows any

  bool has_enum = false;
  std::vector<Literal> enum_values;
  std::string enum_text;  // "national, provincial, ...", for messages
  std::optional<Literal> const_value;
  std::string const_text;

  std::optional<std::regex> pattern;
  std::string pattern_text;
  std::string examples_text;  // the text `examples` ("2023-03, 2023-03-15"), for pattern hints

  std::optional<std::size_t> min_length, max_length, min_items, max_items;
  bool unique_items = false;

  std::optional<Bound> minimum, maximum, exclusive_minimum, exclusive_maximum;

  int items = -1;  // `items`; -1 when absent
  std::vector<int> all_of, any_of, one_of;
  int if_ = -1, then_ = -1, else_ = -1;  // `if`/`then`/`else`; -1 when absent
};

// Text of a scalar as it is written, cut to a readable length.
std::string shorten(std::string_view text) {
  std::size_t offset = 0;
  std::size_t count = 0;
  while (offset < text.size() && count < kMaxShownCodePoints) {
    next_code_point(text, offset);
    ++count;
  }
  if (offset >= text.size()) return std::string(text);
  return std::string(text.substr(0, offset)) + "…";
}

// A value written out compactly for a message: scalars as written, lists and maps JSON-like.
std::string render(const Node& node) {
  switch (node.kind) {
    case Node::Kind::Null:
      return "null";
    case Node::Kind::Scalar:
      return shorten(node.scalar);
    case Node::Kind::Sequence: {
      std::string out = "[";
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        if (i > 0) out += ", ";
        out += render(node.items[i]);
      }
      return out + "]";
    }
    case Node::Kind::Map: {
      std::string out = "{";
      for (std::size_t i = 0; i < node.entries.size(); ++i) {
        if (i > 0) out += ", ";
        out += node.entries[i].key + ": " + render(node.entries[i].value);
      }
      return out + "}";
    }
  }
  return {};
}

// How a found value is named in a message: `city`, an array, an empty value.
std::string describe_found(const Node& node) {
  if (node.kind == Node::Kind::Null || (node.is_scalar() && node.scalar.empty()))
    return trf("an empty value");
  if (node.is_sequence()) return trf("an array");
  if (node.is_map()) return trf("an object");
  return fmt::format("`{}`", shorten(node.scalar));
}

// "a string", "an integer", "null": a type as the object of "must be".
std::string with_article(ValueType type) {
  switch (type) {
    case ValueType::Null:
      return "null";
    case ValueType::Boolean:
      return trf("a boolean");
    case ValueType::Integer:
      return trf("an integer");
    case ValueType::Number:
      return trf("a number");
    case ValueType::String:
      return trf("a string");
    case ValueType::Array:
      return trf("an array");
    case ValueType::Object:
      return trf("an object");
  }
  return trf("a value");
}

// Whether two values are equal as JSON values: same resolved type (1 and 1.0 are equal numbers)
// and same content.
bool same_value(const Node& a, ValueType a_type, const Node& b, ValueType b_type) {
  if (is_numeric(a_type) && is_numeric(b_type)) return a.as_number() == b.as_number();
  if (a_type != b_type) return false;
  switch (a_type) {
    case ValueType::Null:
      return true;
    case ValueType::Boolean:
      return a.as_bool() == b.as_bool();
    case ValueType::String:
      return a.scalar == b.scalar;
    case ValueType::Array:
      if (a.items.size() != b.items.size()) return false;
      for (std::size_t i = 0; i < a.items.size(); ++i)
        if (!same_value(a.items[i], a.items[i].type(), b.items[i], b.items[i].type())) return false;
      return true;
    case ValueType::Object:
      if (a.entries.size() != b.entries.size()) return false;
      for (const MapEntry& entry : a.entries) {
        const Node* other = b.find(entry.key);
        if (!other || !same_value(entry.value, entry.value.type(), *other, other->type()))
          return false;
      }
      return true;
    case ValueType::Integer:
    case ValueType::Number:
      break;
  }
  return false;
}

// Whether a document value equals a literal of the schema; `number` is the value's number when
// it is numeric (parsed once for a whole enum), else NaN.
bool equals_literal(const Literal& literal, const Node& node, ValueType type, double number) {
  if (is_numeric(literal.type) && is_numeric(type)) return number == literal.number;
  if (literal.type != type) return false;
  if (type == ValueType::String) return literal.value.scalar == node.scalar;
  return same_value(literal.value, literal.type, node, type);
}

// A key for a scalar under which equal values (by resolved type and value) collide; nullopt
// for lists and maps.
std::optional<std::string> scalar_key(const Node& node, ValueType type) {
  switch (type) {
    case ValueType::Null:
      return std::string("z");
    case ValueType::Boolean:
      return std::string(node.as_bool().value_or(false) ? "b1" : "b0");
    case ValueType::Integer:
    case ValueType::Number: {
      double value = node.as_number().value_or(0);
      if (value == 0) value = 0;  // -0 equals 0
      return fmt::format("n{}", value);
    }
    case ValueType::String:
      return "s" + node.scalar;
    case ValueType::Array:
    case ValueType::Object:
      break;
  }
  return std::nullopt;
}

// A key for any value under which equal values (as same_value compares them) collide: scalars
// as scalar_key, lists item by item, maps with their entries in key order; strings are
// length-prefixed so that no two different values share a key. Lets uniqueItems hash lists of
// lists and maps too, instead of comparing every pair.
std::string value_key(const Node& node, ValueType type) {
  if (type == ValueType::String) return fmt::format("s{}:{}", node.scalar.size(), node.scalar);
  if (auto key = scalar_key(node, type)) return *key;
  if (type == ValueType::Array) {
    std::string key = fmt::format("a{}[", node.items.size());
    for (const Node& item : node.items) key += value_key(item, item.type()) + ',';
    return key + ']';
  }
  std::vector<std::string> entries;
  entries.reserve(node.entries.size());
  for (const MapEntry& entry : node.entries)
    entries.push_back(fmt::format("{}:{}={}", entry.key.size(), entry.key,
                                  value_key(entry.value, entry.value.type())));
  std::sort(entries.begin(), entries.end());
  std::string key = fmt::format("o{}{{", entries.size());
  for (const std::string& entry : entries) key += entry + ',';
  return key + '}';
}

// The candidate closest to `word` when it is a plausible typo (edit distance at most 2 and
// shorter than the word), else "".
std::string suggest(std::string_view word, const std::vector<std::string>& candidates,
                    const Node* present = nullptr) {
  const std::size_t length = code_point_count(word);
  std::size_t best = 3;
  std::string result;
  for (const std::string& candidate : candidates) {
    if (present && present->find(candidate)) continue;  // already there, not what was meant
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best && distance < length) {
      best = distance;
      result = candidate;
    }
  }
  return result;
}

// The text of a node when it resolves to a string, else nullptr.
const std::string* string_of(const Node& node) {
  return node.type() == ValueType::String ? &node.scalar : nullptr;
}

// The keywords that may stand beside $ref (draft-07 ignores all others there).
bool is_annotation(std::string_view key) {
  return key == "$schema" || key == "$id" || key == "$comment" || key == "title" ||
         key == "description" || key == "examples" || key == "default" || key == "definitions";
}

// True when a $schema value names draft-07.
bool is_draft07(std::string_view uri) {
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  return uri == "http://json-schema.org/draft-07/schema" ||
         uri == "https://json-schema.org/draft-07/schema";
}

// Turns a schema Node tree into SchemaNodes, reporting every problem found as E090.
class Compiler {
 public:
  Compiler(const std::string& schema_path, Diagnostics& diagnostics)
      : schema_path_(schema_path), diagnostics_(diagnostics) {}

  // The compiled nodes (root first), or nullopt when the schema had problems.
  std::optional<std::vector<SchemaNode>> run(const Node& root) {
    nodes_.emplace_back();  // slot 0: the root
    std::vector<std::pair<const MapEntry*, int>> definitions;
    if (root.is_map()) {
      if (const Node* defs = root.find("definitions")) {
        if (!defs->is_map()) {
          error(defs->mark, trf("`definitions` must be an object of schemas"));
        } else {
          for (const MapEntry& entry : defs->entries) {
            const int slot = static_cast<int>(nodes_.size());
            nodes_.emplace_back();
            definitions_.emplace(entry.key, slot);
            definitions.emplace_back(&entry, slot);
          }
        }
      }
    }
    nodes_[0] = build(root, true);
    for (const auto& [entry, slot] : definitions) nodes_[slot] = build(entry->value, false);
    find_ref_cycles();
    if (failed_) return std::nullopt;
    return std::move(nodes_);
  }

 private:
  void error(Mark mark, std::string message, std::string hint = {}) {
    diagnostics_.error(kSchemaCode, schema_path_, mark, std::move(message), std::move(hint));
    failed_ = true;
  }

  // Compiles a sub-schema into a new slot and returns its index.
  int add(const Node& schema) {
    const int slot = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    SchemaNode built = build(schema, false);
    nodes_[slot] = std::move(built);  // by index: build() may have grown nodes_
    return slot;
  }

  // A non-negative integer keyword value (minLength, ...), or nullopt after an error.
  std::optional<std::size_t> size_value(const MapEntry& entry) {
    const Node& value = entry.value;
    if (value.type() == ValueType::Integer) {
      const double number = value.as_number().value_or(-1);
      if (number >= 0 && number <= static_cast<double>(std::numeric_limits<std::uint32_t>::max()))
        return static_cast<std::size_t>(number);
    }
    error(value.mark,
          trf("`{}` must be a non-negative integer, found {}", entry.key, describe_found(value)));
    return std::nullopt;
  }

  // A number keyword value (minimum, ...), or nullopt after an error.
  std::optional<Bound> bound_value(const MapEntry& entry) {
    const Node& value = entry.value;
    if (is_numeric(value.type())) {
      const double number = value.as_number().value_or(0);
      if (!std::isnan(number)) return Bound{number, value.scalar};
    }
    std::string hint;
    if (value.type() == ValueType::Boolean && entry.key.rfind("exclusive", 0) == 0)
      hint = trf("draft-07 writes the bound itself: `{}: 0` instead of a boolean beside {}",
                 entry.key, entry.key == "exclusiveMinimum" ? "minimum" : "maximum");
    error(value.mark, trf("`{}` must be a number, found {}", entry.key, describe_found(value)),
          std::move(hint));
    return std::nullopt;
  }

  // A non-empty list of sub-schemas (oneOf, anyOf, allOf).
  std::vector<int> schema_list(const MapEntry& entry) {
    std::vector<int> out;
    if (!entry.value.is_sequence() || entry.value.items.empty()) {
      error(entry.value.mark, trf("`{}` must be a non-empty array of schemas", entry.key));
      return out;
    }
    for (const Node& item : entry.value.items) out.push_back(add(item));
    return out;
  }

  Literal literal(const Node& value) {
    Literal out{value, value.type(), 0};
    if (is_numeric(out.type)) out.number = out.value.as_number().value_or(0);
    return out;
  }

  void compile_type(const Node& value, SchemaNode& s) {
    std::vector<const Node*> names;
    if (value.is_sequence()) {
      if (value.items.empty()) error(value.mark, trf("`type` must not be an empty array"));
      for (const Node& item : value.items) names.push_back(&item);
    } else {
      names.push_back(&value);
    }
    for (const Node* name : names) {
      const std::string* text = string_of(*name);
      std::optional<ValueType> type;
      for (ValueType candidate :
           {ValueType::Null, ValueType::Boolean, ValueType::Integer, ValueType::Number,
            ValueType::String, ValueType::Array, ValueType::Object})
        if (text && *text == to_string(candidate)) type = candidate;
      if (!type) {
        error(name->mark, trf("unknown type {}", describe_found(*name)),
              trf("a type is one of null, boolean, integer, number, string, array, object"));
        continue;
      }
      if (s.types & type_bit(*type)) continue;
      s.types |= type_bit(*type);
      if (!s.type_text.empty()) s.type_text += trf(" or ");
      s.type_text += with_article(*type);
    }
  }

  void compile_pattern(const Node& value, SchemaNode& s) {
    const std::string* text = string_of(value);
    if (!text) {
      error(value.mark, trf("`pattern` must be a string, found {}", describe_found(value)));
      return;
    }
    // std::regex matches bytes: a class or repetition of a Han character would silently misbehave.
    bool ascii = true;
    for (std::size_t i = 0; i < text->size(); ++i) {
      const auto byte = static_cast<unsigned char>((*text)[i]);
      if (byte >= 0x80) ascii = false;
      if (byte == '\\' && i + 1 < text->size()) {
        if ((*text)[i + 1] == 'u') ascii = false;
        ++i;
      }
    }
    if (!ascii) {
      error(value.mark,
            trf("pattern {} uses non-ASCII characters, which ccnt cannot match", shorten(*text)),
            trf("patterns are matched byte by byte; use enum or plain ASCII classes instead"));
      return;
    }
    try {
      s.pattern.emplace(*text, std::regex::ECMAScript);
      s.pattern_text = *text;
    } catch (const std::regex_error& e) {
      error(value.mark, trf("invalid pattern {}: {}", shorten(*text), e.what()));
    }
  }

  void compile_ref(const Node& value, SchemaNode& s) {
    const std::string* text = string_of(value);
    if (!text) {
      error(value.mark, trf("`$ref` must be a string, found {}", describe_found(value)));
      return;
    }
    constexpr std::string_view prefix = "#/definitions/";
    std::string_view rest = *text;
    if (rest.substr(0, prefix.size()) != prefix || rest.size() == prefix.size() ||
        rest.find('/', prefix.size()) != std::string_view::npos) {
      error(value.mark, trf("unsupported $ref `{}`", shorten(*text)),
            trf("ccnt resolves only local references of the form #/definitions/NAME"));
      return;
    }
    // Unescapes the JSON pointer token (~1 is '/', ~0 is '~').
    std::string name;
    rest.remove_prefix(prefix.size());
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == '~' && i + 1 < rest.size() && (rest[i + 1] == '0' || rest[i + 1] == '1')) {
        name += rest[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        name += rest[i];
      }
    }
    const auto found = definitions_.find(name);
    if (found == definitions_.end()) {
      std::vector<std::string> names;
      for (const auto& [known, slot] : definitions_) names.push_back(known);
      std::sort(names.begin(), names.end());
      const std::string close = suggest(name, names);
      error(value.mark, trf("$ref `{}` names no entry of `definitions`", shorten(*text)),
            close.empty() ? std::string() : trf("did you mean `#/definitions/{}`?", close));
      return;
    }
    s.ref = found->second;
    s.ref_text = *text;
  }

  // Compiles one schema (an object or a boolean); sub-schemas go to new slots.
  SchemaNode build(const Node& schema, bool is_root) {
    SchemaNode s;
    s.mark = schema.mark;
    if (schema.type() == ValueType::Boolean) {
      s.reject_all = !schema.as_bool().value_or(true);
      return s;
    }
    if (!schema.is_map()) {
      error(schema.mark,
            trf("a schema must be an object or a boolean, found {}", to_string(schema.type())));
      return s;
    }
    const MapEntry* first_constraint = nullptr;  // for keywords beside $ref
    for (const MapEntry& entry : schema.entries) {
      const std::string& key = entry.key;
      const Node& value = entry.value;
      if (!is_annotation(key) && key != "$ref" && !first_constraint) first_constraint = &entry;
      if (key == "$schema") {
        const std::string* uri = string_of(value);
        if (!uri || !is_draft07(*uri))
          error(value.mark,
                trf("ccnt supports JSON Schema draft-07 only, found $schema {}",
                    describe_found(value)),
                trf("write \"$schema\": \"http://json-schema.org/draft-07/schema#\""));
      } else if (key == "examples") {
        // An annotation; its texts make the hint of a value that does not match `pattern`.
        if (value.is_sequence())
          for (const Node& example : value.items)
            if (const std::string* text = string_of(example))
              s.examples_text += (s.examples_text.empty() ? "" : ", ") + *text;
      } else if (is_annotation(key) && key != "definitions") {
        // Annotations do not constrain anything.
      } else if (key == "definitions") {
        if (!is_root)
          error(entry.key_mark,
                trf("`definitions` is supported only at the top level of the schema"),
                trf("move the definition to the top-level `definitions`"));
      } else if (key == "type") {
        compile_type(value, s);
      } else if (key == "properties") {
        if (!value.is_map()) {
          error(value.mark, trf("`properties` must be an object of schemas"));
          continue;
        }
        for (const MapEntry& property : value.entries) {
          const int index = add(property.value);
          s.properties.push_back({property.key, index});
          s.property_names.push_back(property.key);
        }
        std::sort(s.properties.begin(), s.properties.end(),
                  [](const Property& a, const Property& b) { return a.name < b.name; });
      } else if (key == "required") {
        if (!value.is_sequence()) {
          error(value.mark, trf("`required` must be an array of field names"));
          continue;
        }
        for (const Node& item : value.items) {
          if (const std::string* name = string_of(item))
            s.required.push_back(*name);
          else
            error(item.mark,
                  trf("a required field name must be a string, found {}", describe_found(item)));
        }
      } else if (key == "additionalProperties") {
        s.additional = add(value);
      } else if (key == "enum") {
        if (!value.is_sequence() || value.items.empty()) {
          error(value.mark, trf("`enum` must be a non-empty array"));
          continue;
        }
        s.has_enum = true;
        for (const Node& item : value.items) {
          s.enum_values.push_back(literal(item));
          if (!s.enum_text.empty()) s.enum_text += ", ";
          s.enum_text += render(item);
        }
      } else if (key == "const") {
        s.const_value = literal(value);
        s.const_text = render(value);
      } else if (key == "pattern") {
        compile_pattern(value, s);
      } else if (key == "minLength") {
        s.min_length = size_value(entry);
      } else if (key == "maxLength") {
        s.max_length = size_value(entry);
      } else if (key == "minItems") {
        s.min_items = size_value(entry);
      } else if (key == "maxItems") {
        s.max_items = size_value(entry);
      } else if (key == "uniqueItems") {
        if (value.type() == ValueType::Boolean)
          s.unique_items = value.as_bool().value_or(false);
        else
          error(value.mark,
                trf("`uniqueItems` must be true or false, found {}", describe_found(value)));
      } else if (key == "minimum") {
        s.minimum = bound_value(entry);
      } else if (key == "maximum") {
        s.maximum = bound_value(entry);
      } else if (key == "exclusiveMinimum") {
        s.exclusive_minimum = bound_value(entry);
      } else if (key == "exclusiveMaximum") {
        s.exclusive_maximum = bound_value(entry);
      } else if (key == "items") {
        if (value.is_sequence())
          error(value.mark, trf("`items` as an array (one schema per position) is not supported"),
                trf("give one schema that every item must match"));
        else
          s.items = add(value);
      } else if (key == "$ref") {
        compile_ref(value, s);
      } else if (key == "allOf") {
        s.all_of = schema_list(entry);
      } else if (key == "anyOf") {
        s.any_of = schema_list(entry);
      } else if (key == "oneOf") {
        s.one_of = schema_list(entry);
      } else if (key == "if") {
        s.if_ = add(value);
      } else if (key == "then") {
        s.then_ = add(value);
      } else if (key == "else") {
        s.else_ = add(value);
      } else {
        error(entry.key_mark, trf("unsupported keyword `{}`", shorten(key)),
              trf("ccnt supports these draft-07 keywords: {}", kSupportedKeywords));
      }
    }
    if (schema.find("$ref") && first_constraint)
      error(first_constraint->key_mark,
            trf("`{}` beside `$ref` would be ignored (draft-07)", first_constraint->key),
            trf("move it into the referenced definition, or combine both with allOf"));
    return s;
  }

  // Reports $ref chains that come back to a schema without descending into the document
  // (through $ref, allOf, anyOf, oneOf, if, then, else only), which would make validation loop
  // forever.
  void find_ref_cycles() {
    enum class Color : std::uint8_t { White, Gray, Black };
    std::vector<Color> color(nodes_.size(), Color::White);
    auto edges = [this](int index) {
      const SchemaNode& s = nodes_[index];
      std::vector<int> out;
      if (s.ref >= 0) out.push_back(s.ref);
      for (const auto* list : {&s.all_of, &s.any_of, &s.one_of})
        out.insert(out.end(), list->begin(), list->end());
      for (const int branch : {s.if_, s.then_, s.else_})
        if (branch >= 0) out.push_back(branch);
      return out;
    };
    struct Frame {
      int node;
      std::vector<int> next;
      std::size_t position = 0;
    };
    for (int start = 0; start < static_cast<int>(nodes_.size()); ++start) {
      if (color[start] != Color::White) continue;
      std::vector<Frame> stack;
      stack.push_back({start, edges(start)});
      color[start] = Color::Gray;
      while (!stack.empty()) {
        Frame& frame = stack.back();
        if (frame.position == frame.next.size()) {
          color[frame.node] = Color::Black;
          stack.pop_back();
          continue;
        }
        const int target = frame.next[frame.position++];
        if (color[target] == Color::Gray) {
          const SchemaNode& from = nodes_[frame.node];
          error(from.mark,
                from.ref_text.empty()
                    ? trf("this schema refers back to itself without descending into the "
                          "document, so validation would never end")
                    : trf("$ref `{}` leads back here without descending into the "
                          "document, so validation would never end",
                          from.ref_text),
                trf("a recursive $ref must sit under properties, additionalProperties or items"));
          color[target] = Color::Black;  // one report per cycle
        } else if (color[target] == Color::White) {
          color[target] = Color::Gray;
          stack.push_back({target, edges(target)});
        }
      }
    }
  }

  const std::string& schema_path_;
  Diagnostics& diagnostics_;
  std::vector<SchemaNode> nodes_;
  std::unordered_map<std::string, int> definitions_;  // name → slot
  bool failed_ = false;
};

// One step of the location of a value: a key of a map or an index in a list.
struct Segment {
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;
};

// Walks a document along the compiled schema; one instance per validate() call.
class Validator {
 public:
  // `findings` (when not null) gets the top-level fields found wrong in `reported`, the
  // diagnostics of the run (not the scratch ones of alternatives).
  Validator(const std::vector<SchemaNode>& nodes, const std::string& file,
            SchemaFindings* findings = nullptr, const Diagnostics* reported = nullptr)
      : nodes_(nodes), file_(file), findings_(findings), reported_(reported) {
    path_.reserve(32);
  }

  // Errors of the run that belong to a top-level field or an unknown one; the others
  // concern the document as a whole.
  std::size_t attributed_errors() const { return attributed_; }

  void check(int index, const Node& node, Diagnostics& out) {
    const SchemaNode& s = nodes_[resolve(index)];
    if (s.reject_all) {
      out.error("E022", file_, node.mark, trf("{} is not allowed here", subject()));
      return;
    }
    const ValueType type = node.type();
    if (!accepts_type(s.types, type)) {
      report_type(s, node, type, out);
      return;  // the other keywords would only repeat the problem
    }
    if (s.has_enum || s.const_value) check_literals(s, node, type, out);
    switch (type) {
      case ValueType::String:
        check_string(s, node, out);
        break;
      case ValueType::Integer:
      case ValueType::Number:
        check_number(s, node, out);
        break;
      case ValueType::Array:
        check_array(s, node, out);
        break;
      case ValueType::Object:
        check_object(s, node, out);
        break;
      case ValueType::Null:
      case ValueType::Boolean:
        break;
    }
    for (int sub : s.all_of) check(sub, node, out);
    if (!s.any_of.empty()) check_alternatives(s.any_of, false, node, out);
    if (!s.one_of.empty()) check_alternatives(s.one_of, true, node, out);
    if (s.if_ >= 0) check_condition(s, node, out);
  }

 private:
  // Follows $ref links; compile() guarantees that they end.
  int resolve(int index) const {
    while (nodes_[index].ref >= 0) index = nodes_[index].ref;
    return index;
  }

  // The location of the current value: targets[0].value, "" for the root.
  std::string location(std::string_view last_key = {}) const {
    std::string out;
    for (const Segment& segment : path_) {
      if (segment.is_index) {
        out += fmt::format("[{}]", segment.index);
      } else {
        if (!out.empty()) out += '.';
        out += segment.key;
      }
    }
    if (!last_key.empty()) {
      if (!out.empty()) out += '.';
      out += last_key;
    }
    return out;
  }

  // The current value as the subject of a message: `targets[0].value`, or "the document".
  std::string subject() const {
    return path_.empty() ? trf("the document") : fmt::format("`{}`", location());
  }

  void report_type(const SchemaNode& s, const Node& node, ValueType type, Diagnostics& out) {
    std::string hint;
    const bool last_is_key = !path_.empty() && !path_.back().is_index;
    const std::string prefix = last_is_key ? fmt::format("{}: ", path_.back().key) : "- ";
    if (node.is_scalar() && !node.scalar.empty()) {
      if (node.plain && (s.types & type_bit(ValueType::String))) {
        hint = trf("quote it: {}\"{}\"", path_.empty() ? "" : prefix, shorten(node.scalar));
      } else if (!node.plain) {
        Node unquoted = node;
        unquoted.plain = true;
        if (unquoted.type() != ValueType::String && accepts_type(s.types, unquoted.type()))
          hint = trf("remove the quotes: {}{}", path_.empty() ? "" : prefix, shorten(node.scalar));
      }
    }
    out.error("E020", file_, node.mark,
              trf("{} must be {}, found {}", subject(), s.type_text, to_string(type)),
              std::move(hint));
  }

  void check_literals(const SchemaNode& s, const Node& node, ValueType type, Diagnostics& out) {
    const double number = is_numeric(type)
                              ? node.as_number().value_or(std::numeric_limits<double>::quiet_NaN())
                              : std::numeric_limits<double>::quiet_NaN();
    if (s.has_enum) {
      bool found = false;
      for (const Literal& literal : s.enum_values)
        if (equals_literal(literal, node, type, number)) {
          found = true;
          break;
        }
      if (!found) {
        std::string hint;
        if (type == ValueType::String) {
          std::vector<std::string> names;
          for (const Literal& literal : s.enum_values)
            if (literal.type == ValueType::String) names.push_back(literal.value.scalar);
          if (const std::string close = suggest(node.scalar, names); !close.empty())
            hint = trf("did you mean `{}`?", close);
        }
        out.error(
            "E023", file_, node.mark,
            trf("{} must be one of {}; found {}", subject(), s.enum_text, describe_found(node)),
            std::move(hint));
      }
    }
    if (s.const_value && !equals_literal(*s.const_value, node, type, number))
      out.error("E023", file_, node.mark,
                trf("{} must be {}; found {}", subject(), s.const_text, describe_found(node)));
  }

  void check_string(const SchemaNode& s, const Node& node, Diagnostics& out) {
    if (s.min_length || s.max_length) {
      const std::size_t length = code_point_count(node.scalar);
      if (s.min_length && length < *s.min_length)
        out.error("E025", file_, node.mark,
                  length == 0 ? trf("{} is empty, at least {} required", subject(),
                                    characters(*s.min_length))
                              : trf("{} is {} long, at least {} required", subject(),
                                    characters(length), *s.min_length));
      if (s.max_length && length > *s.max_length)
        out.error(
            "E025", file_, node.mark,
            trf("{} is {} long, at most {} allowed", subject(), characters(length), *s.max_length));
    }
    if (s.pattern) {
      if (node.scalar.size() > kMaxPatternBytes) {
        out.error("E024", file_, node.mark,
                  trf("{} is too long to check against the pattern {} ({} bytes, at most "
                      "{})",
                      subject(), s.pattern_text, node.scalar.size(), kMaxPatternBytes));
        return;
      }
      bool matched = false;
      try {
        matched = std::regex_search(node.scalar.begin(), node.scalar.end(), *s.pattern);
      } catch (const std::regex_error&) {
        matched = false;  // too complex to match: reported like a mismatch
      }
      if (!matched)
        out.error("E024", file_, node.mark,
                  trf("{} does not match the pattern {}", subject(), s.pattern_text),
                  s.examples_text.empty()
                      ? std::string()
                      : trf("write it in the form of the examples: {}", s.examples_text));
    }
  }

  void check_number(const SchemaNode& s, const Node& node, Diagnostics& out) {
    const double value = node.as_number().value_or(std::numeric_limits<double>::quiet_NaN());
    if (!std::isfinite(value)) {
      // .nan, .inf and numbers beyond a double (1e400) would be judged, summed and shown as null.
      out.error("E028", file_, node.mark,
                trf("{} is not a finite number: {}", subject(), shorten(node.scalar)),
                trf("write the number in digits; .nan, .inf and numbers beyond 1.7e308 are "
                    "not values"));
      return;
    }
    if (!s.minimum && !s.maximum && !s.exclusive_minimum && !s.exclusive_maximum) return;
    auto fail = [&](const std::string& relation, const Bound& bound) {
      out.error(
          "E026", file_, node.mark,
          trf("{} must be {} {}, found {}", subject(), relation, bound.text, shorten(node.scalar)));
    };
    if (s.minimum && value < s.minimum->value) fail(trf("at least"), *s.minimum);
    if (s.exclusive_minimum && value <= s.exclusive_minimum->value)
      fail(trf("greater than"), *s.exclusive_minimum);
    if (s.maximum && value > s.maximum->value) fail(trf("at most"), *s.maximum);
    if (s.exclusive_maximum && value >= s.exclusive_maximum->value)
      fail(trf("less than"), *s.exclusive_maximum);
  }

  void check_array(const SchemaNode& s, const Node& node, Diagnostics& out) {
    const std::size_t count = node.items.size();
    if (s.min_items && count < *s.min_items)
      out.error("E025", file_, node.mark,
                trf("{} has {}, at least {} required", subject(), items(count), *s.min_items));
    if (s.max_items && count > *s.max_items)
      out.error("E025", file_, node.mark,
                trf("{} has {}, at most {} allowed", subject(), items(count), *s.max_items));
    if (s.unique_items && count > 1) check_unique(node, out);
    if (s.items >= 0) {
      for (std::size_t i = 0; i < count; ++i) {
        path_.push_back({{}, i, true});
        check(s.items, node.items[i], out);
        path_.pop_back();
      }
    }
  }

  void check_unique(const Node& node, Diagnostics& out) {
    std::unordered_map<std::string, std::size_t> seen;  // value key → first index
    seen.reserve(node.items.size());
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const Node& item = node.items[i];
      std::optional<std::size_t> first;
      if (auto [it, inserted] = seen.emplace(value_key(item, item.type()), i); !inserted)
        first = it->second;
      if (!first) continue;
      const std::string where = location();
      const bool scalar = item.is_scalar();
      out.error("E025", file_, item.mark,
                scalar ? trf("{} has a duplicate item `{}`", subject(), shorten(item.scalar))
                       : trf("{} has a duplicate item", subject()),
                trf("{}[{}] repeats {}[{}]; remove one of them", where, i, where, *first));
    }
  }

  void check_object(const SchemaNode& s, const Node& node, Diagnostics& out) {
    const bool top = findings_ && path_.empty() && &out == reported_;
    for (const std::string& name : s.required)
      if (!node.find(name)) {
        out.error("E021", file_, node.mark, trf("missing required field `{}`", location(name)));
        if (top) note_broken(name, 1);
      }
    for (const MapEntry& entry : node.entries) {
      const auto found = std::lower_bound(
          s.properties.begin(), s.properties.end(), entry.key,
          [](const Property& property, const std::string& key) { return property.name < key; });
      int sub = -1;
      bool known = false;
      if (found != s.properties.end() && found->name == entry.key) {
        sub = found->schema;
        known = true;
      } else {
        sub = s.additional;
      }
      if (sub < 0) continue;
      if (nodes_[resolve(sub)].reject_all) {
        if (known) {
          out.error("E022", file_, entry.key_mark,
                    trf("field `{}` is not allowed", location(entry.key)));
        } else {
          // A whole `key:value` line read as a key says how to write it; else the closest name.
          const std::optional<std::string> slip = key_slip_hint(entry.key);
          const std::string close = slip ? *slip : suggest(entry.key, s.property_names, &node);
          out.error("E022", file_, entry.key_mark, trf("unknown field `{}`", location(entry.key)),
                    slip || close.empty() ? close : trf("did you mean `{}`?", close));
        }
        if (top) attributed_ += 1;  // a field the checks never read
        continue;
      }
      const std::size_t before = out.error_count();
      path_.push_back({entry.key, 0, false});
      check(sub, entry.value, out);
      path_.pop_back();
      if (top && out.error_count() != before) note_broken(entry.key, out.error_count() - before);
    }
  }

  // if/then/else: `if` only decides which branch applies; its own failures are not reported.
  void check_condition(const SchemaNode& s, const Node& node, Diagnostics& out) {
    Diagnostics scratch;
    check(s.if_, node, scratch);
    const int branch = scratch.error_count() == 0 ? s.then_ : s.else_;
    if (branch >= 0) check(branch, node, out);
  }

  // anyOf (exactly_one false) or oneOf (exactly_one true), each alternative tried on its own.
  void check_alternatives(const std::vector<int>& alternatives, bool exactly_one, const Node& node,
                          Diagnostics& out) {
    std::vector<std::size_t> matched;
    std::size_t fewest = std::numeric_limits<std::size_t>::max();
    std::string closest;
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      Diagnostics scratch;
      check(alternatives[i], node, scratch);
      if (scratch.error_count() == 0) {
        matched.push_back(i);
        if (!exactly_one || matched.size() == 2) break;
      } else if (scratch.error_count() < fewest) {
        fewest = scratch.error_count();
        closest = scratch.all().front().message;
      }
    }
    if (matched.empty())
      out.error("E027", file_, node.mark, trf("{} matches none of the allowed forms", subject()),
                closest.empty() ? std::string() : trf("closest form: {}", closest));
    else if (exactly_one && matched.size() > 1)
      out.error("E027", file_, node.mark,
                trf("{} matches more than one of the allowed forms ({} and {}), exactly "
                    "one is allowed",
                    subject(), matched[0] + 1, matched[1] + 1));
  }

  // "1 character", "5 characters": a count with its noun, in the current language.
  static std::string characters(std::size_t n) {
    return n == 1 ? trf("1 character") : trf("{} characters", n);
  }
  static std::string items(std::size_t n) {
    return n == 0 ? trf("no items") : n == 1 ? trf("1 item") : trf("{} items", n);
  }

  void note_broken(std::string_view field, std::size_t errors) {
    findings_->broken_fields.emplace_back(field);
    attributed_ += errors;
  }

  const std::vector<SchemaNode>& nodes_;
  const std::string& file_;
  SchemaFindings* findings_;
  const Diagnostics* reported_;
  std::size_t attributed_ = 0;
  std::vector<Segment> path_;  // where the value being checked sits in the document
};

}  // namespace

struct JsonSchema::Compiled {
  std::vector<SchemaNode> nodes;  // nodes[0] is the root schema
};

std::optional<JsonSchema> JsonSchema::compile(const Node& schema, const std::string& schema_path,
                                              Diagnostics& diagnostics) {
  Compiler compiler(schema_path, diagnostics);
  auto nodes = compiler.run(schema);
  if (!nodes) return std::nullopt;
  auto compiled = std::make_shared<Compiled>();
  compiled->nodes = std::move(*nodes);
  return JsonSchema(std::move(compiled));
}

SchemaFindings JsonSchema::validate(const Node& document, const std::string& path,
                                    Diagnostics& diagnostics) const {
  SchemaFindings findings;
  if (!compiled_ || compiled_->nodes.empty()) return findings;
  const std::size_t before = diagnostics.error_count();
  Validator validator(compiled_->nodes, path, &findings, &diagnostics);
  validator.check(0, document, diagnostics);
  findings.document_broken = diagnostics.error_count() - before > validator.attributed_errors();
  return findings;
}

}  // namespace ccnt
