// A parsed YAML document: ccnt's own tree, in which every key and value
// carries its source position so that every diagnostic can point at it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/mark.hpp"

namespace ccnt {

// The JSON type a YAML node resolves to under the YAML 1.2 core schema:
// plain scalars may be null, booleans or numbers; quoted scalars are strings.
enum class ValueType { Null, Boolean, Integer, Number, String, Array, Object };

// Name of a ValueType as JSON Schema spells it ("integer", "object", ...).
std::string_view to_string(ValueType type);

struct MapEntry;

// One node of the tree. Scalars keep their text and whether they were quoted.
struct Node {
  enum class Kind { Null, Scalar, Sequence, Map };

  Kind kind = Kind::Null;
  Mark mark;
  std::string scalar;             // Kind::Scalar: the text after unescaping
  bool plain = true;              // Kind::Scalar: written without quotes
  std::vector<Node> items;        // Kind::Sequence
  std::vector<MapEntry> entries;  // Kind::Map, in source order

  bool is_map() const { return kind == Kind::Map; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_scalar() const { return kind == Kind::Scalar; }

  // The resolved JSON type of this node (a plain "12" is Integer).
  ValueType type() const;
  // The value of a key in a map, or nullptr.
  const Node* find(std::string_view key) const;
  // The scalar as a number, when type() is Integer or Number.
  std::optional<double> as_number() const;
  // The scalar as an int, when it is a whole number that an int holds (not NaN, an infinity
  // or 1e400), so that a caller never converts an unrepresentable double.
  std::optional<int> as_int() const;
  // The scalar as a boolean, when type() is Boolean.
  std::optional<bool> as_bool() const;
};

// A key of a map with the key's own position and its value.
struct MapEntry {
  std::string key;
  Mark key_mark;
  Node value;
};

// The text of a scalar value under `key` in a map, or "" when absent or not a scalar.
std::string scalar_at(const Node& map, std::string_view key);

// The scalar items of a sequence under `key` in a map; other items are skipped.
std::vector<std::string> scalars_at(const Node& map, std::string_view key);

}  // namespace ccnt
