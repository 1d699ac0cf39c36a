#include "cli/messages.hpp"

#include <cstdlib>

#include "cli/catalog_zh_cli.hpp"

namespace ccnt::cli {

Language language_for(std::string_view lang_flag) {
  if (lang_flag == "zh") return Language::Chinese;
  if (lang_flag == "en") return Language::English;
  // POSIX precedence: the first of these that is set and not empty decides.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value)
      return std::string_view(value).starts_with("zh") ? Language::Chinese : Language::English;
  }
  return Language::English;
}

std::string_view lang_flag_in(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--lang" && i + 1 < argc) return argv[i + 1];
    if (arg.starts_with("--lang=")) return arg.substr(7);
  }
  return {};
}

void use_language(Language language) {
  if (language == Language::Chinese) add_chinese(chinese_cli_messages());
  set_language(language);
}

}  // namespace ccnt::cli
