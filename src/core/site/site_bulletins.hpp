// The bulletins on the website: every month that has an editorial file, rendered by the one
// renderer of `ccnt report` (the same template, the same Markdown), and that Markdown converted
// to HTML with each policy's headline linked to its page.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "core/site/site_model.hpp"

namespace ccnt {

struct SiteBulletin {
  std::string month;     // YYYY-MM
  std::string markdown;  // exactly what `ccnt report --month` writes
  std::string html;      // the same bulletin as an HTML fragment, headlines linked
  bool has_h1 = false;   // the template gives the bulletin a title heading of its own
  std::vector<std::string> policy_ids;  // the policies it presents, in order
};

// Renders the bulletin of every editorial file in root/bulletins/, oldest first, with the tree's
// templates/bulletin.md.mustache or the built-in one. A file with errors (reported as `ccnt
// validate` reports them) is left out, and W122 says so; a template that cannot be used leaves
// out all of them (E068).
std::vector<SiteBulletin> render_site_bulletins(const std::filesystem::path& root,
                                                const std::vector<Policy>& policies,
                                                const Registry& registry, const SiteModel& model,
                                                Diagnostics& diagnostics);

}  // namespace ccnt
