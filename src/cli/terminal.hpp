// What the command layer needs to know about the terminal it prints to.
#pragma once

#include <cstddef>
#include <cstdio>

namespace ccnt::cli {

// True when `stream` is a terminal (not a pipe or a file).
bool is_terminal(std::FILE* stream);

// Columns of the terminal `stream` is: the window size (TIOCGWINSZ), else the
// COLUMNS environment variable, else 80; 0 when `stream` is not a terminal.
std::size_t terminal_width(std::FILE* stream);

}  // namespace ccnt::cli
