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

}  // namespace ccnt::testing
