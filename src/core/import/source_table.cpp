#include "core/import/source_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "core/diag/message_catalog.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Deeper JSON than this is refused rather than followed (a record is one flat object).
constexpr int kMaxJsonDepth = 32;

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Collects rows and their columns; JSON keys become columns as they first appear.
class TableBuilder {
 public:
  std::size_t column(std::string_view name) {
    const auto found = index_.find(std::string(name));
    if (found != index_.end()) return found->second;
    index_.emplace(std::string(name), table_.columns.size());
    table_.columns.emplace_back(name);
    return table_.columns.size() - 1;
  }
  SourceTable& table() { return table_; }

 private:
  SourceTable table_;
  std::unordered_map<std::string, std::size_t> index_;
};

// RFC 4180 with `delimiter`; CRLF or LF line ends; quoted cells may hold delimiters, quotes ("")
// and newlines.
class DelimitedReader {
 public:
  DelimitedReader(std::string_view text, char delimiter, int first_line, const std::string& path,
                  Diagnostics& out)
      : text_(text), delimiter_(delimiter), line_(first_line), path_(path), out_(out) {}

  // The next row's cells, or nullopt at the end. `bad` is set when the row is malformed (it is
  // reported and should be skipped).
  std::optional<std::vector<std::string>> next(int& start_line, bool& bad) {
    bad = false;
    if (pos_ >= text_.size()) return std::nullopt;
    start_line = line_;
    std::vector<std::string> cells;
    std::string cell;
    while (true) {
      if (pos_ < text_.size() && text_[pos_] == '"') {
        const int quote_line = line_;
        ++pos_;
        bool closed = false;
        while (pos_ < text_.size()) {
          const char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              cell += '"';
              ++pos_;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line_;
            cell += c;
          }
        }
        if (!closed) {
          out_.error("E101", path_, {quote_line, 1},
                     trf("a quoted cell opened on line {} is never closed", quote_line),
                     trf("close it with \" or double the quotes inside it (\"\")"));
          pos_ = text_.size();
          bad = true;
          return cells;
        }
        if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
            text_[pos_] != '\r') {
          out_.error("E101", path_, {line_, 1}, trf("text after the closing quote of a cell"),
                     trf("a quote inside a quoted cell is written twice (\"\")"));
          bad = true;
          skip_line();
          return cells;
        }
      } else {
        while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
               text_[pos_] != '\r')
          cell += text_[pos_++];
      }
      cells.push_back(std::move(cell));
      cell.clear();
      if (pos_ >= text_.size()) return cells;
      const char c = text_[pos_];
      if (c == delimiter_) {
        ++pos_;
        continue;
      }
      skip_line_end();
      return cells;
    }
  }

 private:
  void skip_line_end() {
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }
  void skip_line() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    if (pos_ < text_.size()) ++pos_;
    ++line_;
  }

  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  int line_;
  const std::string& path_;
  Diagnostics& out_;
};

std::optional<SourceTable> read_delimited(std::string_view text, char delimiter,
                                          const std::string& path, Diagnostics& out) {
  DelimitedReader reader(text, delimiter, 1, path, out);
  TableBuilder builder;
  int line = 0;
  bool bad = false;
  auto header = reader.next(line, bad);
  if (!header || bad || (header->size() == 1 && (*header)[0].empty())) {
    if (!bad)
      out.error("E113", path, {}, trf("the export is empty: no header row"),
                trf("export the table with its header row (id, file_name, ...)"));
    return std::nullopt;
  }
  for (const std::string& name : *header) {
    if (builder.table().column(name)) {
      out.error("E101", path, {1, 1}, trf("column `{}` appears twice in the header", name),
                trf("rename or remove one of them"));
      return std::nullopt;
    }
    builder.column(name);
  }
  const std::size_t width = header->size();
  while (auto cells = reader.next(line, bad)) {
    if (bad) continue;
    if (cells->size() == 1 && (*cells)[0].empty()) continue;  // an empty line
    if (cells->size() > width) {
      out.error("E101", path, {line, 1},
                trf("row has {} cells, the header {}", cells->size(), width),
                trf("quote cells that contain the delimiter"));
      continue;
    }
    cells->resize(width);
    builder.table().rows.push_back({line, std::move(*cells)});
  }
  return std::move(builder.table());
}

