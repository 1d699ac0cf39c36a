// libFuzzer target: arbitrary bytes as a policy file, through everything ccnt does with one
// file — the YAML readers, the schema, the policy checks — and through the cache's encoding.
// The fast reader of plain block style (yaml_fast_path.hpp) must build exactly the tree
// yaml-cpp builds whenever it accepts an input. Built with -DCCNT_FUZZ=ON (clang only); run
// with tests/fuzz/run.sh SECONDS.
// Every output ccnt makes of the file — the diagnostics of `validate` in each format (also under
// a path made of the input's bytes), each `list` format, the `show` formats — must hold no raw
// control byte (beyond the line ends and tabs of its format) and, where it is JSON, be UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "core/diag/diagnostic_format.hpp"
#include "core/output/json_writer.hpp"
#include "core/output/policy_export.hpp"
#include "core/output/text_table.hpp"
#include "core/output/visible_text.hpp"
#include "core/policy/policy_checks.hpp"
#include "core/tree/policy_cache.hpp"
#include "core/tree/project.hpp"
#include "core/util/utf8.hpp"
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

// Aborts when `out` holds a control byte other than LF (and tab or CRLF where the format has
// them), DEL or a C1 control, or is JSON that is not UTF-8.
void check_output(const std::string& out, const char* what, bool tabs = false, bool crlf = false,
                  bool json = false) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto byte = static_cast<unsigned char>(out[i]);
    const bool allowed = byte == '\n' || (tabs && byte == '\t') ||
                         (crlf && byte == '\r' && i + 1 < out.size() && out[i + 1] == '\n');
    const bool c1 = byte == 0xC2 && i + 1 < out.size() &&
                    static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(out[i + 1]) <= 0x9F;
    if (((byte < 0x20 || byte == 0x7F) && !allowed) || c1) {
      std::fprintf(stderr, "raw control byte 0x%02X at %zu in the %s output\n", byte, i, what);
      std::abort();
    }
  }
  if (json && ccnt::find_invalid_utf8(out)) {
    std::fprintf(stderr, "the %s output is not UTF-8\n", what);
    std::abort();
  }
}

// Aborts when a line of a text output would be a CI workflow command: `::` at its start after
// blanks, or `##[` anywhere.
void check_no_ci_command(const std::string& out, const char* what) {
  bool line_start = true;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 3, "##[") == 0 || (line_start && out.compare(i, 2, "::") == 0)) {
      std::fprintf(stderr, "a workflow command at %zu in the %s output\n", i, what);
      std::abort();
    }
    if (out[i] == '\n' || out[i] == '\r')
      line_start = true;
    else if (out[i] != ' ' && out[i] != '\t')
      line_start = false;
  }
}

// Every output of `validate`, `list` and `show` for this file.
void check_outputs(std::string_view bytes, const ccnt::Diagnostics& diagnostics,
                   const std::optional<ccnt::Policy>& policy) {
  using ccnt::DiagnosticFormat;
  // The diagnostics again under a path made of the input's first bytes, as a file name may be.
  ccnt::Diagnostics renamed;
  const std::string hostile_path(bytes.substr(0, 40));
  for (ccnt::Diagnostic d : diagnostics.all()) {
    d.path = hostile_path;
    renamed.add(std::move(d));
  }
  const ccnt::Diagnostics* const lists[] = {&diagnostics, &renamed};
  for (const ccnt::Diagnostics* list : lists) {
    const std::string text = ccnt::format_diagnostics(*list, DiagnosticFormat::Text, 1, 0, false);
    check_output(text, "text");
    check_no_ci_command(text, "text");
    check_output(ccnt::format_diagnostics(*list, DiagnosticFormat::Json, 1, 0, false), "json",
                 false, false, true);
    check_output(ccnt::format_diagnostics(*list, DiagnosticFormat::Github, 1, 0, false), "github");
  }
  // `show --format yaml` and `show` text escape whatever the file holds.
  check_output(ccnt::visible_text(bytes, ccnt::LineBreaks::Keep), "show", true);
  check_output(ccnt::visible_text(bytes), "visible text");
  if (!policy) return;
  const std::vector<const ccnt::Policy*> one{&*policy};
  const ccnt::Registry& registry = project().registry;
  using ccnt::OutputFormat;
  for (OutputFormat format : {OutputFormat::Json, OutputFormat::Jsonl, OutputFormat::Yaml,
                              OutputFormat::Markdown, OutputFormat::Ids})
    check_output(ccnt::export_policies(one, registry, format), "list", false, false,
                 format == OutputFormat::Json || format == OutputFormat::Jsonl);
  check_output(ccnt::export_policies(one, registry, OutputFormat::Csv), "csv", false, true);
  check_output(ccnt::export_policies(one, registry, OutputFormat::Tsv), "tsv", true);
  ccnt::TextTable table;  // the default `list` table
  table.headers = {"title", "id", "path"};
  table.rows.push_back({policy->title, policy->id, policy->path});
  const std::string rendered = table.render(80);
  check_output(rendered, "table");
  check_no_ci_command(rendered, "table");
  std::string json;
  ccnt::append_policy_json(json, *policy, registry, true);
  check_output(json, "show json", false, false, true);
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
  check_outputs(bytes, diagnostics, policy);
  ccnt::PolicyCache::encode_entry("zhejiang/industry/fuzz.yaml", {}, policy ? &*policy : nullptr,
                                  diagnostics, display);
  return 0;
}
