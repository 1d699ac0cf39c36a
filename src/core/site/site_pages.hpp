// The pages of the website, one function per kind of page: each gathers the page's data from
// the model and renders it with its template inside the frame (layout.html.mustache). Every
// link is relative, so that the site works from file:// and from any directory of any host.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/site/site_bulletins.hpp"
#include "core/site/site_locale.hpp"
#include "core/site/site_model.hpp"
#include "core/site/site_options.hpp"
#include "core/site/site_templates.hpp"

namespace ccnt {

// One file of the site: its path from the site's root and its content.
struct SiteFile {
  std::string path;
  std::string content;
};

// What pages need besides the model: the bulletins and the sizes of the downloads.
struct SiteExtras {
  const std::vector<SiteBulletin>* bulletins = nullptr;
  // For each policy id, the indexes of the bulletins that present it.
  std::unordered_map<std::string, std::vector<std::size_t>> bulletins_of;
  std::string csv_size;
  std::string json_size;
};

// The paths of pages inside a language's part of the site.
std::string policy_page(const std::string& id);
std::string region_page(const std::string& slug);
std::string sector_page(const std::string& slug);
// issuers/<id>.html, an agency id's '/' kept as a directory; empty when the id cannot be a path.
std::string issuer_page(const std::string& id);
std::string bulletin_page(const std::string& month);

// Renders pages of one language. Holds parsed templates: one per thread.
class SitePages {
 public:
  SitePages(const SiteModel& model, const SiteTemplates& templates, const SiteLocale& locale,
            const SiteLocale& other, const SiteOptions& options, const SiteExtras& extras);

  SiteFile home();
  SiteFile search();
  SiteFile policy(std::uint32_t index);
  SiteFile region(const SiteRegion& region);
  SiteFile regions();
  SiteFile sector(const SiteSector& sector);
  SiteFile sectors();
  SiteFile issuer(const SiteIssuer& issuer);
  SiteFile issuers();
  SiteFile bulletin(std::size_t index);
  SiteFile bulletins();
  SiteFile targets();
  SiteFile downloads();
  SiteFile not_found();

 private:
  struct Page;
  // A page at `path` (inside its language's part), with the ways to the roots worked out.
  Page at(std::string path, std::string title, std::string nav, bool script = false) const;
  // A bulletin in a list: its page, its label, its Markdown.
  kainjow::mustache::data bulletin_item(const SiteBulletin& bulletin, const Page& page) const;
  SiteFile render(const Page& page, const std::string& body_template,
                  kainjow::mustache::data& body);

  const SiteModel& model_;
  const SiteLocale& locale_;
  const SiteLocale& other_;
  const SiteOptions& options_;
  const SiteExtras& extras_;
  CompiledSiteTemplates templates_;
};

// Every name the page data provides, for checking a tree's own templates (W120).
const std::vector<std::string>& site_template_names();

}  // namespace ccnt
