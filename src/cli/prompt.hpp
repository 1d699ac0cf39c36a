// Asking questions on a terminal, one line per answer, checking each answer
// as it is given and asking again until it is acceptable.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/line_editor.hpp"

namespace ccnt::cli {

// Checks an answer and may normalise it in place (浙江省 → zhejiang); returns an
// empty string to accept it, else the message to show before asking again.
using AnswerCheck = std::function<std::string(std::string& answer)>;

class Prompter {
 public:
  // Reads answers line by line from `in`.
  Prompter(std::istream& in, std::ostream& out) : in_(in), out_(out) {}
  // Reads answers from the terminal `terminal_fd` with line editing and Tab completion
  // (`in` is then not read).
  Prompter(std::istream& in, std::ostream& out, int terminal_fd, std::size_t columns);

  // True when answers are read with line editing, so that Tab completes names.
  bool edits_lines() const { return editor_ != nullptr; }

  // Line by line from the terminal `fd` (one that cannot edit lines): lines that are already
  // waiting when one has been read, as a paste of several lines is, join it as one answer
  // (with "\n" between them) instead of answering the next questions.
  void join_pasted_lines(int fd) { paste_fd_ = fd; }

  // Asks `question` until `check` accepts the answer. An empty answer takes
  // `default_answer` (shown in brackets); nullopt when the input ends (Ctrl-D). Tab
  // completes the word being typed from `names`.
  std::optional<std::string> ask(std::string_view question, const std::string& default_answer,
                                 const AnswerCheck& check,
                                 const std::vector<std::string>& names = {});

  // Asks a yes/no question; Enter gives `default_yes`, the end of input gives no.
  bool confirm(std::string_view question, bool default_yes);

  // Prints a line of text between questions.
  void say(std::string_view text);

 private:
  // True when the terminal has more input already waiting (see join_pasted_lines).
  bool more_input_waiting() const;
  // Prints `prompt` and reads the answer, trimmed.
  std::optional<std::string> read_line(std::string_view prompt,
                                       const std::vector<std::string>& names = {});

  std::istream& in_;
  std::ostream& out_;
  std::unique_ptr<TerminalLineReader> editor_;
  int paste_fd_ = -1;
};

}  // namespace ccnt::cli
