// Rendering the monthly bulletin: the editorial plan and the policies turned
// into the data of a logic-less Mustache template (templates/bulletin.md.mustache).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bulletin/bulletin_editorial.hpp"
#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// The tree's own default template, root/templates/bulletin.md.mustache, when it exists;
// else a bulletin is laid out with builtin_bulletin_template().
std::optional<std::filesystem::path> find_bulletin_template(const std::filesystem::path& root);

// The default template compiled into ccnt from templates/bulletin.md.mustache.
std::string_view builtin_bulletin_template();

// Every variable and section name the renderer provides, for checking templates.
const std::vector<std::string>& bulletin_template_names();

// Checks a template's syntax (E068, with the position of the broken tag) and
// warns about names the renderer does not provide (W062), so that a typo in a
// template is not silently rendered as nothing. True when it can be rendered.
bool check_bulletin_template(std::string_view template_text, const std::string& path,
                             Diagnostics& diagnostics);

// What the renderer links to beyond the data: the website's page of a policy ({{url}} in the
// template), when rendering for the website (`ccnt site`). Empty: no links.
struct BulletinLinks {
  std::function<std::string(const Policy&)> policy_url = {};
};

// Renders the bulletin of an editorial plan (read from a file or drafted)
// with the template. `policies` is the tree; the plan's ids are looked up in
// it. Text from policy files is escaped for Markdown ({{name}}); editorial text
// is Markdown already ({{{name}}}). Runs of blank lines are folded into one.
// Returns nullopt, with E068, when the template cannot be rendered. The same rendering is the
// Markdown of `ccnt report` and, converted to HTML, the bulletin pages of `ccnt site`.
std::optional<std::string> render_bulletin(std::string_view template_text,
                                           const std::string& template_path,
                                           const BulletinEditorial& editorial,
                                           const std::vector<Policy>& policies,
                                           const Registry& registry, Diagnostics& diagnostics,
                                           const BulletinLinks& links = {});

// Folds runs of blank (or blank-looking) lines into one, drops leading blank
// lines and ends the text with exactly one newline.
std::string tidy_blank_lines(std::string_view text);

}  // namespace ccnt
