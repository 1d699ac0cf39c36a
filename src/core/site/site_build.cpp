#include "core/site/site_build.hpp"

#include <memory>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/output/output_format.hpp"
#include "core/output/policy_export.hpp"
#include "core/site/site_api.hpp"
#include "core/site/site_bulletins.hpp"
#include "core/site/site_feed.hpp"
#include "core/site/site_locale.hpp"
#include "core/site/site_model.hpp"
#include "core/site/site_pages.hpp"
#include "core/site/site_templates.hpp"
#include "core/util/parallel_for.hpp"

namespace ccnt {

namespace {

std::string file_size_text(std::uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.0f} KB", static_cast<double>(bytes) / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024 * 1024));
}

// Renders `count` pages with `render(pages, i)` on the threads, each with its own renderer, and
// hands them to the output in order, a block at a time.
template <typename Render>
void render_many(std::vector<std::unique_ptr<SitePages>>& renderers, std::size_t count,
                 const Render& render, SiteOutput& output, Diagnostics& diagnostics,
                 std::size_t& pages) {
  constexpr std::size_t kBlock = 2048;
  const auto threads = renderers.size();
  std::vector<SiteFile> block(kBlock);
  for (std::size_t first = 0; first < count; first += kBlock) {
    const std::size_t n = std::min(kBlock, count - first);
    parallel_for(threads, static_cast<unsigned>(threads), [&](std::size_t t) {
      for (std::size_t i = t; i < n; i += threads) block[i] = render(*renderers[t], first + i);
    });
    for (std::size_t i = 0; i < n; ++i) {
      if (block[i].path.empty()) continue;
      output.add(std::move(block[i].path), std::move(block[i].content), diagnostics);
      ++pages;
    }
  }
}

}  // namespace

std::optional<SiteBuildResult> build_site(const std::filesystem::path& root,
                                          const std::vector<Policy>& policies,
                                          const Registry& registry, const SiteOptions& options,
                                          Diagnostics& diagnostics) {
  const std::optional<SiteTemplates> templates =
      SiteTemplates::load(root, site_template_names(), diagnostics);
  if (!templates) return std::nullopt;
  std::optional<SiteOutput> output = SiteOutput::open(options.output_dir, options.jobs, diagnostics);
  if (!output) return std::nullopt;

  SiteBuildResult result;
  const SiteModel model(policies, registry);
  const std::vector<SiteBulletin> bulletins =
      render_site_bulletins(root, policies, registry, model, diagnostics);
  result.bulletins = bulletins.size();

  // The downloads: the whole database as CSV (with a byte-order mark, for Excel) and JSON.
  const std::string csv =
      export_policies(model.policies(), registry, OutputFormat::Csv, true, true);
  const std::string json = export_policies(model.policies(), registry, OutputFormat::Json);
  SiteExtras extras;
  extras.bulletins = &bulletins;
  for (std::size_t b = 0; b < bulletins.size(); ++b)
    for (const std::string& id : bulletins[b].policy_ids) {
      std::vector<std::size_t>& list = extras.bulletins_of[id];
      if (list.empty() || list.back() != b) list.push_back(b);
    }
  extras.csv_size = file_size_text(csv.size());
  extras.json_size = file_size_text(json.size());

  const SiteLocale chinese(templates->strings(), SiteLanguage::Chinese);
  const SiteLocale english(templates->strings(), SiteLanguage::English);
  const unsigned threads = thread_count(options.jobs, model.policies().size());
  for (const SiteLocale* locale : {&chinese, &english}) {
    const SiteLocale& other = locale == &chinese ? english : chinese;
    std::vector<std::unique_ptr<SitePages>> renderers;
    for (unsigned t = 0; t < threads; ++t)
      renderers.push_back(
          std::make_unique<SitePages>(model, *templates, *locale, other, options, extras));
    SitePages& pages = *renderers.front();
    for (SiteFile (SitePages::*page)() :
         {&SitePages::home, &SitePages::search, &SitePages::regions, &SitePages::sectors,
          &SitePages::issuers, &SitePages::bulletins, &SitePages::targets, &SitePages::downloads,
          &SitePages::not_found}) {
      SiteFile file = (pages.*page)();
      output->add(std::move(file.path), std::move(file.content), diagnostics);
      ++result.pages;
    }
    for (std::size_t b = 0; b < bulletins.size(); ++b) {
      SiteFile file = pages.bulletin(b);
      output->add(std::move(file.path), std::move(file.content), diagnostics);
      ++result.pages;
    }
    render_many(
        renderers, model.policies().size(),
        [&model](SitePages& r, std::size_t i) {
          return is_safe_slug(model.policies()[i]->id) ? r.policy(static_cast<std::uint32_t>(i))
                                                       : SiteFile{};
        },
        *output, diagnostics, result.pages);
    render_many(
        renderers, model.regions().size(),
        [&model](SitePages& r, std::size_t i) { return r.region(model.regions()[i]); }, *output,
        diagnostics, result.pages);
    render_many(
        renderers, model.sectors().size(),
        [&model](SitePages& r, std::size_t i) { return r.sector(model.sectors()[i]); }, *output,
        diagnostics, result.pages);
    render_many(
        renderers, model.issuers().size(),
        [&model](SitePages& r, std::size_t i) {
          return issuer_page(model.issuers()[i].agency.id).empty() ? SiteFile{}
                                                                   : r.issuer(model.issuers()[i]);
        },
        *output, diagnostics, result.pages);
  }
  for (const Policy* policy : model.policies()) {
    if (!is_safe_slug(policy->id)) {
      diagnostics.warning("W123", policy->path, policy->id_mark,
                          trf("the website has no page for `{}`: an id must be lower-case "
                              "letters, digits and hyphens to be a file name",
                              policy->id),
                          trf("rename the id (and the file) as docs/data-model.md says"));
      continue;
    }
    ++result.policies;
  }

  // Everything else: the layout's assets, downloads, the API, the search index and the feed.
  for (std::string_view asset : kSiteAssetNames)
    output->add("assets/" + std::string(asset), templates->file(asset).text, diagnostics);
  output->add("data/ccnt-policies.csv", csv, diagnostics);
  output->add("data/ccnt-policies.json", json, diagnostics);
  for (const SiteBulletin& bulletin : bulletins)
    output->add("bulletins/" + bulletin.month + ".md", bulletin.markdown, diagnostics);
  for (SiteFile& file : build_site_api(model, bulletins, options))
    output->add(std::move(file.path), std::move(file.content), diagnostics);
  {
    std::vector<SiteFile> files(model.policies().size());
    parallel_for(files.size(), options.jobs, [&](std::size_t i) {
      if (is_safe_slug(model.policies()[i]->id))
        files[i] = policy_api_file(model, *model.policies()[i]);
    });
    for (SiteFile& file : files)
      if (!file.path.empty()) output->add(std::move(file.path), std::move(file.content), diagnostics);
  }
  for (SearchFile& file : build_search_index(model, options.jobs, &result.search))
    output->add(std::move(file.path), std::move(file.content), diagnostics);
  output->add("feed.atom", render_atom_feed(model, chinese, options), diagnostics);
  output->add(".nojekyll", "", diagnostics);
  result.files = output->finish(diagnostics);
  return result;
}

}  // namespace ccnt
