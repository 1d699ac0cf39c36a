// Messages in the user's language, gettext style: every message is written in English in the
// code and looked up whole in a catalog of translations when it is made. The language is chosen
// once at start-up (cli/messages.hpp) and read everywhere after; error codes, flags and file
// contents never change with it.
#pragma once

#include <fmt/format.h>

#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace ccnt {

enum class Language { English, Chinese };

// The language messages are made in for the rest of the run (English until set). Set it before
// starting any thread.
void set_language(Language language);
Language language();

// One entry of a catalog: an exact English message or pattern and its translation, which has
// the same {} arguments (numbered, {0} {1}, when their order changes).
struct Translation {
  std::string_view english;
  std::string_view translated;
};

// Adds entries to the Chinese catalog; the core's own diagnostics are always in it, a program
// adds its own messages at start-up, before any thread starts.
void add_chinese(std::span<const Translation> entries);

// The entries of the Chinese catalog, for tests.
std::span<const Translation> chinese_diagnostics();

// `english` in the current language: its translation, else itself.
std::string_view tr(std::string_view english);

// tr() with the arguments put in, e.g. the pattern `missing {}` with a flag name.
template <typename... Args>
std::string trf(std::string_view english, Args&&... args) {
  return fmt::format(fmt::runtime(tr(english)), std::forward<Args>(args)...);
}

}  // namespace ccnt