// A small JSON reader for flat records: objects whose values are strings, numbers, booleans or
// null. Positions are tracked for messages.
class JsonReader {
 public:
  JsonReader(std::string_view text, const std::string& path, Diagnostics& out)
      : text_(text), path_(path), out_(out) {}

  bool at_end() {
    skip_space();
    return pos_ >= text_.size();
  }
  int line() const { return line_; }
  bool failed() const { return failed_; }

  bool consume(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  char peek() {
    skip_space();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }

  // Reads an object into a row; a nested value is reported (E103) and the row marked bad.
  bool object(TableBuilder& builder, SourceRow& row, bool& bad) {
    if (!consume('{')) return fail(trf("expected a record (an object)"));
    row.line = line_;
    if (consume('}')) return true;
    while (true) {
      skip_space();
      std::string key;
      if (!string(key)) return false;
      if (!consume(':')) return fail(trf("expected `:` after a key"));
      std::string value;
      bool nested = false;
      if (!scalar(value, nested)) return false;
      if (nested) {
        if (!bad)
          out_.error("E103", path_, {line_, 1},
                     trf("`{}` holds a list or an object; a record's values must be text, numbers "
                         "or null",
                         key),
                     trf("flatten the export to one value per field"));
        bad = true;
      }
      const std::size_t column = builder.column(key);
      if (row.cells.size() <= column) row.cells.resize(column + 1);
      row.cells[column] = std::move(value);
      if (consume(',')) continue;
      if (consume('}')) return true;
      return fail(trf("expected `,` or `}}` in a record"));
    }
  }

  bool fail(std::string message) {
    if (!failed_)
      out_.error("E102", path_, {line_, 1}, trf("malformed JSON: {}", message),
                 trf("check the file with a JSON validator (e.g. `jq . FILE`)"));
    failed_ = true;
    return false;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n')
        ++line_;
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
      ++pos_;
    }
  }

  bool hex4(unsigned& value) {
    if (pos_ + 4 > text_.size()) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      value <<= 4;
      if (c >= '0' && c <= '9')
        value |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        value |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        value |= static_cast<unsigned>(c - 'A' + 10);
      else
        return false;
    }
    return true;
  }

  bool string(std::string& out) {
    if (pos_ >= text_.size() || text_[pos_] != '"') return fail(trf("expected a string"));
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return fail(trf("a control character in a string"));
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) break;
      const char e = text_[pos_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          unsigned code = 0;
          if (!hex4(code)) return fail(trf("a bad \\u escape"));
          if (code >= 0xD800 && code <= 0xDBFF) {
            unsigned low = 0;
            if (pos_ + 2 > text_.size() || text_[pos_] != '\\' || text_[pos_ + 1] != 'u')
              return fail(trf("a bad \\u escape"));
            pos_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return fail(trf("a bad \\u escape"));
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xDC00 && code <= 0xDFFF) {
            return fail(trf("a bad \\u escape"));
          }
          append_utf8(out, static_cast<char32_t>(code));
          break;
        }
        default:
          return fail(trf("a bad escape in a string"));
      }
    }
    return fail(trf("a string is never closed"));
  }

  // A value: its text for a scalar; `nested` for a list or an object (read and dropped).
  bool scalar(std::string& out, bool& nested) {
    const char c = peek();
    if (c == '"') return string(out);
    if (c == '{' || c == '[') {
      nested = true;
      return skip_nested();
    }
    const std::size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                   text_[pos_] == '-' || text_[pos_] == '+' || text_[pos_] == '.'))
      ++pos_;
    const std::string_view word = text_.substr(start, pos_ - start);
    if (word == "null") return true;
    if (word == "true" || word == "false") {
      out = word;
      return true;
    }
    if (!word.empty() && (word[0] == '-' || std::isdigit(static_cast<unsigned char>(word[0])))) {
      out = word;
      return true;
    }
    return fail(trf("expected a value"));
  }

  bool skip_nested() {
    int depth = 0;
    do {
      const char c = peek();
      if (c == '{' || c == '[') {
        if (++depth > kMaxJsonDepth) return fail(trf("nested more than {} levels", kMaxJsonDepth));
        ++pos_;
      } else if (c == '}' || c == ']') {
        --depth;
        ++pos_;
      } else if (c == '"') {
        std::string ignored;
        if (!string(ignored)) return false;
      } else if (c == '\0') {
        return fail(trf("the file ends inside a value"));
      } else {
        ++pos_;
      }
    } while (depth > 0);
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  const std::string& path_;
  Diagnostics& out_;
  bool failed_ = false;
};

