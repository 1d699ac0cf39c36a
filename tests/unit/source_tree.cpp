#include "source_tree.hpp"

#include <catch2/catch.hpp>

#include "source_dir.hpp"

namespace ccnt::testing {

const Registry& source_registry() {
  static const Registry loaded = [] {
    Diagnostics diagnostics;
    auto registry = Registry::load(ccnt::testing::source_dir() / "schemas", diagnostics);
    REQUIRE(registry);
    return std::move(*registry);
  }();
  return loaded;
}

const Project& source_project() {
  static const Project project = [] {
    Diagnostics diagnostics;
    auto opened = open_project(ccnt::testing::source_dir(), diagnostics);
    REQUIRE(opened);
    return std::move(*opened);
  }();
  return project;
}

}  // namespace ccnt::testing
