#include "core/policy/schema_enum.hpp"

#include "core/tree/source_file.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {

std::vector<std::string> schema_enum(const Node& schema, std::string_view property) {
  const Node* properties = schema.find("properties");
  const Node* field = properties ? properties->find(property) : nullptr;
  const Node* values = field ? field->find("enum") : nullptr;
  std::vector<std::string> result;
  if (!values || !values->is_sequence()) return result;
  for (const Node& value : values->items)
    if (value.is_scalar()) result.push_back(value.scalar);
  return result;
}

std::vector<std::string> schema_enum(const std::filesystem::path& schema_file,
                                     std::string_view property) {
  Diagnostics ignored;  // a broken schema is reported by whatever opens the project
  const std::string display = schema_file.string();
  const auto bytes = read_source_file(schema_file, display, ignored);
  if (!bytes) return {};
  const auto tree = parse_yaml(*bytes, display, ignored);
  return tree ? schema_enum(*tree, property) : std::vector<std::string>{};
}

}  // namespace ccnt
