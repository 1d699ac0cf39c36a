// Reading an answer on a terminal with editing and Tab completion of names,
// for `ccnt new`'s questions: a small line editor in the manner of linenoise.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ccnt::cli {

// What Tab did to the line.
struct TabResult {
  enum class Kind {
    Nothing,    // no name starts with the word: ring the bell
    Completed,  // the word was replaced by a name, or extended by what all matches share
    Listed,     // several names fit and share nothing more: show them
  };
  Kind kind = Kind::Nothing;
  std::vector<std::string> choices;  // Kind::Listed
};

// The text of one answer being typed, edited at its end. Words are separated by spaces and
// the list separators of ccnt's answers (, ， 、), so that each sector of a list completes.
class LineBuffer {
 public:
  const std::string& text() const { return text_; }
  // The text as the terminal shows it: a line break pasted into the answer as ⏎.
  std::string shown() const;

  void insert(std::string_view bytes) { text_ += bytes; }
  // Removes the last character (a whole UTF-8 sequence); false when the line is empty.
  bool erase_character();
  // Removes the last word and the separators after it (Ctrl-W).
  void erase_word();
  void clear() { text_.clear(); }
  // Completes the last word against `names`.
  TabResult complete(const std::vector<std::string>& names);

 private:
  std::size_t word_start() const;

  std::string text_;
};

// Reads lines from a terminal in raw mode: printable text, Backspace, Ctrl-U, Ctrl-W, Tab;
// Enter ends the line, Ctrl-D on an empty line and Ctrl-C end the input. Other keys (arrows,
// function keys) are ignored. Bytes typed ahead stay for the next line. Bracketed paste is
// switched on while a line is read: a paste (ESC [200~ … ESC [201~) is inserted whole, its
// line breaks kept as "\n" (shown as ⏎), so that a pasted paragraph of several lines is one
// answer rather than one answer per line.
class TerminalLineReader {
 public:
  // `fd` is the terminal's input; `out` prints to the same terminal, `columns` wide unless the
  // terminal reports its width.
  TerminalLineReader(int fd, std::ostream& out, std::size_t columns)
      : fd_(fd), out_(out), columns_(columns) {}

  // Prints `prompt` and reads one line; nullopt at the end of input or when cancelled.
  std::optional<std::string> read(std::string_view prompt, const std::vector<std::string>& names);

 private:
  // The next byte of input; nullopt at the end of input.
  std::optional<unsigned char> next_byte();
  // Reprints the prompt and the line over what was shown.
  void refresh(std::string_view prompt, const LineBuffer& line);
  // Reads a bracketed paste up to its end marker into `line` (the start marker was read).
  void read_paste(LineBuffer& line);

  int fd_;
  std::ostream& out_;
  std::size_t columns_;
  std::string pending_;  // read from the terminal, not yet used
  std::size_t pending_at_ = 0;
  std::size_t shown_columns_ = 0;  // columns of prompt and line on screen
};

// True when the terminal named by TERM understands the cursor movements the line editor uses
// (not "dumb", as in Emacs shells and some CI consoles).
bool terminal_supports_editing();

}  // namespace ccnt::cli
