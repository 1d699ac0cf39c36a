#include "core/output/xlsx_writer.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "core/diag/message_catalog.hpp"
#include "core/output/display_width.hpp"
#include "core/util/fd_io.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// Excel's dates start in 1900; an earlier year is written as text.
constexpr int kFirstExcelYear = 1900;

// A directory only this process uses, removed with everything in it on destruction.
class PrivateDir {
 public:
  PrivateDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        (base && *base ? std::string(base) : std::string("/tmp")) + "/ccnt-xlsx-XXXXXX";
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~PrivateDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  PrivateDir(const PrivateDir&) = delete;
  PrivateDir& operator=(const PrivateDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The workbook being written; closed (and freed) on destruction if it was not closed.
class Workbook {
 public:
  Workbook(const std::string& file, const std::string& tmpdir) {
    lxw_workbook_options options{};
    options.tmpdir = const_cast<char*>(tmpdir.c_str());  // the library does not write to it
    book_ = workbook_new_opt(file.c_str(), &options);
  }
  ~Workbook() {
    if (book_) workbook_close(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  lxw_workbook* get() const { return book_; }
  lxw_error close() {
    const lxw_error result = workbook_close(book_);
    book_ = nullptr;
    return result;
  }

 private:
  lxw_workbook* book_ = nullptr;
};

// Today at midnight UTC, as the workbook's creation time.
std::time_t creation_time() {
  const PartialDate date = today();
  std::tm tm{};
  tm.tm_year = date.year - 1900;
  tm.tm_mon = (date.month > 0 ? date.month : 1) - 1;
  tm.tm_mday = date.day > 0 ? date.day : 1;
  return ::timegm(&tm);
}

// The formats of one workbook: the header's, and a date's at each precision.
struct Formats {
  lxw_format* header;
  lxw_format* year;
  lxw_format* month;
  lxw_format* day;
};

Formats make_formats(lxw_workbook* book) {
  Formats formats{workbook_add_format(book), workbook_add_format(book), workbook_add_format(book),
                  workbook_add_format(book)};
  format_set_bold(formats.header);
  format_set_num_format(formats.year, "yyyy");
  format_set_num_format(formats.month, "yyyy-mm");
  format_set_num_format(formats.day, "yyyy-mm-dd");
  return formats;
}

lxw_error write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const SheetCell& cell,
                     const Formats& formats) {
  switch (cell.kind) {
    case SheetCell::Kind::Text:
      // A string cell: whatever it holds (=, +, @ ...), a spreadsheet shows it as text.
      return worksheet_write_string(sheet, row, col, xlsx_text(cell.text).c_str(), nullptr);
    case SheetCell::Kind::Number:
      return worksheet_write_number(sheet, row, col, cell.number, nullptr);
    case SheetCell::Kind::Boolean:
      return worksheet_write_boolean(sheet, row, col, cell.number != 0, nullptr);
    case SheetCell::Kind::Date: {
      const PartialDate& date = cell.date;
      if (date.year < kFirstExcelYear)
        return worksheet_write_string(sheet, row, col, date.to_string().c_str(), nullptr);
      lxw_datetime value{
          date.year, date.month > 0 ? date.month : 1, date.day > 0 ? date.day : 1, 0, 0, 0};
      lxw_format* format = date.month == 0 ? formats.year
                           : date.day == 0 ? formats.month
                                           : formats.day;
      return worksheet_write_datetime(sheet, row, col, &value, format);
    }
    case SheetCell::Kind::Empty:
      break;
  }
  return LXW_NO_ERROR;
}

lxw_error write_sheet(lxw_workbook* book, const Sheet& sheet, const Formats& formats) {
  lxw_worksheet* worksheet = workbook_add_worksheet(book, sheet.name.c_str());
  if (!worksheet) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  const auto columns = static_cast<lxw_col_t>(sheet.headers.size());
  for (lxw_col_t col = 0; col < columns; ++col) {
    std::vector<const SheetCell*> cells;
    cells.reserve(sheet.rows.size());
    for (const auto& row : sheet.rows) cells.push_back(&row[col]);
    worksheet_set_column(worksheet, col, col, column_width(sheet.headers[col], cells), nullptr);
    if (const lxw_error e =
            worksheet_write_string(worksheet, 0, col, sheet.headers[col].c_str(), formats.header))
      return e;
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r)
    for (lxw_col_t col = 0; col < columns; ++col)
      if (const lxw_error e = write_cell(worksheet, static_cast<lxw_row_t>(r + 1), col,
                                         sheet.rows[r][col], formats))
        return e;
  worksheet_freeze_panes(worksheet, 1, 0);
  if (columns > 0)
    return worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                static_cast<lxw_col_t>(columns - 1));
  return LXW_NO_ERROR;
}

}  // namespace

std::string xlsx_text(std::string_view text) {
  const auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && is_hex(text[i + 2]) &&
        is_hex(text[i + 3]) && is_hex(text[i + 4]) && is_hex(text[i + 5]) && text[i + 6] == '_')
      out += "x005F_";
  }
  return out;
}

double column_width(const std::string& header, const std::vector<const SheetCell*>& cells) {
  std::size_t widest = display_width(header) + 2;  // the autofilter's button takes room too
  for (const SheetCell* cell : cells) {
    std::size_t width = 0;
    if (cell->kind == SheetCell::Kind::Date)
      width = cell->date.to_string().size();
    else if (cell->kind != SheetCell::Kind::Empty)
      width = display_width(cell->as_text());
    widest = std::max(widest, width);
    if (static_cast<double>(widest) >= kMaxColumnWidth) return kMaxColumnWidth;
  }
  return std::min(kMaxColumnWidth, static_cast<double>(widest) + 1);
}

std::optional<std::string> workbook_bytes(const std::vector<Sheet>& sheets, std::string& error) {
  const PrivateDir dir;
  if (dir.path().empty()) {
    error = trf("cannot make a temporary directory: {}", std::strerror(errno));
    return std::nullopt;
  }
  const std::string file = dir.path() + "/workbook.xlsx";
  lxw_error result = LXW_NO_ERROR;
  {
    Workbook book(file, dir.path());
    if (!book.get()) {
      error = trf("cannot start a workbook in {}", dir.path());
      return std::nullopt;
    }
    lxw_doc_properties properties{};
    properties.created = creation_time();
    workbook_set_properties(book.get(), &properties);
    const Formats formats = make_formats(book.get());
    for (const Sheet& sheet : sheets)
      if ((result = write_sheet(book.get(), sheet, formats)) != LXW_NO_ERROR) break;
    const lxw_error closed = book.close();
    if (result == LXW_NO_ERROR) result = closed;
  }
  if (result != LXW_NO_ERROR) {
    error = lxw_strerror(result);
    return std::nullopt;
  }
  const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string bytes;
  char buffer[65536];
  for (std::size_t n; (n = read_up_to(fd, buffer, sizeof buffer)) > 0;) bytes.append(buffer, n);
  ::close(fd);
  return bytes;
}

}  // namespace ccnt
