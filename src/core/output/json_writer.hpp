// Minimal JSON output: escaping and a streaming writer with stable field order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ccnt {

// Appends `text` as a JSON string literal (quotes included); UTF-8 is kept as is.
void append_json_string(std::string& out, std::string_view text);

// Writes one JSON value at a time; commas and nesting are handled for the caller.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, bool pretty = false) : out_(out), pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(std::size_t number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // A value that is JSON already (written by another writer), inserted as it is.
  JsonWriter& raw(std::string_view json);
  JsonWriter& strings(const std::vector<std::string>& items);

 private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();

  std::string& out_;
  bool pretty_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace ccnt
