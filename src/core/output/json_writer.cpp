#include "core/output/json_writer.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/util/hidden_chars.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      // Multi-byte: kept when well-formed and visible; U+FFFD for bytes that are not UTF-8;
      // else a \u escape.
      const DecodedChar decoded = decode_utf8_at(text, i);
      if (!decoded.valid)
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      else if (hidden_kind(decoded.cp) == HiddenKind::None)
        out.append(text, i, decoded.length);
      else
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(decoded.cp));
      i += decoded.length;
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '[':
        // `##[` anywhere in a CI log line is a (legacy) workflow command on GitHub's runner.
        if (i >= 3 && text[i - 2] == '#' && text[i - 3] == '#')
          out += "\\u005b";
        else
          out += c;
        break;
      default:
        if (byte < 0x20 || byte == 0x7F)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(byte));
        else
          out += c;
    }
  }
  out += '"';
}

void JsonWriter::newline() {
  if (!pretty_) return;
  out_ += '\n';
  out_.append(first_.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_ += ',';
  first_.back() = false;
  newline();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) newline();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  return close('}');
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  return close(']');
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    out_ += "null";
  } else if (number == std::floor(number) && std::fabs(number) < 1e15) {
    out_ += fmt::format("{}", static_cast<long long>(number));
  } else {
    out_ += fmt::format("{}", number);
  }
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  before_value();
  out_ += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) {
  begin_array();
  for (const std::string& item : items) value(item);
  return end_array();
}

}  // namespace ccnt
