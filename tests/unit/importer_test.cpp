#include <catch2/catch.hpp>

#include "core/import/importer.hpp"

using namespace ccnt;

TEST_CASE("import: issuers are split on every separator, trimmed, without repeats") {
  const std::vector<std::string> separators = {",", "，", "、", " "};
  CHECK(split_issuers("国务院、中共中央", separators) ==
        std::vector<std::string>{"国务院", "中共中央"});
  CHECK(split_issuers(" 甲部门, 乙部门，甲部门  丙部门等部门 ", separators) ==
        std::vector<std::string>{"甲部门", "乙部门", "丙部门等部门"});
  CHECK(split_issuers("", separators).empty());
  CHECK(split_issuers("A, B", {}) == std::vector<std::string>{"A, B"});
}

TEST_CASE("import: ids come from the record, not from the order of the export") {
  const std::string a = imported_policy_id("national", "tracker", "00ff");
  CHECK(a == imported_policy_id("national", "tracker", "00ff"));
  CHECK(a != imported_policy_id("national", "tracker", "00fe"));
  CHECK(a.starts_with("national-tracker-"));
  CHECK(a.size() == std::string("national-tracker-").size() + 12);
}
