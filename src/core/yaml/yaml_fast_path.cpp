#include "core/yaml/yaml_fast_path.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace ccnt {
namespace {

// One line that holds something (not blank, not only a comment).
struct Line {
  int number = 0;            // 1-based
  std::size_t start = 0;     // byte offset of the line in the text
  std::size_t indent = 0;    // leading spaces
  std::string_view content;  // after the indentation, without trailing spaces
};

bool is_key_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_key_char(char c) {
  return is_key_start(c) || c == '-';
}

// Plain words yaml-cpp reads as null rather than as text.
bool is_null_word(std::string_view word) {
  return word == "~" || word == "null" || word == "Null" || word == "NULL";
}

// Thrown inside the reader to decline the input; never leaves parse_yaml_fast_path.
struct Decline {};

class FastReader {
 public:
  FastReader(std::string_view text, const YamlLimits& limits) : text_(text), limits_(limits) {}

  Node read() {
    split_lines();
    if (lines_.empty() || lines_[0].indent != 0) throw Decline{};
    Node root = map(0, 0);
    if (at_ != lines_.size()) throw Decline{};
    return root;
  }

 private:
  void split_lines() {
    if (text_.find('\t') != std::string_view::npos || text_.find('\r') != std::string_view::npos)
      throw Decline{};
    int number = 0;
    for (std::size_t start = 0; start <= text_.size();) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      ++number;
      std::string_view line = text_.substr(start, end - start);
      std::size_t indent = 0;
      while (indent < line.size() && line[indent] == ' ') ++indent;
      std::string_view content = line.substr(indent);
      while (!content.empty() && content.back() == ' ') content.remove_suffix(1);
      if (!content.empty() && content[0] != '#') lines_.push_back({number, start, indent, content});
      if (end == text_.size()) break;
      start = end + 1;
    }
  }

  Mark mark_at(const Line& line, std::size_t column_in_content) const {
    // Everything before a node on its line is ASCII (spaces, keys, "- "), so bytes are columns.
    return {line.number, static_cast<int>(line.indent + column_in_content) + 1};
  }

  void count_node() {
    if (++nodes_ > limits_.max_nodes) throw Decline{};
  }

  struct Depth {
    explicit Depth(FastReader& reader) : reader_(reader) {
      if (++reader_.depth_ > reader_.limits_.max_depth) throw Decline{};
    }
    ~Depth() { --reader_.depth_; }
    FastReader& reader_;
  };

  // The key of a mapping entry, or 0 when the content does not start with `key:`.
  static std::size_t key_length(std::string_view content) {
    if (content.empty() || !is_key_start(content[0])) return 0;
    std::size_t i = 1;
    while (i < content.size() && is_key_char(content[i])) ++i;
    if (i >= content.size() || content[i] != ':') return 0;
    if (i + 1 < content.size() && content[i + 1] != ' ') return 0;
    return i;
  }

  static bool is_item(std::string_view content) {
    return content.size() >= 2 && content[0] == '-' && content[1] == ' ';
  }

  // A scalar written on one line from `offset` of the line's content to its end.
  Node scalar(const Line& line, std::size_t offset) {
    std::string_view rest = line.content.substr(offset);
    Node node;
    node.kind = Node::Kind::Scalar;
    node.mark = mark_at(line, offset);
    if (rest.empty()) throw Decline{};
    const char first = rest[0];
    std::size_t after = 0;  // bytes of `rest` the quoted scalar takes
    if (first == '"') {
      const std::size_t close = rest.find('"', 1);
      if (close == std::string_view::npos) throw Decline{};
      const std::string_view inner = rest.substr(1, close - 1);
      if (inner.find('\\') != std::string_view::npos) throw Decline{};
      node.scalar.assign(inner);
      after = close + 1;
      node.plain = false;
    } else if (first == '\'') {
      std::size_t i = 1;
      for (;; ++i) {
        if (i >= rest.size()) throw Decline{};
        if (rest[i] != '\'') {
          node.scalar += rest[i];
        } else if (i + 1 < rest.size() && rest[i + 1] == '\'') {
          node.scalar += '\'';
          ++i;
        } else {
          break;
        }
      }
      after = i + 1;
      node.plain = false;
    } else {
      if (std::string_view("-?:,[]{}#&*!|>%@`").find(first) != std::string_view::npos)
        throw Decline{};
      std::string_view value = rest;
      if (const auto comment = value.find(" #"); comment != std::string_view::npos)
        value = value.substr(0, comment);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      if (value.find(": ") != std::string_view::npos || value.back() == ':' || is_null_word(value))
        throw Decline{};
      node.scalar.assign(value);
    }
    if (after != 0) {  // after a quoted scalar: nothing, or spaces and a comment
      std::string_view tail = rest.substr(after);
      const std::size_t spaces = tail.find_first_not_of(' ');
      if (spaces != std::string_view::npos && !(spaces > 0 && tail[spaces] == '#')) throw Decline{};
    }
    if (node.scalar.size() > limits_.max_scalar_bytes) throw Decline{};
    count_node();
    return node;
  }

