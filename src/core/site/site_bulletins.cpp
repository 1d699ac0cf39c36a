#include "core/site/site_bulletins.hpp"

#include "core/bulletin/bulletin_check.hpp"
#include "core/bulletin/bulletin_render.hpp"
#include "core/diag/message_catalog.hpp"
#include "core/output/markdown_html.hpp"
#include "core/tree/source_file.hpp"

namespace ccnt {

namespace fs = std::filesystem;

std::vector<SiteBulletin> render_site_bulletins(const fs::path& root,
                                                const std::vector<Policy>& policies,
                                                const Registry& registry, const SiteModel& model,
                                                Diagnostics& diagnostics) {
  std::vector<SiteBulletin> bulletins;
  const std::vector<fs::path> files = find_bulletin_files(root);
  if (files.empty()) return bulletins;

  std::string layout(builtin_bulletin_template());
  std::string layout_path(tr("the built-in template"));
  if (const auto own = find_bulletin_template(root)) {
    layout_path = display_path(*own);
    std::optional<std::string> text =
        read_tree_file(*own, layout_path, tree_prefix(root), diagnostics);
    if (!text || !check_bulletin_template(*text, layout_path, diagnostics)) return bulletins;
    layout = std::move(*text);
  }

  // From a bulletin's page (bulletins/YYYY-MM.html) to a policy's: ../policies/<id>.html.
  const BulletinLinks links{[](const Policy& policy) {
    return is_safe_slug(policy.id) ? "../policies/" + policy.id + ".html" : std::string();
  }};
  const MarkdownHtmlOptions html_options{[&model](std::string_view url) {
    constexpr std::string_view prefix = "../policies/", suffix = ".html";
    if (!url.starts_with(prefix) || !url.ends_with(suffix)) return false;
    const std::string_view id =
        url.substr(prefix.size(), url.size() - prefix.size() - suffix.size());
    return is_safe_slug(id) && model.find(id) != nullptr;
  }};

  for (const fs::path& file : files) {
    Diagnostics local;
    std::optional<BulletinEditorial> editorial = load_bulletin_editorial(file, policies, local);
    const bool usable = editorial && local.error_count() == 0;
    local.sort();
    diagnostics.append(std::move(local));
    if (!usable) {
      diagnostics.warning("W122", display_path(file), {},
                          trf("the website has no page for this bulletin: the file has errors"),
                          trf("fix the errors above; 'ccnt validate' checks the file"));
      continue;
    }
    Diagnostics render_problems;
    std::optional<std::string> markdown =
        render_bulletin(layout, layout_path, *editorial, policies, registry, render_problems);
    std::optional<std::string> linked = render_bulletin(layout, layout_path, *editorial, policies,
                                                        registry, render_problems, links);
    diagnostics.append(std::move(render_problems));
    if (!markdown || !linked) return {};
    SiteBulletin bulletin;
    bulletin.month = editorial->month.to_string();
    bulletin.markdown = std::move(*markdown);
    bulletin.html = markdown_to_html(*linked, html_options);
    bulletin.has_h1 = bulletin.html.find("<h1") != std::string::npos;
    for (const BulletinSection* section : {&editorial->national, &editorial->local})
      for (const BulletinGroup& group : section->groups)
        for (const std::string& id : group.policy_ids)
          if (model.find(id)) bulletin.policy_ids.push_back(id);
    bulletins.push_back(std::move(bulletin));
  }
  return bulletins;
}

}  // namespace ccnt
