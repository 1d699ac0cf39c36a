#include "cli/prompt.hpp"

#include <poll.h>

#include <istream>
#include <ostream>

#include "cli/messages.hpp"
#include "core/util/text.hpp"

namespace ccnt::cli {

Prompter::Prompter(std::istream& in, std::ostream& out, int terminal_fd, std::size_t columns)
    : in_(in),
      out_(out),
      editor_(std::make_unique<TerminalLineReader>(terminal_fd, out, columns)) {}

std::optional<std::string> Prompter::read_line(std::string_view prompt,
                                               const std::vector<std::string>& names) {
  if (editor_) {
    auto line = editor_->read(prompt, names);
    if (!line) return std::nullopt;
    return std::string(trim(*line));
  }
  out_ << prompt << std::flush;
  std::string line;
  if (!std::getline(in_, line)) {
    out_ << "\n";
    return std::nullopt;
  }
  while (paste_fd_ >= 0 && more_input_waiting()) {
    std::string next;
    if (!std::getline(in_, next)) break;
    line += '\n';
    line += next;
  }
  return std::string(trim(line));
}

std::optional<std::string> Prompter::ask(std::string_view question,
                                         const std::string& default_answer,
                                         const AnswerCheck& check,
                                         const std::vector<std::string>& names) {
  std::string prompt(question);
  if (!default_answer.empty()) prompt += " [" + default_answer + "]";
  prompt += tr(": ");
  for (;;) {
    auto answer = read_line(prompt, names);
    if (!answer) return std::nullopt;
    if (answer->empty()) *answer = default_answer;
    const std::string problem = check ? check(*answer) : std::string();
    if (problem.empty()) return answer;
    out_ << "  " << problem << "\n";
  }
}

bool Prompter::more_input_waiting() const {
  if (in_.rdbuf()->in_avail() > 0) return true;
  pollfd waiting{paste_fd_, POLLIN, 0};
  return ::poll(&waiting, 1, 0) > 0 && (waiting.revents & POLLIN) != 0;
}

bool Prompter::confirm(std::string_view question, bool default_yes) {
  for (;;) {
    const auto answer = read_line(std::string(question) + (default_yes ? " [Y/n]" : " [y/N]") +
                                  std::string(tr(": ")));
    if (!answer) return false;
    if (answer->empty()) return default_yes;
    if (*answer == "y" || *answer == "Y" || *answer == "yes" || *answer == "是") return true;
    if (*answer == "n" || *answer == "N" || *answer == "no" || *answer == "否") return false;
    out_ << tr("  answer y or n") << "\n";
  }
}

void Prompter::say(std::string_view text) {
  out_ << text << "\n";
}

}  // namespace ccnt::cli
