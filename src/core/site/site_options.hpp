// What `ccnt site` is asked to build: where, and the settings a data repository gives its
// website. Filled from the command line's flags and, where one is not given, from the `site:` of
// the tree's .ccnt.yaml (SiteSettings, core/tree/tree_settings.hpp), so it holds values, not
// flags.
#pragma once

#include <filesystem>
#include <string>

namespace ccnt {

struct SiteOptions {
  std::filesystem::path output_dir = "_site";  // written by ccnt site alone (docs/site.md)
  // Where the site will be published, https://…/ (for the feed's and the API's absolute links);
  // empty: links are relative to the file that holds them.
  std::string base_url;
  // The data repository on a forge, https://github.com/OWNER/REPO: each policy page then links
  // to `<repository_url>/edit/<branch>/<path>`. Empty: no edit links.
  std::string repository_url;
  std::string branch = "main";
  unsigned jobs = 0;  // worker threads; 0 = one per core
};

}  // namespace ccnt