  // The value after `key:` when nothing follows the colon on the line: a nested block.
  Node nested(std::size_t key_indent) {
    if (at_ >= lines_.size()) throw Decline{};  // an empty value: yaml-cpp's null
    const Line& next = lines_[at_];
    if (next.indent > key_indent) {
      if (is_item(next.content)) return sequence(next.indent);
      if (key_length(next.content) > 0) return map(next.indent, 0);
      throw Decline{};
    }
    if (next.indent == key_indent && is_item(next.content)) return sequence(key_indent);
    throw Decline{};
  }

  // A block mapping whose keys stand at `indent`; the first one may start `offset` bytes into
  // the current line's content (after "- " in a sequence item).
  Node map(std::size_t indent, std::size_t offset) {
    Depth depth(*this);
    count_node();
    Node node;
    node.kind = Node::Kind::Map;
    node.mark = mark_at(lines_[at_], offset);
    while (at_ < lines_.size()) {
      const Line& line = lines_[at_];
      const bool first = node.entries.empty();
      const std::size_t skip = first ? offset : 0;
      if (!first && line.indent != indent) break;
      const std::string_view content = line.content.substr(skip);
      const std::size_t key = key_length(content);
      if (key == 0) {
        if (first) throw Decline{};
        break;
      }
      if (key > limits_.max_scalar_bytes || is_null_word(content.substr(0, key))) throw Decline{};
      MapEntry entry;
      entry.key.assign(content.substr(0, key));
      entry.key_mark = mark_at(line, skip);
      count_node();
      for (const MapEntry& other : node.entries)
        if (other.key == entry.key) throw Decline{};  // E008 is worded by the full reader
      ++at_;
      std::size_t value_at = skip + key + 1;
      while (value_at < line.content.size() && line.content[value_at] == ' ') ++value_at;
      if (value_at >= line.content.size()) {
        entry.value = nested(indent);
      } else {
        if (line.content[value_at] == '#') throw Decline{};
        entry.value = scalar(line, value_at);
        if (at_ < lines_.size() && lines_[at_].indent > indent) throw Decline{};
      }
      node.entries.push_back(std::move(entry));
    }
    return node;
  }

  // A block sequence whose dashes stand at `indent`.
  Node sequence(std::size_t indent) {
    Depth depth(*this);
    count_node();
    Node node;
    node.kind = Node::Kind::Sequence;
    node.mark = mark_at(lines_[at_], 0);
    while (at_ < lines_.size() && lines_[at_].indent == indent && is_item(lines_[at_].content)) {
      const Line& line = lines_[at_];
      std::size_t item_at = 2;
      while (item_at < line.content.size() && line.content[item_at] == ' ') ++item_at;
      const std::string_view item = line.content.substr(item_at);
      if (item.empty() || item[0] == '#' || is_item(item) || item == "-") throw Decline{};
      if (key_length(item) > 0) {
        node.items.push_back(map(indent + item_at, item_at));
      } else {
        ++at_;
        node.items.push_back(scalar(line, item_at));
        if (at_ < lines_.size() && lines_[at_].indent > indent) throw Decline{};
      }
    }
    return node;
  }

  std::string_view text_;
  const YamlLimits& limits_;
  std::vector<Line> lines_;
  std::size_t at_ = 0;
  std::size_t nodes_ = 0;
  std::size_t depth_ = 0;
};

// Sequences yaml-cpp may read differently from the YAML 1.2 line model above: a BOM inside the
// text, and the Unicode line and paragraph separators.
bool has_unusual_breaks(std::string_view text) {
  return text.find("\xEF\xBB\xBF") != std::string_view::npos ||
         text.find("\xE2\x80\xA8") != std::string_view::npos ||
         text.find("\xE2\x80\xA9") != std::string_view::npos;
}

}  // namespace

std::optional<Node> parse_yaml_fast_path(std::string_view text, const YamlLimits& limits) {
  if (has_unusual_breaks(text)) return std::nullopt;
  try {
    return FastReader(text, limits).read();
  } catch (const Decline&) {
    return std::nullopt;
  }
}

}  // namespace ccnt
