// The diagnostic codes of the code and of docs/errors.md in step: every code the sources
// report is documented, and every documented code is still reported.
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "file_text.hpp"
#include "source_dir.hpp"

namespace fs = std::filesystem;

namespace {

// Codes written as string literals ("E050", "W003"), as Diagnostics::error and warning take them.
std::set<std::string> codes_in_code(const std::string& code) {
  static const std::regex kLiteral(R"re("([EW][0-9]{3})")re");
  std::set<std::string> codes;
  for (auto it = std::sregex_iterator(code.begin(), code.end(), kLiteral);
       it != std::sregex_iterator(); ++it)
    codes.insert((*it)[1].str());
  return codes;
}

// Codes that start a row of a table in docs/errors.md ("| E050 | error | ...").
std::set<std::string> codes_in_docs(const std::string& markdown) {
  static const std::regex kRow(R"(^\|[ \t]*([EW][0-9]{3})[ \t]*\|)", std::regex::multiline);
  std::set<std::string> codes;
  for (auto it = std::sregex_iterator(markdown.begin(), markdown.end(), kRow);
       it != std::sregex_iterator(); ++it)
    codes.insert((*it)[1].str());
  return codes;
}

std::set<std::string> codes_of_sources() {
  std::set<std::string> codes;
  for (const auto& entry : fs::recursive_directory_iterator(ccnt::testing::source_dir() / "src")) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
    codes.merge(codes_in_code(ccnt::testing::file_text(entry.path())));
  }
  return codes;
}

}  // namespace

TEST_CASE("codes are found in code and in the tables of the docs") {
  CHECK(codes_in_code(R"(d.error("E050", path, {}, "x"); // E051 in a comment)") ==
        std::set<std::string>{"E050"});
  CHECK(codes_in_docs("| code | severity |\n| --- | --- |\n| W003 | warning | loop |\n"
                      "see E001 in the text\n") == std::set<std::string>{"W003"});
}

TEST_CASE(
    "every diagnostic code of the code is in docs/errors.md, and every documented code "
    "is in the code") {
  const std::set<std::string> in_code = codes_of_sources();
  const std::set<std::string> in_docs =
      codes_in_docs(ccnt::testing::file_text(ccnt::testing::source_dir() / "docs" / "errors.md"));
  REQUIRE(in_code.size() > 40);  // the sources were read
  for (const std::string& code : in_code) {
    INFO(code << " is reported by the code but not listed in docs/errors.md");
    CHECK(in_docs.count(code) == 1);
  }
  for (const std::string& code : in_docs) {
    INFO(code << " is listed in docs/errors.md but no source reports it");
    CHECK(in_code.count(code) == 1);
  }
}
