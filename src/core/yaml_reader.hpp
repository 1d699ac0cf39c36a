// Reads one YAML file into a Node tree, checking what yaml-cpp lets through:
// encoding, control characters, duplicate keys, anchors, several documents.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/document.hpp"

namespace ccnt {

// Bounds that keep hostile input from exhausting the stack or memory.
struct YamlLimits {
  std::size_t max_depth = 32;            // nested maps and sequences
  std::size_t max_scalar_bytes = 65536;  // one key or value
  std::size_t max_nodes = 100000;        // nodes in one document
  bool fast_path = true;  // try the fast reader of plain block style first (yaml_fast_path.hpp)
};

// Parses the bytes of one YAML document. Returns nullopt when the file cannot
// be used at all; every problem found is appended to diagnostics under `path`.
std::optional<Node> parse_yaml(std::string_view bytes, const std::string& path,
                               Diagnostics& diagnostics, const YamlLimits& limits = {});

}  // namespace ccnt
