// The checks across policy files: an id used twice (E050), a title recorded twice in one
// region (E051); the later file is the one reported, naming the earlier.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/policy/cross_file_checks.hpp"

using namespace ccnt;

namespace {

Policy policy(std::string id, std::string region, std::string title, std::string path) {
  Policy p;
  p.id = std::move(id);
  p.region = std::move(region);
  p.title = std::move(title);
  p.path = std::move(path);
  p.id_mark = {2, 5};
  p.title_mark = {3, 8};
  return p;
}

}  // namespace

TEST_CASE("distinct ids and titles give no diagnostics") {
  Diagnostics diagnostics;
  check_across_files({policy("a-plan", "zhejiang", "甲方案", "a.yaml"),
                      policy("b-plan", "zhejiang", "乙方案", "b.yaml"),
                      policy("c-plan", "guangdong", "甲方案", "c.yaml")},  // another region
                     diagnostics);
  CHECK(diagnostics.all().empty());
}

TEST_CASE("a repeated id is E050 at the later file's id") {
  Diagnostics diagnostics;
  check_across_files({policy("same-id", "zhejiang", "甲方案", "a.yaml"),
                      policy("same-id", "guangdong", "乙方案", "b.yaml")},
                     diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  const Diagnostic& d = diagnostics.all().front();
  CHECK(d.code == "E050");
  CHECK(d.path == "b.yaml");
  CHECK(d.mark.line == 2);
  CHECK(d.message == "id `same-id` is already used by a.yaml");
}

TEST_CASE("a repeated title in one region is E051 at the later file's title") {
  Diagnostics diagnostics;
  check_across_files({policy("a-plan", "zhejiang", "甲方案", "a.yaml"),
                      policy("b-plan", "zhejiang", "甲方案", "b.yaml"),
                      policy("c-plan", "zhejiang", "甲方案", "c.yaml")},
                     diagnostics);
  REQUIRE(diagnostics.all().size() == 2);
  for (const Diagnostic& d : diagnostics.all()) {
    CHECK(d.code == "E051");
    CHECK(d.mark.line == 3);
    CHECK(d.message == "the same title is already recorded in a.yaml");  // the first one
  }
}

TEST_CASE("a large tree is checked on two threads with the same result") {
  // Ids repeat from 11,000 on; titles from 11,500 on, in the same region (11,500 is even).
  std::vector<Policy> policies;
  for (int i = 0; i < 12000; ++i)
    policies.push_back(policy("id-" + std::to_string(i % 11000), "r" + std::to_string(i % 2),
                              "t" + std::to_string(i % 11500), "f" + std::to_string(i)));
  Diagnostics diagnostics;
  check_across_files(policies, diagnostics);
  std::size_t ids = 0;
  std::size_t titles = 0;
  for (const Diagnostic& d : diagnostics.all()) (d.code == "E050" ? ids : titles) += 1;
  CHECK(ids == 1000);
  CHECK(titles == 500);
  CHECK(diagnostics.all().front().path == "f11000");  // in the policies' order
}
