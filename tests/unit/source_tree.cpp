#include "source_tree.hpp"

#include <catch2/catch.hpp>

namespace ccnt::testing {

const Registry& source_registry() {
  static const Registry loaded = [] {
    Diagnostics diagnostics;
    auto registry = Registry::load(std::filesystem::path(CCNT_SOURCE_DIR) / "schemas", diagnostics);
    REQUIRE(registry);
    return std::move(*registry);
  }();
  return loaded;
}

const Project& source_project() {
  static const Project project = [] {
    Diagnostics diagnostics;
    auto opened = open_project(std::filesystem::path(CCNT_SOURCE_DIR), diagnostics);
    REQUIRE(opened);
    return std::move(*opened);
  }();
  return project;
}

}  // namespace ccnt::testing
