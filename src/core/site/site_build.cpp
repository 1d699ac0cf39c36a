#include "core/site/site_build.hpp"

#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/output/json_writer.hpp"
#include "core/output/output_format.hpp"
#include "core/output/policy_export.hpp"
#include "core/site/site_api.hpp"
#include "core/site/site_bulletins.hpp"
#include "core/site/site_feed.hpp"
#include "core/site/site_locale.hpp"
#include "core/site/site_model.hpp"
#include "core/site/site_pages.hpp"
#include "core/site/site_templates.hpp"
#include "core/util/hash.hpp"
#include "core/util/parallel_for.hpp"
#include "core/util/version.hpp"

namespace ccnt {

namespace {

std::string file_size_text(std::uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.0f} KB", static_cast<double>(bytes) / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024 * 1024));
}

// What every page depends on besides its own record: ccnt itself (its version and its
// executable, as the cache keys on them), the layout, the registries, the options, and the
// national policies (their targets are the benchmark on every page).
std::uint64_t site_inputs_key(const Project& project, const SiteTemplates& templates,
                              const SiteOptions& options, const SiteModel& model) {
  std::string material = std::string(version()) + '\n';
  std::error_code ec;
  const auto exe = std::filesystem::path("/proc/self/exe");
  material += std::to_string(std::filesystem::file_size(exe, ec)) + ' ';
  material += std::to_string(std::filesystem::last_write_time(exe, ec).time_since_epoch().count());
  for (const SiteSource& file : templates.files())
    material += fmt::format("\n{} {:016x}", file.name, hash_bytes(file.text));
  for (const auto& entry : std::filesystem::directory_iterator(project.schemas_dir, ec)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    material += fmt::format("\n{} {:016x}", entry.path().filename().string(), hash_bytes(bytes));
  }
  material += '\n' + options.base_url + '\n' + options.repository_url + '\n' + options.branch;
  for (const Policy* policy : model.policies()) {
    const Region* region = project.registry.find_region(policy->region);
    if (region && !project.registry.parent_of(*region))
      append_policy_json(material, *policy, project.registry, false);
  }
  return hash_bytes(material);
}

// The key of a page made from several policies: theirs, in order.
std::uint64_t group_key(const std::vector<std::uint32_t>& members,
                        const std::vector<std::uint64_t>& policy_keys, std::uint64_t salt) {
  std::string material;
  material.reserve(members.size() * 8);
  for (std::uint32_t i : members)
    material.append(reinterpret_cast<const char*>(&policy_keys[i]), sizeof(std::uint64_t));
  return hash_bytes(material, salt) | 1;
}

// Renders `count` pages with `render(pages, i)` on the threads, each with its own renderer,
// and hands them to the output in order, a block at a time. A page whose `path(i)` the output
// keeps for `key(i)` (see SiteOutput::keep) is not rendered.
template <typename Render, typename Path, typename Key>
void render_many(std::vector<std::unique_ptr<SitePages>>& renderers, std::size_t count,
                 const Render& render, const Path& path, const Key& key, SiteOutput& output,
                 Diagnostics& diagnostics, std::size_t& pages) {
  constexpr std::size_t kBlock = 2048;
  const auto threads = renderers.size();
  std::vector<SiteFile> block(kBlock);
  std::vector<std::uint64_t> keys(kBlock);
  std::vector<char> kept(kBlock);
  for (std::size_t first = 0; first < count; first += kBlock) {
    const std::size_t n = std::min(kBlock, count - first);
    for (std::size_t i = 0; i < n; ++i) {
      keys[i] = key(first + i);
      const std::string target = path(first + i);
      kept[i] = target.empty() || output.keep(target, keys[i]);
      if (!target.empty() && kept[i]) ++pages;
    }
    parallel_for(threads, static_cast<unsigned>(threads), [&](std::size_t t) {
      for (std::size_t i = t; i < n; i += threads)
        block[i] = kept[i] ? SiteFile{} : render(*renderers[t], first + i);
    });
    for (std::size_t i = 0; i < n; ++i) {
      if (block[i].path.empty()) continue;
      output.add(std::move(block[i].path), std::move(block[i].content), diagnostics, keys[i]);
      ++pages;
    }
  }
}

}  // namespace

