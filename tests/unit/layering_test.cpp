// The layering of the sources (docs/architecture.md): the core library never includes the
// command line, so that every other front end (a website, an importer) can link it alone.
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "file_text.hpp"
#include "source_dir.hpp"

namespace fs = std::filesystem;

namespace {

// The lines of `code` that include a header of the command line ("cli/...").
std::vector<std::string> cli_includes(const std::string& code) {
  static const std::regex kInclude(R"(^[ \t]*#[ \t]*include[ \t]*[<"]cli/[^>"]*[>"])",
                                   std::regex::multiline);
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(code.begin(), code.end(), kInclude);
       it != std::sregex_iterator(); ++it)
    found.push_back(it->str());
  return found;
}

}  // namespace

TEST_CASE("an include of a cli header is recognised however it is spaced") {
  CHECK(cli_includes("#include \"cli/options.hpp\"\n").size() == 1);
  CHECK(cli_includes("int x;\n  #  include <cli/app.hpp>\n").size() == 1);
  CHECK(cli_includes("#include \"core/util/utf8.hpp\"\n// \"cli/app.hpp\"\n").empty());
}

TEST_CASE("no file of src/core includes a header of src/cli") {
  const fs::path core = ccnt::testing::source_dir() / "src" / "core";
  REQUIRE(fs::is_directory(core));
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(core)) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
    ++files;
    for (const std::string& line : cli_includes(ccnt::testing::file_text(entry.path()))) {
      INFO(entry.path().lexically_relative(ccnt::testing::source_dir()).string() << ": " << line);
      FAIL_CHECK("core includes cli");
    }
  }
  CHECK(files > 50);  // the walk saw the core's sources
}
