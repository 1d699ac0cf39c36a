// The bounds of the YAML readers (yaml_reader and its fast path), kept apart so that
// either reader can name them without including the other.
#pragma once

#include <cstddef>

namespace ccnt {

// Bounds that keep hostile input from exhausting the stack or memory.
struct YamlLimits {
  std::size_t max_depth = 32;            // nested maps and sequences
  std::size_t max_scalar_bytes = 65536;  // one key or value
  std::size_t max_nodes = 100000;        // nodes in one document
  bool fast_path = true;  // try the fast reader of plain block style first (yaml_fast_path.hpp)
};

}  // namespace ccnt
