#include "core/yaml/yaml_reader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <unordered_set>

#include "core/diag/message_catalog.hpp"
#include "core/util/utf8.hpp"
#include "core/yaml/yaml_fast_path.hpp"
#include "core/yaml/yaml_slips.hpp"

namespace ccnt {
namespace {

// Converts yaml-cpp's 0-based byte columns to 1-based code-point columns.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }

  Mark to_mark(const YAML::Mark& mark) const {
    if (mark.line < 0 || mark.column < 0) return {};
    const auto line = static_cast<std::size_t>(mark.line);
    if (line >= starts_.size()) return {mark.line + 1, mark.column + 1};
    const std::size_t start = starts_[line];
    const std::size_t length = std::min<std::size_t>(mark.column, text_.size() - start);
    // Marks come mostly in order: characters are counted on from the previous mark of the same
    // line, not from the line's start, so that the 99,000 items of a one-line flow list are not
    // each counted over from the beginning (which took seconds).
    if (line != cursor_line_ || length < cursor_bytes_) {
      cursor_line_ = line;
      cursor_bytes_ = 0;
      cursor_points_ = 0;
    }
    cursor_points_ += code_point_count(text_.substr(start + cursor_bytes_, length - cursor_bytes_));
    cursor_bytes_ = length;
    return {mark.line + 1, static_cast<int>(cursor_points_) + 1};
  }

  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  mutable std::size_t cursor_line_ = static_cast<std::size_t>(-1);  // the previous mark's line
  mutable std::size_t cursor_bytes_ = 0;                            // its byte column
  mutable std::size_t cursor_points_ = 0;                           // the characters before it
};

// Thrown by the builder to stop yaml-cpp after a fatal problem; never leaves parse_yaml.
struct StopParsing {};

// Builds a Node tree from yaml-cpp's events, reporting what policy files must not contain.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& path, Diagnostics& diagnostics, const YamlLimits& limits,
              const LineIndex& lines)
      : path_(path), diagnostics_(diagnostics), limits_(limits), lines_(lines) {}

  std::optional<Node> take_root() { return std::move(root_); }

  // Reports anchors and aliases once each, at the first one, with how many there are.
  void report_shared_values() {
    anchors_.report(diagnostics_, path_, trf("anchors (&name) are not allowed"),
                    slip_hint(anchors_.first, SlipKind::Anchor));
    aliases_.report(diagnostics_, path_, trf("aliases (*name) are not allowed"),
                    slip_hint(aliases_.first, SlipKind::Alias));
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      diagnostics_.error("E010", path_, lines_.to_mark(mark),
                         trf("file holds more than one YAML document"),
                         trf("put each policy in its own file and remove the `---` separator"));
      throw StopParsing{};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    Node node;
    node.mark = lines_.to_mark(mark);
    place(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    aliases_.note(lines_.to_mark(mark));
    Node node;
    node.mark = lines_.to_mark(mark);
    place(std::move(node));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    if (value.size() > limits_.max_scalar_bytes) {
      diagnostics_.error("E011", path_, lines_.to_mark(mark),
                         trf("value is {} bytes long, at most {} allowed", value.size(),
                             limits_.max_scalar_bytes));
    }
    Node node;
    node.kind = Node::Kind::Scalar;
    node.mark = lines_.to_mark(mark);
    node.plain = tag == "?";
    node.scalar = value.size() > limits_.max_scalar_bytes ? std::string() : value;
    place(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check_tag(mark, tag);
    open(mark, anchor, Node::Kind::Sequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check_tag(mark, tag);
    open(mark, anchor, Node::Kind::Map);
  }
  void OnMapEnd() override { close(); }

  void OnAnchor(const YAML::Mark&, const std::string&) override {}

 private:
  // Where a refused construct first occurs and how often, so a file full of them gives one line.
  struct Occurrences {
    Mark first;
    std::size_t count = 0;

    void note(Mark mark) {
      if (count++ == 0) first = mark;
    }
    // `hint`: how to write the line of the first one, when it looks like text (a slip).
    void report(Diagnostics& diagnostics, const std::string& path, std::string_view what,
                std::optional<std::string> hint) const {
      if (count == 0) return;
      diagnostics.error("E009", path, first,
                        count == 1 ? std::string(what) : trf("{} ({} in this file)", what, count),
                        hint ? *hint : trf("write each value out in full instead of sharing it"));
    }
  };

  // The hint for a slip of `kind` on the line of `mark`, if the line has one.
  std::optional<std::string> slip_hint(const Mark& mark, SlipKind kind) const {
    if (mark.line <= 0) return std::nullopt;
    const std::optional<Slip> slip = find_slip(lines_.text(), mark.line);
    if (!slip || slip->kind != kind || slip->line != mark.line) return std::nullopt;
    return slip->hint;
  }

  // A YAML tag (!name, !!str) is refused: yaml-cpp drops it from the value, so that an unquoted
  // `!重要 …` would lose its first word without a trace (E014).
  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    if (tag.empty() || tag == "?") return;
    // A quoted scalar has the non-specific tag "!" too; an explicit one starts with `!` where
    // the node does (yaml-cpp reads `!重要 …` as the tag "!" and the text `重要 …`).
    const std::string_view text = lines_.text();
    if (tag == "!" && (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text.size() ||
                       text[static_cast<std::size_t>(mark.pos)] != '!'))
      return;
    const Mark at = lines_.to_mark(mark);
    // The tag as written (`!重要`, `!!str`), else as yaml-cpp resolved it.
    std::string_view written = tag;
    if (mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text.size() &&
        text[static_cast<std::size_t>(mark.pos)] == '!') {
      written = text.substr(static_cast<std::size_t>(mark.pos));
      written = written.substr(0, written.find_first_of(" \t\r\n"));
    }
    diagnostics_.error(
        "E014", path_, at, trf("`{}` is read by YAML as a tag, not as text", written),
        slip_hint(at, SlipKind::Tag)
            .value_or(trf("policy files use no YAML tags; write the value in double quotes")));
  }

  // A container being built, with the state of its pending key when it is a map.
  struct Frame {
    Node node;
    bool have_key = false;
    std::string key;
    Mark key_mark;
    std::unordered_set<std::string> seen_keys;
  };

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_.note(lines_.to_mark(mark));
  }

  void count_node(const YAML::Mark& mark) {
    if (++nodes_ <= limits_.max_nodes) return;
    diagnostics_.error("E007", path_, lines_.to_mark(mark),
                       trf("document has more than {} values", limits_.max_nodes));
    throw StopParsing{};
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, Node::Kind kind) {
    check_anchor(mark, anchor);
    count_node(mark);
    if (stack_.size() >= limits_.max_depth) {
      diagnostics_.error("E007", path_, lines_.to_mark(mark),
                         trf("nesting is deeper than {} levels", limits_.max_depth),
                         trf("policy files need only a few levels of nesting"));
      throw StopParsing{};
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.mark = lines_.to_mark(mark);
    stack_.push_back(std::move(frame));
  }

  void close() {
    Node node = std::move(stack_.back().node);
    stack_.pop_back();
    place(std::move(node));
  }

  // Attaches a finished node to the container being built, or makes it the root.
  void place(Node node) {
    if (node.kind == Node::Kind::Scalar || node.kind == Node::Kind::Null) count_node({});
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& frame = stack_.back();
    if (frame.node.kind == Node::Kind::Sequence) {
      frame.node.items.push_back(std::move(node));
      return;
    }
    if (!frame.have_key) {
      frame.have_key = true;
      frame.key_mark = node.mark;
      if (node.kind == Node::Kind::Scalar) {
        frame.key = std::move(node.scalar);
      } else {
        frame.key.clear();
        diagnostics_.error("E012", path_, node.mark, trf("a key must be plain text"),
                           trf("keys of policy files are field names such as `title`"));
      }
      return;
    }
    frame.have_key = false;
    if (!frame.seen_keys.insert(frame.key).second) {
      diagnostics_.error("E008", path_, frame.key_mark, trf("duplicate key `{}`", frame.key),
                         trf("each field may appear once; remove or merge the repeated one"));
      return;
    }
    frame.node.entries.push_back({std::move(frame.key), frame.key_mark, std::move(node)});
  }

  const std::string& path_;
  Diagnostics& diagnostics_;
  const YamlLimits& limits_;
  const LineIndex& lines_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  Occurrences anchors_;
  Occurrences aliases_;
  int documents_ = 0;
  std::size_t nodes_ = 0;
};

// Reports bytes that are not text: bad UTF-8, NUL and other control characters.
// False when CCNT_YAML_FAST_PATH=0: every file goes through yaml-cpp, so that a benchmark can
// show what the fast reader saves (docs/performance.md). Results are the same either way.
bool fast_path_enabled() {
  static const bool enabled = [] {
    const char* value = std::getenv("CCNT_YAML_FAST_PATH");
    return !(value && std::string_view(value) == "0");
  }();
  return enabled;
}

// yaml-cpp's words for the syntax errors a hand-edited file most often has, in the current
// language; the others stay as yaml-cpp wrote them.
std::string syntax_error_text(const std::string& message) {
  namespace msg = YAML::ErrorMsg;
  if (message == msg::END_OF_MAP) return trf("end of map not found");
  if (message == msg::END_OF_MAP_FLOW) return trf("end of map flow not found");
  if (message == msg::END_OF_SEQ) return trf("end of sequence not found");
  if (message == msg::END_OF_SEQ_FLOW) return trf("end of sequence flow not found");
  if (message == msg::EOF_IN_SCALAR) return trf("illegal EOF in scalar");
  if (message == msg::CHAR_IN_SCALAR) return trf("illegal character in scalar");
  if (message == msg::TAB_IN_INDENTATION) return trf("illegal tab when looking for indentation");
  if (message == msg::BLOCK_ENTRY) return trf("illegal block entry");
  if (message == msg::MAP_KEY) return trf("illegal map key");
  if (message == msg::MAP_VALUE) return trf("illegal map value");
  if (message == msg::UNKNOWN_TOKEN) return trf("unknown token");
  if (message == msg::FLOW_END) return trf("illegal flow end");
  if (message == msg::DOC_IN_SCALAR) return trf("illegal document indicator in scalar");
  if (message == msg::CHAR_IN_BLOCK) return trf("unexpected character in block scalar");
  if (message == msg::UNKNOWN_ANCHOR) return trf("the referenced anchor is not defined");
  return message;
}

bool check_encoding(std::string_view text, const std::string& path, Diagnostics& diagnostics) {
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    diagnostics.error("E003", path, {1, 1}, trf("file is encoded as UTF-16, not UTF-8"),
                      trf("re-save the file as UTF-8"));
    return false;
  }
  if (auto bad = find_invalid_utf8(text)) {
    // As git does: NUL bytes near the start of a file that is not UTF-8 mean binary data.
    if (text.substr(0, 8000).find('\0') != std::string_view::npos) {
      diagnostics.error(
          "E003", path, {}, trf("file is binary, not YAML text"),
          trf("policy files are UTF-8 text; was another file saved with a .yaml name?"));
      return false;
    }
    const bool gbk = looks_like_gbk(text);
    diagnostics.error(
        "E003", path, mark_at(text, *bad),
        gbk ? trf("file is not valid UTF-8; it looks like GBK/GB18030-encoded Chinese")
            : trf("file is not valid UTF-8 (byte 0x{})",
                  fmt::format("{:02X}", static_cast<unsigned char>(text[*bad]))),
        trf("re-save the file as UTF-8 (e.g. `iconv -f GB18030 -t UTF-8`)"));
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool c1 = byte == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if ((byte >= 0x20 && byte != 0x7F && !c1) || byte == '\n' || byte == '\r' || byte == '\t')
      continue;
    const char32_t cp = c1 ? static_cast<unsigned char>(text[i + 1]) : byte;
    diagnostics.error("E004", path, mark_at(text, i),
                      byte == 0 ? trf("file contains a NUL byte")
                                : trf("file contains the control character U+{}",
                                      fmt::format("{:04X}", static_cast<unsigned>(cp))),
                      trf("remove it; policy files are plain text"));
    ok = false;
    // One report per line is enough to find them.
    while (i < text.size() && text[i] != '\n') ++i;
  }
  return ok;
}

}  // namespace

