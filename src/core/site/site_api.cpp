#include "core/site/site_api.hpp"

#include "core/output/json_writer.hpp"
#include "core/output/output_format.hpp"
#include "core/output/policy_export.hpp"
#include "core/output/targets_output.hpp"

namespace ccnt {

namespace {

void begin_file(JsonWriter& w) {
  w.begin_object();
  w.key("api_version").value(kSiteApiVersion);
}

SiteFile finish(std::string path, std::string& json) {
  json += '\n';
  return {std::move(path), std::move(json)};
}

}  // namespace

SiteFile policy_api_file(const SiteModel& model, const Policy& policy) {
  std::string json;
  JsonWriter w(json, true);
  begin_file(w);
  w.key("url").value(policy_page(policy.id));
  std::string record;
  append_policy_json(record, policy, model.registry(), false);
  w.key("policy").raw(record);
  w.end_object();
  return finish("api/policies/" + policy.id + ".json", json);
}

std::vector<SiteFile> build_site_api(const SiteModel& model,
                                     const std::vector<SiteBulletin>& bulletins,
                                     const SiteOptions& options) {
  const Registry& registry = model.registry();
  std::vector<SiteFile> files;
  {
    std::string json;
    JsonWriter w(json, true);
    begin_file(w);
    if (!options.base_url.empty()) w.key("base_url").value(options.base_url);
    w.key("policies").value(model.policies().size());
    w.key("files").begin_object();
    for (const char* name : {"policies", "regions", "sectors", "issuers", "bulletins", "targets"})
      w.key(name).value(std::string("api/") + name + ".json");
    w.key("policy").value("api/policies/{id}.json");
    w.key("csv").value("data/ccnt-policies.csv");
    w.key("json").value("data/ccnt-policies.json");
    w.key("feed").value("feed.atom");
    w.end_object();
    w.end_object();
    files.push_back(finish("api/index.json", json));
  }
  {
    std::string json;
    JsonWriter w(json, true);
    begin_file(w);
    w.key("count").value(model.policies().size());
    w.key("policies").begin_array();
    for (const Policy* p : model.policies()) {
      w.begin_object();
      w.key("id").value(p->id);
      w.key("title").value(p->title);
      if (!p->title_en.empty()) w.key("title_en").value(p->title_en);
      w.key("region").value(p->region);
      w.key("level").value(p->level);
      w.key("sector").value(p->sector);
      w.key("doc_type").value(p->doc_type);
      if (p->published) w.key("published").value(p->published->to_string());
      w.key("added").value(p->added.to_string());
      if (p->stub) w.key("stub").value(true);
      w.key("url").value(policy_page(p->id));
      w.key("api").value("api/policies/" + p->id + ".json");
      w.end_object();
    }
    w.end_array();
    w.end_object();
    files.push_back(finish("api/policies.json", json));
  }
  {
    std::string json;
    JsonWriter w(json, true);
    begin_file(w);
    w.key("regions").begin_array();
    for (const SiteRegion& region : model.regions()) {
      const Region& r = *region.region;
      w.begin_object();
      w.key("slug").value(r.slug);
      w.key("name").value(r.name);
      w.key("full_name").value(registry.full_path_name(r));
      if (!r.code.empty()) w.key("code").value(r.code);
      w.key("level").value(r.level);
      if (region.parent >= 0)
        w.key("parent").value(
            model.regions()[static_cast<std::size_t>(region.parent)].region->slug);
      w.key("policies").value(region.own.size());
      w.key("policies_within").value(region.all.size());
      w.key("url").value(region_page(r.slug));
      w.end_object();
    }
    w.end_array();
    w.end_object();
    files.push_back(finish("api/regions.json", json));
  }
  {
    std::string json;
    JsonWriter w(json, true);
    begin_file(w);
    w.key("sectors").begin_array();
    for (const SiteSector& sector : model.sectors()) {
      w.begin_object();
      w.key("slug").value(sector.sector->slug);
      w.key("name").value(sector.sector->name);
      if (!sector.sector->name_en.empty()) w.key("name_en").value(sector.sector->name_en);
      w.key("policies").value(sector.policies.size());
      w.key("url").value(sector_page(sector.sector->slug));
      w.end_object();
    }
    w.end_array();
    w.end_object();
    files.push_back(finish("api/sectors.json", json));
  }
  {
    std::string json;
    JsonWriter w(json, true);
    begin_file(w);
    w.key("issuers").begin_array();
    for (const SiteIssuer& issuer : model.issuers()) {
      w.begin_object();
      w.key("id").value(issuer.agency.id);
      w.key("name").value(issuer.agency.name);
      if (!issuer.agency.kind.empty()) w.key("kind").value(issuer.agency.kind);
      w.key("policies").value(issuer.policies.size());
      if (const std::string page = issuer_page(issuer.agency.id); !page.empty())
        w.key("url").value(page);
      w.end_object();
    }
    w.end_array();
    w.end_object();
    files.push_back(finish("api/issuers.json", json));
  }
  {
    std::string json;
    JsonWriter w(json, true);
    begin_file(w);
    w.key("bulletins").begin_array();
    for (const SiteBulletin& bulletin : bulletins) {
      w.begin_object();
      w.key("month").value(bulletin.month);
      w.key("url").value(bulletin_page(bulletin.month));
      w.key("markdown").value("bulletins/" + bulletin.month + ".md");
      w.key("policies").strings(bulletin.policy_ids);
      w.end_object();
    }
    w.end_array();
    w.end_object();
    files.push_back(finish("api/bulletins.json", json));
  }
  {
    // The comparison as `ccnt targets --all --format json` prints it.
    std::string json;
    JsonWriter w(json, true);
    begin_file(w);
    std::string comparison = render_targets(model.comparisons(), registry, OutputFormat::Json, 0);
    while (!comparison.empty() && comparison.back() == '\n') comparison.pop_back();
    w.key("comparison").raw(comparison);
    w.end_object();
    files.push_back(finish("api/targets.json", json));
  }
  return files;
}

}  // namespace ccnt
