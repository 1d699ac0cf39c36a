#include "cli/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace ccnt::cli {

bool is_terminal(std::FILE* stream) {
  return ::isatty(::fileno(stream)) != 0;
}

std::size_t terminal_width(std::FILE* stream) {
  if (!is_terminal(stream)) return 0;
  struct winsize size {};
  if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const std::string_view text(columns);
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && value > 0) return value;
  }
  return 80;
}

}  // namespace ccnt::cli