std::optional<SiteBuildResult> build_site(const Project& project, std::vector<Policy> policies,
                                          const SiteOptions& options, Diagnostics& diagnostics) {
  const std::filesystem::path& root = project.root;
  const Registry& registry = project.registry;
  // Paths as the repository has them, not as the working directory sees them.
  std::error_code ec;
  const std::filesystem::path absolute_root =
      std::filesystem::absolute(root, ec).lexically_normal();
  for (Policy& policy : policies) {
    const std::filesystem::path relative = std::filesystem::absolute(policy.path, ec)
                                               .lexically_normal()
                                               .lexically_relative(absolute_root);
    if (!relative.empty() && !relative.string().starts_with(".."))
      policy.path = relative.generic_string();
  }
  const std::optional<SiteTemplates> templates =
      SiteTemplates::load(root, site_template_names(), diagnostics);
  if (!templates) return std::nullopt;
  std::optional<SiteOutput> output =
      SiteOutput::open(options.output_dir, options.jobs, diagnostics);
  if (!output) return std::nullopt;

  SiteBuildResult result;
  const SiteModel model(policies, registry);
  const std::vector<SiteBulletin> bulletins =
      render_site_bulletins(root, policies, registry, model, diagnostics);
  result.bulletins = bulletins.size();

  SiteExtras extras;
  extras.bulletins = &bulletins;
  for (std::size_t b = 0; b < bulletins.size(); ++b)
    for (const std::string& id : bulletins[b].policy_ids) {
      std::vector<std::size_t>& list = extras.bulletins_of[id];
      if (list.empty() || list.back() != b) list.push_back(b);
    }

  // The key of each policy's inputs: its record and its bulletins, with what every page shares.
  const std::uint64_t shared_key = site_inputs_key(project, *templates, options, model);
  std::vector<std::uint64_t> policy_keys(model.policies().size());
  parallel_for(policy_keys.size(), options.jobs, [&](std::size_t i) {
    const Policy& policy = *model.policies()[i];
    std::string material;
    append_policy_json(material, policy, registry, false);
    // The records related to it are on its page too (their titles, and whether they exist).
    for (const RelatedRecord& r : model.relations().related(policy))
      material += fmt::format(" {}{}:{}:{}", static_cast<int>(r.kind), r.incoming, r.id,
                              r.policy ? r.policy->title : std::string());
    if (const auto found = extras.bulletins_of.find(policy.id); found != extras.bulletins_of.end())
      for (std::size_t b : found->second) material += ' ' + bulletins[b].month;
    policy_keys[i] = hash_bytes(material, shared_key) | 1;  // never 0, which means no key
  });

  // Files made from every policy: the downloads, the search index and the feed, made again
  // only when a policy's inputs changed (or one came or went).
  std::vector<std::uint32_t> everyone(model.policies().size());
  for (std::uint32_t i = 0; i < everyone.size(); ++i) everyone[i] = i;
  const std::uint64_t all_key = group_key(everyone, policy_keys, shared_key);
  // The downloads: the whole database as CSV (with a byte-order mark, for Excel) and JSON.
  constexpr const char* kCsv = "data/ccnt-policies.csv";
  constexpr const char* kJson = "data/ccnt-policies.json";
  if (output->keep(kCsv, all_key) && output->keep(kJson, all_key)) {
    extras.csv_size = file_size_text(output->size_of(kCsv));
    extras.json_size = file_size_text(output->size_of(kJson));
  } else {
    std::string csv = export_policies(model.policies(), registry, OutputFormat::Csv, true, true);
    std::string json = export_policies(model.policies(), registry, OutputFormat::Json);
    extras.csv_size = file_size_text(csv.size());
    extras.json_size = file_size_text(json.size());
    output->add(kCsv, std::move(csv), diagnostics, all_key);
    output->add(kJson, std::move(json), diagnostics, all_key);
  }

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
    const std::string prefix(locale->prefix());
    render_many(
        renderers, model.policies().size(),
        [](SitePages& r, std::size_t i) { return r.policy(static_cast<std::uint32_t>(i)); },
        [&](std::size_t i) {
          const std::string& id = model.policies()[i]->id;
          return is_safe_slug(id) ? prefix + policy_page(id) : std::string();
        },
        [&](std::size_t i) { return policy_keys[i] ^ (locale == &english ? 0xE : 0); }, *output,
        diagnostics, result.pages);
    const std::uint64_t language_key = shared_key ^ (locale == &english ? 0xE0 : 0x20);
    render_many(
        renderers, model.regions().size(),
        [&model](SitePages& r, std::size_t i) { return r.region(model.regions()[i]); },
        [&](std::size_t i) { return prefix + region_page(model.regions()[i].region->slug); },
        [&](std::size_t i) { return group_key(model.regions()[i].all, policy_keys, language_key); },
        *output, diagnostics, result.pages);
    render_many(
        renderers, model.sectors().size(),
        [&model](SitePages& r, std::size_t i) { return r.sector(model.sectors()[i]); },
        [&](std::size_t i) { return prefix + sector_page(model.sectors()[i].sector->slug); },
        [&](std::size_t i) {
          return group_key(model.sectors()[i].policies, policy_keys, language_key);
        },
        *output, diagnostics, result.pages);
    render_many(
        renderers, model.issuers().size(),
        [&model](SitePages& r, std::size_t i) {
          return issuer_page(model.issuers()[i].agency.id).empty() ? SiteFile{}
                                                                   : r.issuer(model.issuers()[i]);
        },
        [&](std::size_t i) {
          const std::string page = issuer_page(model.issuers()[i].agency.id);
          return page.empty() ? page : prefix + page;
        },
        [&](std::size_t i) {
          return group_key(model.issuers()[i].policies, policy_keys, language_key);
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
  for (const SiteBulletin& bulletin : bulletins)
    output->add("bulletins/" + bulletin.month + ".md", bulletin.markdown, diagnostics);
  for (SiteFile& file : build_site_api(model, bulletins, options))
    output->add(std::move(file.path), std::move(file.content), diagnostics);
  {
    // Each policy's record in the API, made again only when its inputs changed.
    std::vector<SiteFile> files(model.policies().size());
    std::vector<char> kept(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::string& id = model.policies()[i]->id;
      kept[i] = !is_safe_slug(id) || output->keep("api/policies/" + id + ".json", policy_keys[i]);
    }
    parallel_for(files.size(), options.jobs, [&](std::size_t i) {
      if (!kept[i]) files[i] = policy_api_file(model, *model.policies()[i]);
    });
    for (std::size_t i = 0; i < files.size(); ++i)
      if (!files[i].path.empty())
        output->add(std::move(files[i].path), std::move(files[i].content), diagnostics,
                    policy_keys[i]);
  }
  if (!output->keep_all_under("search/", all_key))
    for (SearchFile& file : build_search_index(model, options.jobs, &result.search))
      output->add(std::move(file.path), std::move(file.content), diagnostics, all_key);
  if (!output->keep("feed.atom", all_key))
    output->add("feed.atom", render_atom_feed(model, chinese, options), diagnostics, all_key);
  output->add(".nojekyll", "", diagnostics);
  result.files = output->finish(diagnostics);
  return result;
}

}  // namespace ccnt
