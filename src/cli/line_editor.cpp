#include "cli/line_editor.hpp"

#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/output/display_width.hpp"
#include "core/util/utf8.hpp"

namespace ccnt::cli {

namespace {

constexpr std::string_view kSeparators[] = {" ", ",", "，", "、"};
constexpr std::size_t kMaxListed = 60;  // names shown for one Tab; "…" stands for the rest

// Puts the terminal in raw mode (no echo, no line buffering, no signals from Ctrl-C) for the
// life of the object; does nothing when `fd` is not a terminal.
class RawMode {
 public:
  explicit RawMode(int fd) : fd_(fd) {
    if (::tcgetattr(fd_, &saved_) != 0) return;
    termios raw = saved_;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~static_cast<tcflag_t>(IXON);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    active_ = ::tcsetattr(fd_, TCSANOW, &raw) == 0;
  }
  ~RawMode() {
    if (active_) ::tcsetattr(fd_, TCSANOW, &saved_);
  }
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;

 private:
  int fd_;
  termios saved_{};
  bool active_ = false;
};

}  // namespace

// --- LineBuffer ---

bool LineBuffer::erase_character() {
  if (text_.empty()) return false;
  std::size_t end = text_.size() - 1;
  while (end > 0 && is_utf8_continuation(static_cast<unsigned char>(text_[end]))) --end;
  text_.erase(end);
  return true;
}

std::size_t LineBuffer::word_start() const {
  std::size_t start = 0;
  for (std::string_view separator : kSeparators) {
    const auto at = text_.rfind(separator);
    if (at != std::string::npos) start = std::max(start, at + separator.size());
  }
  return start;
}

void LineBuffer::erase_word() {
  for (bool trimmed = true; trimmed && !text_.empty();) {
    trimmed = false;
    for (std::string_view separator : kSeparators)
      if (text_.ends_with(separator)) {
        text_.erase(text_.size() - separator.size());
        trimmed = true;
      }
  }
  text_.erase(word_start());
}

TabResult LineBuffer::complete(const std::vector<std::string>& names) {
  const std::size_t start = word_start();
  const std::string_view word = std::string_view(text_).substr(start);
  std::vector<std::string> matches;
  for (const std::string& name : names)
    if (name.starts_with(word) && std::find(matches.begin(), matches.end(), name) == matches.end())
      matches.push_back(name);
  if (matches.empty()) return {};
  // What every match shares, cut back to a whole character.
  std::size_t shared = matches[0].size();
  for (const std::string& match : matches) {
    const auto differs =
        std::mismatch(matches[0].begin(), matches[0].begin() + shared, match.begin(), match.end());
    shared = static_cast<std::size_t>(differs.first - matches[0].begin());
  }
  while (shared > word.size() && shared < matches[0].size() &&
         is_utf8_continuation(static_cast<unsigned char>(matches[0][shared])))
    --shared;
  if (shared > word.size()) {
    text_.replace(start, std::string::npos, matches[0], 0, shared);
    return {TabResult::Kind::Completed, {}};
  }
  return {TabResult::Kind::Listed, std::move(matches)};
}

std::string LineBuffer::shown() const {
  std::string out;
  out.reserve(text_.size());
  for (char c : text_) {
    if (c == '\n')
      out += "⏎";
    else if (c != '\r')
      out += c;
  }
  return out;
}

// --- TerminalLineReader ---

std::optional<unsigned char> TerminalLineReader::next_byte() {
  while (pending_at_ == pending_.size()) {
    char chunk[256];
    const ssize_t got = ::read(fd_, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return std::nullopt;
    pending_.assign(chunk, static_cast<std::size_t>(got));
    pending_at_ = 0;
  }
  return static_cast<unsigned char>(pending_[pending_at_++]);
}

void TerminalLineReader::refresh(std::string_view prompt, const LineBuffer& line) {
  // The window may have been resized since the last redraw.
  if (winsize size{}; ::ioctl(fd_, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    columns_ = size.ws_col;
  const std::size_t row =
      shown_columns_ > 0 ? (shown_columns_ - 1) / std::max<std::size_t>(columns_, 1) : 0;
  if (row > 0) out_ << "\x1b[" << row << 'A';
  out_ << "\r\x1b[J" << prompt << line.shown() << std::flush;
  shown_columns_ = display_width(prompt) + display_width(line.shown());
}

void TerminalLineReader::read_paste(LineBuffer& line) {
  constexpr std::string_view kEnd = "\x1b[201~";
  std::string pasted;
  while (!pasted.ends_with(kEnd)) {
    const auto byte = next_byte();
    if (!byte) break;  // the input ended inside the paste: keep what came
    pasted += static_cast<char>(*byte);
  }
  if (pasted.ends_with(kEnd)) pasted.resize(pasted.size() - kEnd.size());
  // Line ends as "\n"; other control characters (a tab, an escape) are dropped, as typed ones are.
  std::string text;
  for (std::size_t i = 0; i < pasted.size(); ++i) {
    const auto c = static_cast<unsigned char>(pasted[i]);
    if (c == '\r') {
      text += '\n';
      if (i + 1 < pasted.size() && pasted[i + 1] == '\n') ++i;
    } else if (c == '\n' || c >= 0x20) {
      if (c != 0x7F) text += static_cast<char>(c);
    }
  }
  while (text.ends_with('\n')) text.pop_back();  // a paste of whole lines ends with one
  if (find_invalid_utf8(text)) return;           // not text: nothing is inserted
  line.insert(text);
}

std::optional<std::string> TerminalLineReader::read(std::string_view prompt,
                                                    const std::vector<std::string>& names) {
  const RawMode raw(fd_);
  // Bracketed paste on for this line, off again however the line ends.
  // Switched off before the line's last newline, so that nothing follows what the user sees.
  struct BracketedPaste {
    std::ostream& out;
    bool on = true;
    explicit BracketedPaste(std::ostream& o) : out(o) { out << "\x1b[?2004h" << std::flush; }
    void off() {
      if (on) out << "\x1b[?2004l";
      on = false;
    }
    ~BracketedPaste() {
      off();
      out << std::flush;
    }
    BracketedPaste(const BracketedPaste&) = delete;
    BracketedPaste& operator=(const BracketedPaste&) = delete;
  } paste_mode(out_);
  LineBuffer line;
  out_ << prompt << std::flush;
  shown_columns_ = display_width(prompt);
  for (;;) {
    const auto byte = next_byte();
    if (!byte || (*byte == 0x04 && line.text().empty())) {  // end of input, Ctrl-D
      paste_mode.off();
      out_ << "\n" << std::flush;
      return std::nullopt;
    }
    switch (*byte) {
      case '\r':
      case '\n':
        paste_mode.off();
        out_ << "\n" << std::flush;
        return line.text();
      case 0x03:  // Ctrl-C
        paste_mode.off();
        out_ << "^C\n" << std::flush;
        return std::nullopt;
      case 0x7F:  // Backspace
      case 0x08:
        if (line.erase_character()) refresh(prompt, line);
        break;
      case 0x15:  // Ctrl-U
        line.clear();
        refresh(prompt, line);
        break;
      case 0x17:  // Ctrl-W
        line.erase_word();
        refresh(prompt, line);
        break;
      case '\t': {
        TabResult result = line.complete(names);
        if (result.kind == TabResult::Kind::Nothing) {
          out_ << '\a' << std::flush;
        } else if (result.kind == TabResult::Kind::Completed) {
          refresh(prompt, line);
        } else {
          out_ << "\n";
          for (std::size_t i = 0; i < result.choices.size() && i < kMaxListed; ++i)
            out_ << (i > 0 ? "  " : "") << result.choices[i];
          out_ << (result.choices.size() > kMaxListed ? "  …\n" : "\n");
          shown_columns_ = 0;
          refresh(prompt, line);
        }
        break;
      }
      case 0x1B: {  // an escape sequence (arrows, function keys): skipped whole
        const auto kind = next_byte();
        if (kind == '[') {
          std::string parameters;
          auto b = next_byte();
          for (; b && !(*b >= 0x40 && *b <= 0x7E); b = next_byte())
            parameters += static_cast<char>(*b);
          if (b == '~' && parameters == "200") {  // the start of a bracketed paste
            read_paste(line);
            refresh(prompt, line);
          }
        } else if (kind == 'O') {
          next_byte();
        }
        break;
      }
      default: {
        if (*byte < 0x20) break;  // other control keys
        const std::size_t length = utf8_sequence_length(*byte);
        if (length == 0) break;  // a byte that cannot start a character is dropped
        std::string character(1, static_cast<char>(*byte));
        while (character.size() < length) {
          const auto more = next_byte();
          if (!more) break;
          if (!is_utf8_continuation(*more)) {  // a malformed sequence is dropped, the next key kept
            --pending_at_;
            break;
          }
          character += static_cast<char>(*more);
        }
        if (character.size() != length) break;
        line.insert(character);
        out_ << character << std::flush;
        shown_columns_ += display_width(character);
      }
    }
  }
}

bool terminal_supports_editing() {
  const char* term = std::getenv("TERM");
  if (term == nullptr || *term == '\0') return false;
  for (const char* plain : {"dumb", "cons25", "emacs"})
    if (std::strcmp(term, plain) == 0) return false;
  return true;
}

}  // namespace ccnt::cli
