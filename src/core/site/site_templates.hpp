// The layout of the website: the Mustache templates, stylesheet, script and strings of
// templates/site/, each the data tree's own file when it has one, else the one built into ccnt.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "core/diag/diagnostic.hpp"
#include "core/site/site_locale.hpp"

namespace ccnt {

// The page templates (templates/site/<name>.html.mustache), the frame first.
inline constexpr std::string_view kSitePageNames[] = {
    "layout", "home",    "search",   "policy",    "region",  "regions",   "sector", "sectors",
    "issuer", "issuers", "bulletin", "bulletins", "targets", "downloads", "404"};
// The files copied to assets/ as they are.
inline constexpr std::string_view kSiteAssetNames[] = {"site.css", "site.js"};
inline constexpr std::string_view kSiteStringsName = "strings.yaml";

// One file of the layout.
struct SiteSource {
  std::string name;  // as in templates/site/: policy.html.mustache, site.css
  std::string text;
  std::string path;  // as displayed: templates/site/policy.html.mustache, or the built-in one
  bool own = false;  // the data tree's file
};

class SiteTemplates {
 public:
  // Reads every file (a tree's own file only from inside the tree), checks the templates' syntax
  // (E124) and the names they use (W120, against `names`), and reads the strings (E125, W121).
  // nullopt when a template cannot be used or the strings have errors.
  static std::optional<SiteTemplates> load(const std::filesystem::path& root,
                                           const std::vector<std::string>& names,
                                           Diagnostics& diagnostics);

  const SiteSource& file(std::string_view name) const;
  const SiteStrings& strings() const { return *strings_; }
  // Every file of the layout, for the record of what a build depends on.
  const std::vector<SiteSource>& files() const { return files_; }

 private:
  std::vector<SiteSource> files_;
  std::shared_ptr<SiteStrings> strings_;
};

// The page templates of one language, parsed once, with each {{t.name}} replaced by the
// language's string (HTML-escaped), so that a page's data need not carry the strings. Rendering
// changes kainjow's state: one instance per thread.
class CompiledSiteTemplates {
 public:
  CompiledSiteTemplates(const SiteTemplates& templates, const SiteLocale& locale);

  // Renders template `page` with `data`; values are HTML-escaped ({{name}}) unless written
  // {{{name}}}.
  std::string render(std::string_view page, const kainjow::mustache::data& data);

 private:
  std::map<std::string, kainjow::mustache::mustache, std::less<>> pages_;
};

// The template text with {{t.name}} put in for `locale` (exposed for tests).
std::string put_in_strings(std::string_view text, const SiteLocale& locale);

}  // namespace ccnt
