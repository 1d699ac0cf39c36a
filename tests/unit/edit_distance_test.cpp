#include <catch2/catch.hpp>

#include "core/util/edit_distance.hpp"

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

TEST_CASE("closest_matches finds Chinese short forms, not Latin letters scattered in a name") {
  const std::vector<std::string> names{"规上工业单位增加值能耗下降率", "单位地区生产总值能耗下降率",
                                       "industry", "indicator"};
  CHECK(closest_matches("规上工业能耗下降率", names) ==
        std::vector<std::string>{"规上工业单位增加值能耗下降率"});
  CHECK(closest_matches("规上能耗", names) ==
        std::vector<std::string>{"规上工业单位增加值能耗下降率"});
  CHECK(closest_matches("GDP能耗", names).empty());  // not all Han: no short form
  CHECK(closest_matches("iny", names).empty());      // i…n…y is in "industry", but Latin
}

TEST_CASE("did_you_mean words the hint, or nothing without names") {
  CHECK(did_you_mean({}).empty());
  CHECK(did_you_mean({"zhejiang", "浙江"}) == "did you mean zhejiang, 浙江?");
  CHECK(did_you_mean({"a", "b"}, "; ") == "did you mean a; b?");
}

TEST_CASE("edit_distance counts a swap of neighbours as one edit") {
  CHECK(edit_distance("nwe", "new") == 1);
  CHECK(edit_distance("zhejaing", "zhejiang") == 1);
  CHECK(edit_distance("江浙", "浙江") == 1);
  CHECK(edit_distance("abc", "cba") == 2);
  CHECK(closest_matches("nwe", {"new", "show", "list"}) == std::vector<std::string>{"new"});
}
