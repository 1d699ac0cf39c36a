#include "core/yaml/document.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace ccnt {
namespace {

bool is_null_text(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::optional<bool> bool_text(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

// Parses a YAML 1.2 core-schema integer: [-+]?[0-9]+, 0o[0-7]+ or 0x[0-9a-fA-F]+.
std::optional<double> integer_text(std::string_view s) {
  int base = 10;
  std::string_view digits = s;
  bool negative = false;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
    base = s[1] == 'x' ? 16 : 8;
    digits = s.substr(2);
  } else if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    digits = s.substr(1);
  }
  if (digits.empty()) return std::nullopt;
  long long value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (end != digits.data() + digits.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Still an integer, only too large for long long: keep its magnitude.
    double d = std::strtod(std::string(digits).c_str(), nullptr);
    return negative ? -d : d;
  }
  if (ec != std::errc()) return std::nullopt;
  return negative ? -static_cast<double>(value) : static_cast<double>(value);
}

// Parses a YAML 1.2 core-schema float, including .inf and .nan.
std::optional<double> float_text(std::string_view s) {
  std::string_view body = s;
  bool negative = false;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body = body.substr(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF")
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
  std::size_t i = 0;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++int_digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '-' || body[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  double value = std::strtod(std::string(body).c_str(), nullptr);
  return negative ? -value : value;
}

}  // namespace

std::string_view to_string(ValueType type) {
  switch (type) {
    case ValueType::Null:
      return "null";
    case ValueType::Boolean:
      return "boolean";
    case ValueType::Integer:
      return "integer";
    case ValueType::Number:
      return "number";
    case ValueType::String:
      return "string";
    case ValueType::Array:
      return "array";
    case ValueType::Object:
      return "object";
  }
  return "unknown";
}

ValueType Node::type() const {
  switch (kind) {
    case Kind::Null:
      return ValueType::Null;
    case Kind::Sequence:
      return ValueType::Array;
    case Kind::Map:
      return ValueType::Object;
    case Kind::Scalar:
      break;
  }
  if (!plain) return ValueType::String;
  if (is_null_text(scalar)) return ValueType::Null;
  if (bool_text(scalar)) return ValueType::Boolean;
  if (integer_text(scalar)) return ValueType::Integer;
  if (float_text(scalar)) return ValueType::Number;
  return ValueType::String;
}

const Node* Node::find(std::string_view key) const {
  for (const MapEntry& entry : entries)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

std::optional<double> Node::as_number() const {
  if (kind != Kind::Scalar || !plain) return std::nullopt;
  if (auto i = integer_text(scalar)) return i;
  return float_text(scalar);
}

std::optional<int> Node::as_int() const {
  const std::optional<double> number = as_number();
  if (!number || !std::isfinite(*number) || *number != std::trunc(*number) ||
      *number < std::numeric_limits<int>::min() || *number > std::numeric_limits<int>::max())
    return std::nullopt;
  return static_cast<int>(*number);
}

std::string scalar_at(const Node& map, std::string_view key) {
  const Node* value = map.find(key);
  return value && value->is_scalar() ? value->scalar : std::string();
}

std::vector<std::string> scalars_at(const Node& map, std::string_view key) {
  std::vector<std::string> out;
  if (const Node* value = map.find(key); value && value->is_sequence())
    for (const Node& item : value->items)
      if (item.is_scalar()) out.push_back(item.scalar);
  return out;
}

std::optional<bool> Node::as_bool() const {
  if (kind != Kind::Scalar || !plain) return std::nullopt;
  return bool_text(scalar);
}

}  // namespace ccnt
