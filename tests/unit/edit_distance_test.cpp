#include <catch2/catch.hpp>

#include "core/edit_distance.hpp"

using namespace ccnt;

TEST_CASE("edit_distance counts code points, not bytes") {
  CHECK(edit_distance("浙江", "浙江") == 0);
  CHECK(edit_distance("浙江", "江") == 1);
  CHECK(edit_distance("shanxi", "shaanxi") == 1);
  CHECK(edit_distance("Zhejiang", "zhejiang") == 0);
}

TEST_CASE("closest_matches suggests plausible typos only, best first") {
  const std::vector<std::string> names{"zhejiang", "浙江", "jiangsu", "shanxi", "shaanxi"};
  CHECK(closest_matches("zhejang", names) == std::vector<std::string>{"zhejiang"});
  CHECK(closest_matches("浙", names) == std::vector<std::string>{"浙江"});
  CHECK(closest_matches("shanxxi", names).front() == "shanxi");
  CHECK(closest_matches("tokyo", names).empty());
}