std::optional<SourceTable> read_json(std::string_view text, bool lines, const std::string& path,
                                     Diagnostics& out) {
  JsonReader reader(text, path, out);
  TableBuilder builder;
  auto add = [&](SourceRow row, bool bad) {
    if (!bad) builder.table().rows.push_back(std::move(row));
  };
  if (reader.at_end()) {
    out.error("E113", path, {}, trf("the export is empty: no records"));
    return std::nullopt;
  }
  if (!lines) {
    if (!reader.consume('[')) {
      reader.fail(
          trf("expected an array of records ([ … ]); for one record per line use "
              "--format jsonl"));
      return std::nullopt;
    }
    if (!reader.consume(']')) {
      while (true) {
        SourceRow row;
        bool bad = false;
        if (!reader.object(builder, row, bad)) return std::nullopt;
        add(std::move(row), bad);
        if (reader.consume(',')) continue;
        if (reader.consume(']')) break;
        reader.fail(trf("expected `,` or `]` after a record"));
        return std::nullopt;
      }
    }
    if (!reader.at_end()) {
      reader.fail(trf("text after the closing `]`"));
      return std::nullopt;
    }
  } else {
    // One object per line; a malformed line is reported and the rest still read.
    std::size_t start = 0;
    int line = 1;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view one = text.substr(start, end - start);
      if (one.find_first_not_of(" \t\r") != std::string_view::npos) {
        Diagnostics line_out;
        JsonReader line_reader(one, path, line_out);
        SourceRow row;
        bool bad = false;
        bool ok = line_reader.object(builder, row, bad);
        if (ok && !line_reader.at_end()) ok = line_reader.fail(trf("text after the record"));
        for (Diagnostic d : line_out.all()) {
          d.mark.line = line;
          out.add(std::move(d));
        }
        row.line = line;
        if (ok) add(std::move(row), bad);
      }
      start = end + 1;
      ++line;
    }
  }
  SourceTable& table = builder.table();
  for (SourceRow& row : table.rows) row.cells.resize(table.columns.size());
  return std::move(table);
}

}  // namespace

std::optional<SourceFormat> source_format_of(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ends_with(lower, ".csv")) return SourceFormat::Csv;
  if (ends_with(lower, ".tsv") || ends_with(lower, ".tab")) return SourceFormat::Tsv;
  if (ends_with(lower, ".jsonl") || ends_with(lower, ".ndjson")) return SourceFormat::JsonLines;
  if (ends_with(lower, ".json")) return SourceFormat::Json;
  return std::nullopt;
}

std::optional<SourceFormat> parse_source_format(std::string_view name) {
  if (name == "csv") return SourceFormat::Csv;
  if (name == "tsv") return SourceFormat::Tsv;
  if (name == "json") return SourceFormat::Json;
  if (name == "jsonl") return SourceFormat::JsonLines;
  return std::nullopt;
}

std::optional<std::size_t> SourceTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return i;
  return std::nullopt;
}

std::optional<SourceTable> read_source_table(std::string_view bytes, SourceFormat format,
                                             const std::string& display, Diagnostics& diagnostics) {
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  if (const auto bad = find_invalid_utf8(bytes)) {
    diagnostics.error("E100", display, mark_at(bytes, *bad), trf("the export is not UTF-8"),
                      looks_like_gbk(bytes)
                          ? trf("it looks like GBK; convert it: iconv -f GBK -t UTF-8 FILE > NEW")
                          : trf("save it as UTF-8 and import again"));
    return std::nullopt;
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    diagnostics.error("E113", display, {}, trf("the export is empty"),
                      trf("export the table with its header row and records"));
    return std::nullopt;
  }
  switch (format) {
    case SourceFormat::Csv:
      return read_delimited(bytes, ',', display, diagnostics);
    case SourceFormat::Tsv:
      return read_delimited(bytes, '\t', display, diagnostics);
    case SourceFormat::Json:
      return read_json(bytes, false, display, diagnostics);
    case SourceFormat::JsonLines:
      return read_json(bytes, true, display, diagnostics);
  }
  return std::nullopt;
}

}  // namespace ccnt
