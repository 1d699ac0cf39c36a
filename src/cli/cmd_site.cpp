#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/policy_selection.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/site/site_build.hpp"
#include "core/tree/source_file.hpp"
#include "core/tree/tree_settings.hpp"

namespace ccnt::cli {

namespace {

// A URL given by a flag: https:// (or http:// where `http` is allowed), ending in '/' when
// `directory`. The site puts it into links, so nothing else is accepted.
std::string url_or_throw(const std::string& flag, const std::string& value, bool http,
                         bool directory) {
  const bool https = value.starts_with("https://") && value.size() > 8;
  const bool plain = http && value.starts_with("http://") && value.size() > 7;
  const bool clean = value.find_first_of(" \t\r\n\"'<>\\`") == std::string::npos;
  if (!(https || plain) || !clean)
    throw UsageError(trf("{} expects an {} URL, got `{}`", flag, http ? "http(s)" : "https", value),
                     flag == "--base-url"
                         ? trf("for example: --base-url https://OWNER.github.io/REPO/")
                         : trf("for example: --repository https://github.com/OWNER/REPO"));
  std::string url = value;
  if (directory && !url.ends_with("/")) url += '/';
  if (!directory)
    while (url.ends_with("/")) url.pop_back();
  return url;
}

// The site's settings from the flags, and where a flag is not given from the `site:` of the
// tree's .ccnt.yaml (checked when it was read: https URLs, a branch without spaces).
SiteOptions site_options_or_throw(const SiteCliOptions& opts, unsigned jobs,
                                  const SiteSettings& settings) {
  SiteOptions site;
  site.output_dir =
      opts.output.empty() ? std::filesystem::path("_site") : std::filesystem::path(opts.output);
  if (!opts.base_url.empty())
    site.base_url = url_or_throw("--base-url", opts.base_url, true, true);
  else if (!settings.url.empty())
    site.base_url = url_or_throw("--base-url", settings.url, false, true);
  if (!opts.repository.empty())
    site.repository_url = url_or_throw("--repository", opts.repository, false, false);
  else if (!settings.repository.empty())
    site.repository_url = url_or_throw("--repository", settings.repository, false, false);
  if (opts.branch.empty() && !settings.branch.empty()) site.branch = settings.branch;
  if (!opts.branch.empty()) {
    if (opts.branch.find_first_of(" \t\r\n\"'<>\\`?#") != std::string::npos ||
        opts.branch.find("..") != std::string::npos)
      throw UsageError(trf("--branch expects a branch name, got `{}`", opts.branch));
    site.branch = opts.branch;
  }
  site.jobs = jobs;
  return site;
}

}  // namespace

int run_site(const Options& options) {
  site_options_or_throw(options.site, options.global.jobs, {});  // bad flags first, as ever
  const Project project = open_project_or_throw(options.global);
  const SiteOptions site =
      site_options_or_throw(options.site, options.global.jobs, project.settings.site);
  // Every policy, with its text: the site shows them all.
  std::size_t left_out = 0;
  std::vector<Policy> policies = load_matching_policies(
      project, make_filter_or_throw(FilterOptions{}, project), options.global,
      [](const Policy&) { return true; }, &left_out);

  Diagnostics diagnostics;
  const std::optional<SiteBuildResult> result = build_site(project, policies, site, diagnostics);
  const bool colored = use_color(options.global.color, stderr);
  for (const Diagnostic& d : diagnostics.all()) std::cerr << format_diagnostic_text(d, colored);
  const std::string dir = display_path(site.output_dir);
  if (!result) {
    std::cerr << trf("ccnt: error: the website was not written to {}\n", dir);
    return kExitUsage;
  }
  const SiteWriteStats& files = result->files;
  std::cout << trf(
      "wrote the website of {} to {}: {} pages, {} files ({} written, {} unchanged, {} "
      "removed)\n",
      result->policies == 1 ? trf("1 policy") : trf("{} policies", result->policies), dir,
      result->pages, files.files, files.written, files.unchanged, files.removed);
  if (files.failed > 0) {
    std::cerr << (files.failed == 1
                      ? trf("ccnt: error: 1 file could not be written\n")
                      : trf("ccnt: error: {} files could not be written\n", files.failed));
    return kExitUsage;
  }
  std::cout << trf("open {}/index.html in a browser; docs/site.md explains publishing it\n", dir);
  if (left_out > 0 || diagnostics.error_count() > 0) return kExitProblems;
  return kExitOk;
}

}  // namespace ccnt::cli
