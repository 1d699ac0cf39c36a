// Messages in the user's language: English, or Chinese when --lang zh or the
// locale (LC_ALL, LC_MESSAGES, LANG) asks for it. Error codes, flags and file
// contents never change with the language.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

namespace ccnt::cli {

enum class Language { English, Chinese };

// The language for a --lang value (en or zh); empty: from LC_ALL, else LC_MESSAGES, else
// LANG, Chinese when the first one set starts with "zh".
Language language_for(std::string_view lang_flag);

// The language messages are printed in for the rest of the run (English until set).
void set_language(Language language);
Language language();

// `english` in the current language: its translation from the catalog, else itself. Format
// strings translate whole, with the same {} arguments (numbered when their order changes).
std::string_view tr(std::string_view english);

// tr() with the arguments put in: trf("missing {}", flags).
template <typename... Args>
std::string trf(std::string_view english, Args&&... args) {
  return fmt::format(fmt::runtime(tr(english)), std::forward<Args>(args)...);
}

}  // namespace ccnt::cli