std::optional<Node> parse_yaml(std::string_view bytes, const std::string& path,
                               Diagnostics& diagnostics, const YamlLimits& limits) {
  std::string_view text = bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!check_encoding(text, path, diagnostics)) return std::nullopt;
  if (limits.fast_path && fast_path_enabled())
    if (auto node = parse_yaml_fast_path(text, limits)) return node;

  std::istringstream stream{std::string(text)};
  const LineIndex lines(text);
  TreeBuilder builder(path, diagnostics, limits, lines);
  struct ReportOnExit {
    TreeBuilder& builder;
    ~ReportOnExit() { builder.report_shared_values(); }
  } report_on_exit{builder};
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      diagnostics.error("E005", path, {}, trf("file is empty"),
                        trf("a policy file holds one YAML mapping; see docs/data-model.md"));
      return std::nullopt;
    }
    parser.HandleNextDocument(builder);
  } catch (const StopParsing&) {
    return std::nullopt;
  } catch (const YAML::DeepRecursion& e) {
    diagnostics.error("E007", path, lines.to_mark(e.mark), trf("nesting is too deep to read"));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    const Mark mark = lines.to_mark(e.mark);
    const std::optional<Slip> slip = find_slip(text, mark.line);
    diagnostics.error("E006", path, mark, trf("YAML syntax error: {}", syntax_error_text(e.msg)),
                      slip ? slip->hint : std::string());
    return std::nullopt;
  }
  std::optional<Node> root = builder.take_root();
  if (!root || root->kind == Node::Kind::Null) {
    diagnostics.error("E005", path, {}, trf("file is empty"),
                      trf("a policy file holds one YAML mapping; see docs/data-model.md"));
    return std::nullopt;
  }
  return root;
}

}  // namespace ccnt
