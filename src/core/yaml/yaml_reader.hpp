// Reads one YAML file into a Node tree, checking what yaml-cpp lets through:
// encoding, control characters, duplicate keys, anchors, several documents.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/diag/diagnostic.hpp"
#include "core/yaml/document.hpp"
#include "core/yaml/yaml_limits.hpp"

namespace ccnt {

// Parses the bytes of one YAML document. Returns nullopt when the file cannot
// be used at all; every problem found is appended to diagnostics under `path`.
std::optional<Node> parse_yaml(std::string_view bytes, const std::string& path,
                               Diagnostics& diagnostics, const YamlLimits& limits = {});

}  // namespace ccnt
