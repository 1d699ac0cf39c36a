// The Chinese catalogs against the code: every message the code passes to tr() or trf() has a
// translation with the same arguments, and every translation is still used.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/args.h>
#include <catch2/catch.hpp>

#include "cli/catalog_zh_cli.hpp"
#include "core/diag/message_catalog.hpp"
#include "file_text.hpp"
#include "source_dir.hpp"

namespace fs = std::filesystem;

namespace {

// The text of a C++ string literal starting at `at` (just after its opening quote), with the
// escapes the code uses; `at` ends after the closing quote.
std::string literal_at(const std::string& code, std::size_t& at) {
  std::string out;
  while (at < code.size() && code[at] != '"') {
    if (code[at] == '\\' && at + 1 < code.size()) {
      const char c = code[++at];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += code[at];
    }
    ++at;
  }
  ++at;
  return out;
}

// Every message in `code` written as tr("...") or trf("...", ...), adjacent literals joined.
std::vector<std::string> messages_in(const std::string& code) {
  std::vector<std::string> found;
  for (const std::string call : {"tr(", "trf("}) {
    for (std::size_t at = code.find(call); at != std::string::npos; at = code.find(call, at)) {
      const bool word_start = at == 0 || !(std::isalnum(static_cast<unsigned char>(code[at - 1])) ||
                                           code[at - 1] == '_');
      at = code.find_first_not_of(" \n", at + call.size());
      if (at == std::string::npos || code[at] != '"') continue;
      ++at;
      std::string text = literal_at(code, at);
      for (;;) {  // "a" "b" continue the same literal
        std::size_t next = code.find_first_not_of(" \n", at);
        if (next == std::string::npos || code[next] != '"') break;
        at = next + 1;
        text += literal_at(code, at);
      }
      if (word_start) found.push_back(text);
    }
  }
  return found;
}

// Every tr/trf message of the sources in src/, with the file it is in.
std::map<std::string, std::string> messages_of_sources() {
  std::map<std::string, std::string> messages;
  for (const auto& entry : fs::recursive_directory_iterator(ccnt::testing::source_dir() / "src")) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
    if (entry.path().filename().string().starts_with("catalog_")) continue;
    for (std::string& message : messages_in(ccnt::testing::file_text(entry.path())))
      messages.emplace(std::move(message), entry.path().filename().string());
  }
  return messages;
}

std::size_t placeholders(std::string_view pattern) {
  std::size_t count = 0;
  for (std::size_t i = 0; i + 1 < pattern.size(); ++i)
    if (pattern[i] == '{' && pattern[i + 1] != '{') ++count;
  return count;
}

}  // namespace

TEST_CASE("every message of the code has a Chinese translation, and every translation is used") {
  std::map<std::string_view, std::string_view> catalog;
  for (auto part : {ccnt::chinese_diagnostics(), ccnt::cli::chinese_cli_messages()})
    for (const ccnt::Translation& t : part) {
      INFO(t.english);
      CHECK(catalog.emplace(t.english, t.translated).second);  // listed once
    }
  const auto messages = messages_of_sources();
  REQUIRE(messages.size() > 100);
  for (const auto& [message, file] : messages) {
    INFO(file << ": " << message);
    CHECK(catalog.count(message) == 1);
  }
  for (const auto& [english, translated] : catalog) {
    INFO(english);
    CHECK(messages.count(std::string(english)) == 1);
  }
}

TEST_CASE("a translation takes the same arguments as its English") {
  for (auto part : {ccnt::chinese_diagnostics(), ccnt::cli::chinese_cli_messages()})
    for (const ccnt::Translation& t : part) {
      INFO(t.english << " → " << t.translated);
      const std::size_t count = placeholders(t.english);
      fmt::dynamic_format_arg_store<fmt::format_context> args;
      for (std::size_t i = 0; i < count; ++i) args.push_back("x" + std::to_string(i));
      std::string english;
      std::string translated;
      REQUIRE_NOTHROW(english = fmt::vformat(t.english, args));
      REQUIRE_NOTHROW(translated = fmt::vformat(t.translated, args));
      for (std::size_t i = 0; i < count; ++i)  // each argument appears in the translation
        CHECK(translated.find("x" + std::to_string(i)) != std::string::npos);
    }
}

TEST_CASE("tr and trf use the catalog of the current language") {
  const std::string english = "id `{}` is already used by {}";
  ccnt::set_language(ccnt::Language::English);
  CHECK(ccnt::trf(english, "a", "b") == "id `a` is already used by b");
  ccnt::set_language(ccnt::Language::Chinese);
  CHECK(ccnt::trf(english, "a", "b") != "id `a` is already used by b");
  CHECK(ccnt::tr("a message nobody translated") == "a message nobody translated");
  ccnt::set_language(ccnt::Language::English);
}
