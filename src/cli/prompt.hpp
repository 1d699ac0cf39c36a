// Asking questions on a terminal, one line per answer, checking each answer
// as it is given and asking again until it is acceptable.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace ccnt::cli {

// Checks an answer and may normalise it in place (浙江省 → zhejiang); returns an
// empty string to accept it, else the message to show before asking again.
using AnswerCheck = std::function<std::string(std::string& answer)>;

class Prompter {
 public:
  Prompter(std::istream& in, std::ostream& out) : in_(in), out_(out) {}

  // Asks `question` until `check` accepts the answer. An empty answer takes
  // `default_answer` (shown in brackets); nullopt when the input ends (Ctrl-D).
  std::optional<std::string> ask(std::string_view question, const std::string& default_answer,
                                 const AnswerCheck& check);

  // Asks a yes/no question; Enter gives `default_yes`, the end of input gives no.
  bool confirm(std::string_view question, bool default_yes);

  // Prints a line of text between questions.
  void say(std::string_view text);

 private:
  std::optional<std::string> read_line();

  std::istream& in_;
  std::ostream& out_;
};

}  // namespace ccnt::cli
