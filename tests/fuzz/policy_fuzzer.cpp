// libFuzzer target: arbitrary bytes as a policy file, through everything ccnt does with one
// file — the YAML readers, the schema, the policy checks — and through the cache's encoding.
// The fast reader of plain block style (yaml_fast_path.hpp) must build exactly the tree
// yaml-cpp builds whenever it accepts an input. Built with -DCCNT_FUZZ=ON (clang only); run
// with tests/fuzz/run.sh SECONDS.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "core/policy/policy_checks.hpp"
#include "core/tree/policy_cache.hpp"
#include "core/tree/project.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace {

// The repository's schemas and registries, loaded once.
const ccnt::Project& project() {
  static const ccnt::Project loaded = [] {
    ccnt::Diagnostics diagnostics;
    auto opened = ccnt::open_project(std::filesystem::path(CCNT_SOURCE_DIR), diagnostics);
    if (!opened) std::abort();  // the repository's own schemas must load
    return std::move(*opened);
  }();
  return loaded;
}

bool same_mark(const ccnt::Mark& a, const ccnt::Mark& b) {
  return a.line == b.line && a.column == b.column;
}

bool same_tree(const ccnt::Node& a, const ccnt::Node& b) {
  if (a.kind != b.kind || !same_mark(a.mark, b.mark) || a.scalar != b.scalar ||
      a.plain != b.plain || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size())
    return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same_tree(a.items[i], b.items[i])) return false;
  for (std::size_t i = 0; i < a.entries.size(); ++i)
    if (a.entries[i].key != b.entries[i].key ||
        !same_mark(a.entries[i].key_mark, b.entries[i].key_mark) ||
        !same_tree(a.entries[i].value, b.entries[i].value))
      return false;
  return true;
}

std::string describe(const ccnt::Diagnostics& diagnostics) {
  std::string out;
  for (const ccnt::Diagnostic& d : diagnostics.all())
    out += d.code + " " + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column) + " " +
           d.message + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string display = "policies/zhejiang/industry/fuzz.yaml";
  const std::filesystem::path file = project().policies_dir() / "zhejiang/industry/fuzz.yaml";

  ccnt::Diagnostics diagnostics;
  auto document = ccnt::parse_yaml(bytes, display, diagnostics);
  ccnt::YamlLimits full_reader;
  full_reader.fast_path = false;
  ccnt::Diagnostics full_diagnostics;
  auto full_document = ccnt::parse_yaml(bytes, display, full_diagnostics, full_reader);
  if (document.has_value() != full_document.has_value() ||
      (document && !same_tree(*document, *full_document)) ||
      describe(diagnostics) != describe(full_diagnostics)) {
    std::fprintf(stderr, "the fast YAML reader and yaml-cpp disagree\nfast:\n%sfull:\n%s",
                 describe(diagnostics).c_str(), describe(full_diagnostics).c_str());
    std::abort();
  }

  std::optional<ccnt::Policy> policy;
  if (document)
    policy = ccnt::check_policy(*document, file, display, project(),
                                ccnt::PartialDate{2026, 11, 24}, diagnostics);
  // Every diagnostic must point inside the file or at the whole file.
  for (const ccnt::Diagnostic& d : diagnostics.all())
    if (d.mark.line < 0 || d.mark.column < 0 || d.path != display || d.code.empty()) std::abort();
  ccnt::PolicyCache::encode_entry("zhejiang/industry/fuzz.yaml", {}, policy ? &*policy : nullptr,
                                  diagnostics, display);
  return 0;
}
