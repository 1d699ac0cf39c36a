// A validator for a subset of JSON Schema draft-07 that works on ccnt's own
// YAML tree, so that every violation points at a line and column.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/yaml/document.hpp"

namespace ccnt {

// Where validate() found a document wrong, so that the checks after the schema can run on
// every top-level field it did not find wrong (all problems of a file in one run).
struct SchemaFindings {
  bool document_broken = false;            // the document as a whole (not a mapping, …)
  std::vector<std::string> broken_fields;  // top-level fields missing or with a wrong value

  bool broken(std::string_view field) const {
    return document_broken ||
           std::find(broken_fields.begin(), broken_fields.end(), field) != broken_fields.end();
  }
};

// A compiled JSON Schema (draft-07 subset) that validates Node trees.
//
// Supported keywords: $schema, $id, $comment, title, description, examples,
// default (annotations, ignored); type, properties, required,
// additionalProperties, enum, const, pattern, minLength, maxLength, items
// (one schema), minItems, maxItems, uniqueItems, minimum, maximum,
// exclusiveMinimum, exclusiveMaximum, $ref (#/definitions/NAME only),
// definitions (top level only), oneOf, anyOf, allOf. Boolean schemas
// (true/false) are accepted wherever a schema is.
//
// A compiled schema is immutable and cheap to copy (copies share it), and
// validate() may run concurrently on one instance from several threads.
class JsonSchema {
 public:
  // Compiles a schema given as a Node tree (the .json file is read with the same YAML reader).
  // Unsupported keywords, bad $refs, malformed values → diagnostics with code "E090" against
  // schema_path, and the result is nullopt.
  static std::optional<JsonSchema> compile(const Node& schema, const std::string& schema_path,
                                           Diagnostics& diagnostics);

  // Validates a document, appending one diagnostic per violation (all of them, not just the
  // first) with `path` as the file. Codes E020–E027, see docs/errors.md. Unknown fields
  // (E022) break no field.
  SchemaFindings validate(const Node& document, const std::string& path,
                          Diagnostics& diagnostics) const;

 private:
  // The compiled form (sub-schemas, regexes, sorted property tables), defined in the .cpp.
  struct Compiled;

  explicit JsonSchema(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}

  std::shared_ptr<const Compiled> compiled_;  // shared and never modified after compile()
};

}  // namespace ccnt
