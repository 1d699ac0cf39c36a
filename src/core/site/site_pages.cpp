#include "core/site/site_pages.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/output/html_escape.hpp"
#include "core/output/json_writer.hpp"
#include "core/site/site_charts.hpp"

namespace ccnt {

namespace mustache = kainjow::mustache;
using Data = mustache::data;

std::string policy_page(const std::string& id) {
  return "policies/" + id + ".html";
}
std::string region_page(const std::string& slug) {
  return "regions/" + slug + ".html";
}
std::string sector_page(const std::string& slug) {
  return "sectors/" + slug + ".html";
}
std::string issuer_page(const std::string& id) {
  // An agency's id is a slug, or <region slug>/<slug>.
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = id.find('/', start);
    const std::string_view part = std::string_view(id).substr(
        start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!is_safe_slug(part)) return {};
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return "issuers/" + id + ".html";
}
std::string bulletin_page(const std::string& month) {
  return "bulletins/" + month + ".html";
}

namespace {

Data list() {
  return Data{Data::type::list};
}
Data object() {
  return Data{Data::type::object};
}
Data flag(bool value) {
  return Data{value ? Data::type::bool_true : Data::type::bool_false};
}

// How far a page at `path` (inside a language's part) is from the site's root.
std::string up(const std::string& path, bool english) {
  std::string out;
  for (char c : path)
    if (c == '/') out += "../";
  if (english) out += "../";
  return out;
}

// Marks the last item of a list (for separators: {{^last}}、{{/last}}).
void mark_last(Data& items) {
  if (!items.is_list() || items.list_value().empty()) return;
  std::vector<Data> copy = items.list_value();
  copy.back().set("last", flag(true));
  items = list();
  for (const Data& item : copy) items.push_back(item);
}

}  // namespace

// Where the page being rendered is, and the frame's settings.
struct SitePages::Page {
  std::string path;  // inside the language's part: policies/x.html
  std::string title;
  std::string description;
  std::string nav;  // nav_home, nav_search, …: the menu entry it belongs to
  bool script = false;
  std::string site;  // from the page to the site's root
  std::string base;  // from the page to its language's home
};

SitePages::SitePages(const SiteModel& model, const SiteTemplates& templates,
                     const SiteLocale& locale, const SiteLocale& other, const SiteOptions& options,
                     const SiteExtras& extras)
    : model_(model),
      locale_(locale),
      other_(other),
      options_(options),
      extras_(extras),
      templates_(templates, locale) {}

SitePages::Page SitePages::at(std::string path, std::string title, std::string nav,
                              bool script) const {
  Page page{std::move(path), std::move(title), {}, std::move(nav), script, {}, {}};
  page.site = up(page.path, locale_.english());
  page.base = page.site + std::string(locale_.prefix());
  return page;
}

Data SitePages::bulletin_item(const SiteBulletin& bulletin, const Page& page) const {
  Data item = object();
  item.set("url", page.base + bulletin_page(bulletin.month));
  item.set("label", locale_.bulletin_label(bulletin.month));
  item.set("markdown_url", page.site + "bulletins/" + bulletin.month + ".md");
  return item;
}

SiteFile SitePages::render(const Page& page, const std::string& body_template, Data& body) {
  body.set("site", page.site);
  body.set("base", page.base);
  body.set("lang", std::string(locale_.html_lang()));
  body.set("lang_key", std::string(locale_.key()));
  Data frame = object();
  frame.set("body", templates_.render(body_template, body));
  frame.set("title", page.title);
  if (!page.description.empty()) frame.set("description", page.description);
  frame.set("site", page.site);
  frame.set("base", page.base);
  frame.set("lang", std::string(locale_.html_lang()));
  frame.set("other_lang", std::string(other_.html_lang()));
  frame.set("other_url", page.site + std::string(other_.prefix()) + page.path);
  if (!options_.base_url.empty())
    frame.set("canonical", options_.base_url + std::string(locale_.prefix()) + page.path);
  if (!page.nav.empty()) frame.set(page.nav, flag(true));
  frame.set("script", flag(page.script));
  return {std::string(locale_.prefix()) + page.path, templates_.render("layout", frame)};
}

namespace {

// A policy's region as lists show it: 浙江省宁波市, and the nation as 全国.
std::string region_label(const SiteModel& model, const SiteLocale& locale,
                         const std::string& slug) {
  const Region* region = model.registry().find_region(slug);
  if (!region) return slug;
  if (!model.registry().parent_of(*region)) return locale.region_name(*region);
  return locale.region_full_name(*region, model.registry());
}

// Why a target is not compared, in the page's language where the reason is a common one.
std::string apart_reason(const SiteLocale& locale, const std::string& reason) {
  if (reason == "no national target for this indicator") return locale.t("reason_no_benchmark");
  if (reason.starts_with("only an aim")) return locale.t("reason_aim_only");
  return reason;
}

// The short line of a policy in lists: title, region, sector, date.
Data policy_item(const SiteModel& model, const SiteLocale& locale, const Policy& policy,
                 const std::string& base) {
  Data item = object();
  item.set("url", base + policy_page(policy.id));
  item.set("title", policy.title);
  item.set("region", region_label(model, locale, policy.region));
  const Sector* sector = model.registry().find_sector(policy.sector);
  item.set("sector", sector ? locale.sector_name(*sector) : policy.sector);
  if (policy.published) item.set("published", policy.published->to_string());
  return item;
}

Data policy_items(const SiteModel& model, const SiteLocale& locale,
                  const std::vector<std::uint32_t>& indexes, const std::string& base) {
  Data items = list();
  for (std::uint32_t i : indexes)
    items.push_back(policy_item(model, locale, *model.policies()[i], base));
  return items;
}

ChartText chart_text(const SiteLocale& locale, std::string id, std::string title,
                     std::string label_column) {
  return {std::move(id), std::move(title), locale.t("chart_table"), std::move(label_column),
          locale.t("count_col")};
}

std::string month_chart(const SiteModel& model, const SiteLocale& locale) {
  // Every month from the first addition to the last, empty ones too, oldest first.
  std::vector<ChartBar> bars;
  const std::vector<SiteMonth>& months = model.months();
  if (months.empty()) return {};
  const auto parse = [](const std::string& m) {
    return std::pair(std::stoi(m.substr(0, 4)), std::stoi(m.substr(5, 2)));
  };
  auto [year, month] = parse(months.back().month);
  const auto [last_year, last_month] = parse(months.front().month);
  std::size_t next = months.size();
  while (year < last_year || (year == last_year && month <= last_month)) {
    const std::string key = fmt::format("{:04}-{:02}", year, month);
    std::size_t count = 0;
    if (next > 0 && months[next - 1].month == key) count = months[--next].policies.size();
    bars.push_back({key, static_cast<double>(count), {}, {}, {}});
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  const std::size_t every = bars.size() > 24 ? 12 : bars.size() > 6 ? 3 : 1;
  return svg_column_chart(
      chart_text(locale, "chart-months", locale.t("chart_month_title"), locale.t("facet_added")),
      bars, every);
}

std::string tile_map(const SiteModel& model, const SiteLocale& locale, const std::string& base) {
  std::vector<MapTile> tiles;
  for (const Region& region : model.registry().regions()) {
    if (!region.is_provincial_or_above() || region.code.empty() || region.code == "000000")
      continue;
    MapTile tile{region.code, locale.region_name(region), 0, {}};
    if (const SiteRegion* entry = model.find_region(region.slug)) {
      tile.count = entry->all.size();
      tile.url = base + region_page(region.slug);
    }
    tiles.push_back(std::move(tile));
  }
  return svg_tile_map(
      chart_text(locale, "chart-map", locale.t("map_title"), locale.t("region_col")), tiles,
      locale.t("map_legend"), locale.t("map_no_data"));
}

std::string sector_chart(const SiteModel& model, const SiteLocale& locale,
                         const std::string& base) {
  std::vector<ChartBar> bars;
  for (const SiteSector& sector : model.sectors())
    bars.push_back({locale.sector_name(*sector.sector),
                    static_cast<double>(sector.policies.size()),
                    base + sector_page(sector.sector->slug),
                    {},
                    {}});
  std::stable_sort(bars.begin(), bars.end(),
                   [](const ChartBar& a, const ChartBar& b) { return a.value > b.value; });
  return svg_bar_chart(
      chart_text(locale, "chart-sectors", locale.t("chart_sector_title"), locale.t("facet_sector")),
      bars);
}

std::string region_chart(const SiteModel& model, const SiteLocale& locale,
                         const std::string& base) {
  std::vector<ChartBar> bars;
  for (const SiteRegion* region : model.top_regions())
    bars.push_back({locale.region_name(*region->region),
                    static_cast<double>(region->all.size()),
                    base + region_page(region->region->slug),
                    {},
                    {}});
  std::stable_sort(bars.begin(), bars.end(),
                   [](const ChartBar& a, const ChartBar& b) { return a.value > b.value; });
  return svg_bar_chart(
      chart_text(locale, "chart-regions", locale.t("chart_region_title"), locale.t("region_col")),
      bars);
}

std::string verdict_class(Verdict verdict) {
  return std::string(to_string(verdict));
}

}  // namespace

SiteFile SitePages::home() {
  Page page = at("index.html", locale_.t("home_title"), "nav_home");
  page.description = locale_.t("site_tagline");
  Data body = object();
  body.set("total_line", fill(locale_.t("home_total_line"),
                              {{"count", std::to_string(model_.policies().size())},
                               {"regions", std::to_string(model_.regions().size())},
                               {"sectors", std::to_string(model_.sectors().size())}}));
  // Levels in the usual order, then any other.
  std::vector<std::pair<std::string, std::size_t>> levels;
  for (const Policy* policy : model_.policies()) {
    auto found = std::find_if(levels.begin(), levels.end(),
                              [&](const auto& l) { return l.first == policy->level; });
    if (found == levels.end())
      levels.emplace_back(policy->level, 1);
    else
      ++found->second;
  }
  const auto rank = [](const std::string& level) {
    static const std::vector<std::string> order{"national", "provincial", "municipal", "county"};
    const auto at = std::find(order.begin(), order.end(), level);
    return at - order.begin();
  };
  std::stable_sort(levels.begin(), levels.end(),
                   [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  Data level_list = list();
  for (const auto& [level, count] : levels) {
    Data item = object();
    item.set("key", level);
    item.set("name", locale_.level_name(level));
    item.set("count", std::to_string(count));
    level_list.push_back(item);
  }
  body.set("levels", level_list);
  Data sectors = list();
  for (const SiteSector& sector : model_.sectors()) {
    Data item = object();
    item.set("url", page.base + sector_page(sector.sector->slug));
    item.set("name", locale_.sector_name(*sector.sector));
    item.set("count", std::to_string(sector.policies.size()));
    sectors.push_back(item);
  }
  body.set("sectors", sectors);
  body.set("map_svg", tile_map(model_, locale_, page.base));
  body.set("month_chart", month_chart(model_, locale_));
  if (!model_.months().empty()) {
    const SiteMonth& latest = model_.months().front();
    body.set("latest_title",
             fill(locale_.t("home_latest"), {{"month", locale_.month_label(latest.month)}}));
    body["latest"] = policy_items(model_, locale_, latest.policies, page.base);
    body.set("has_latest", flag(true));
  } else {
    body.set("latest_title", locale_.t("home_latest_none"));
  }
  Data bulletins = list();
  if (extras_.bulletins) {
    const auto& all = *extras_.bulletins;
    for (std::size_t n = 0; n < all.size() && n < 6; ++n) {
      bulletins.push_back(bulletin_item(all[all.size() - 1 - n], page));
    }
  }
  body.set("has_bulletins", flag(!bulletins.is_empty_list()));
  body.set("bulletins", bulletins);
  return render(page, "home", body);
}

SiteFile SitePages::search() {
  const Page page = at("search.html", locale_.t("search_title"), "nav_search", true);
  Data body = object();
  // Without the script: the latest policies.
  std::vector<std::uint32_t> latest;
  for (std::uint32_t i = 0; i < model_.policies().size() && i < 50; ++i) latest.push_back(i);
  body["latest"] = policy_items(model_, locale_, latest, page.base);
  body.set("static_count",
           fill(locale_.t("search_count"), {{"count", std::to_string(model_.policies().size())}}));
  // The strings the script shows, as JSON made safe inside <script>.
  std::string json;
  JsonWriter w(json);
  w.begin_object();
  for (const auto& [name, text] : locale_.strings().all(locale_.language()))
    w.key(name).value(text);
  w.end_object();
  body.set("strings_json", json_for_script(json));
  return render(page, "search", body);
}

SiteFile SitePages::policy(std::uint32_t index) {
  const Policy& p = *model_.policies()[index];
  const Page page = at(policy_page(p.id), p.title, "nav_search");
  const Registry& registry = model_.registry();
  Data body = object();
  body.set("title", p.title);
  if (!p.title_en.empty()) body.set("title_en", p.title_en);
  if (p.stub) body.set("stub", flag(true));
  body.set("id", p.id);
  body.set("path", p.path);
  // Region, with the regions enclosing it.
  Data path = list();
  if (const SiteRegion* region = model_.find_region(p.region)) {
    for (const SiteRegion* r : model_.lineage(*region)) {
      Data item = object();
      item.set("url", page.base + region_page(r->region->slug));
      item.set("name", locale_.region_name(*r->region));
      path.push_back(item);
    }
  }
  mark_last(path);
  body.set("region_path", path);
  body.set("level", locale_.level_name(p.level));
  if (const Sector* sector = registry.find_sector(p.sector)) {
    body.set("sector_name", locale_.sector_name(*sector));
    body.set("sector_url", page.base + sector_page(sector->slug));
    if (const Subsector* sub = registry.find_subsector(*sector, p.subsector))
      body.set("subsector", locale_.english() && !sub->name_en.empty() ? sub->name_en : sub->name);
    else if (!p.subsector.empty())
      body.set("subsector", p.subsector);
  } else {
    body.set("sector_name", p.sector);
    body.set("sector_url", page.base + "sectors/index.html");
  }
  Data sectors = list();
  for (const std::string& slug : p.sectors) {
    if (slug == p.sector) continue;
    const Sector* sector = registry.find_sector(slug);
    if (!sector || !model_.find_sector(slug)) continue;
    Data item = object();
    item.set("url", page.base + sector_page(slug));
    item.set("name", locale_.sector_name(*sector));
    sectors.push_back(item);
  }
  body.set("has_sectors", flag(!sectors.is_empty_list()));
  mark_last(sectors);
  body.set("sectors", sectors);
  // Issuers as written, each linked to its agency's page when the registry places it.
  Data issuers = list();
  std::size_t placed = 0;
  const std::vector<std::size_t>& agencies = model_.issuers_of(index);
  for (const std::string& issuer : p.issuers) {
    Data item = object();
    item.set("name", issuer);
    const IssuerPlacement placement = registry.place_issuer(issuer, p.region);
    if (placement.agencies.size() == 1) {
      const std::string target = issuer_page(placement.agencies.front().id);
      if (!target.empty()) item.set("url", page.base + target);
    }
    placed += placement.agencies.size();
    issuers.push_back(item);
  }
  // An issuer string naming several agencies (A、B) links to each.
  if (placed > p.issuers.size()) {
    issuers = list();
    for (std::size_t agency : agencies) {
      const SiteIssuer& issuer = model_.issuers()[agency];
      Data item = object();
      item.set("name", issuer.agency.name);
      if (const std::string target = issuer_page(issuer.agency.id); !target.empty())
        item.set("url", page.base + target);
      issuers.push_back(item);
    }
    for (const std::string& unplaced : model_.unplaced_issuers_of(index)) {
      Data item = object();
      item.set("name", unplaced);
      issuers.push_back(item);
    }
  }
  body.set("has_issuers", flag(!issuers.is_empty_list()));
  body.set("issuers", issuers);
  body.set("doc_type", p.doc_type);
  if (!p.document_number.empty()) body.set("document_number", p.document_number);
  if (p.published) body.set("published", p.published->to_string());
  body.set("added", p.added.to_string());
  if (p.updated) body.set("updated", p.updated->to_string());
  if (!p.status.empty()) body.set("status", p.status);
  if (!p.instrument.empty()) body.set("instrument", p.instrument);
  if (!p.source.empty()) {
    body.set("source_text", p.source);
    // Only an https link is a link; anything else is shown as text.
    if (is_https_url(p.source)) body.set("source_href", p.source);
  }
  Data source_ids = list();
  for (const std::string& id : p.source_ids) source_ids.push_back(Data{id});
  body.set("has_source_ids", flag(!p.source_ids.empty()));
  body.set("source_ids", source_ids);
  Data tags = list();
  for (const std::string& tag : p.tags) {
    Data item = object();
    item.set("name", tag);
    std::string encoded;  // the tag as a search, its characters percent-encoded
    for (unsigned char c : tag) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')
        encoded += static_cast<char>(c);
      else
        encoded += fmt::format("%{:02X}", c);
    }
    item.set("url", page.base + "search.html#q=" + encoded);
    tags.push_back(item);
  }
  body.set("has_tags", flag(!p.tags.empty()));
  body.set("tags", tags);
  if (!p.headline.empty()) body.set("headline", p.headline);
  // Related records both ways: what it implements, supersedes, amends, and what names it.
  Data related = list();
  for (const RelatedRecord& r : model_.relations().related(p)) {
    Data item = object();
    const std::string_view field =
        r.incoming ? inverse_relation_field(r.kind) : relation_field(r.kind);
    item.set("label", locale_.t("rel_" + std::string(field)));
    item.set("title", r.policy ? r.policy->title : std::string(r.id));
    if (r.policy && is_safe_slug(r.policy->id))
      item.set("url", page.base + policy_page(r.policy->id));
    related.push_back(item);
  }
  body.set("has_related", flag(!related.is_empty_list()));
  body.set("related", related);
  if (!p.summary.empty()) body.set("summary", p.summary);
  // Targets, each beside the national benchmark where one compares.
  Data targets = list();
  for (const Target& target : p.targets) {
    Data row = object();
    const Indicator* indicator = registry.find_indicator(target.indicator);
    row.set("indicator", indicator ? locale_.indicator_name(*indicator) : target.indicator);
    row.set("text", target.text);
    row.set("value", format_target_value(target));
    row.set("base_year", target.base_year ? std::to_string(*target.base_year) : std::string("–"));
    row.set("target_year", std::to_string(target.target_year));
    row.set("scope", target.scope);
    if (p.region == "national") {
      row.set("verdict", locale_.verdict(Verdict::Benchmark));
      row.set("verdict_class", verdict_class(Verdict::Benchmark));
    } else if (const SiteTargetComparison* c = model_.comparison_of(target)) {
      if (c->benchmark) {
        row.set("benchmark", format_target_value(*c->benchmark->target));
        row.set("benchmark_url", page.base + policy_page(c->benchmark->policy->id));
        row.set("verdict", locale_.verdict(c->verdict));
        row.set("verdict_class", verdict_class(c->verdict));
      } else {
        row.set("verdict", fill(locale_.t("not_comparable_because"),
                                {{"reason", apart_reason(locale_, c->reason)}}));
        row.set("verdict_class", std::string("apart"));
      }
    }
    targets.push_back(row);
  }
  body.set("has_targets", flag(!p.targets.empty()));
  body.set("targets", targets);
  // The bulletins that present it.
  Data bulletins = list();
  if (const auto found = extras_.bulletins_of.find(p.id); found != extras_.bulletins_of.end()) {
    for (std::size_t b : found->second) {
      bulletins.push_back(bulletin_item((*extras_.bulletins)[b], page));
    }
  }
  body.set("has_bulletins", flag(!bulletins.is_empty_list()));
  body.set("bulletins", bulletins);
  if (!options_.repository_url.empty())
    body.set("edit_url", options_.repository_url + "/edit/" + options_.branch + "/" + p.path);
  return render(page, "policy", body);
}

SiteFile SitePages::region(const SiteRegion& region) {
  const Region& r = *region.region;
  const std::string name = locale_.region_full_name(r, model_.registry());
  const Page page = at(region_page(r.slug), name, "nav_regions");
  Data body = object();
  body.set("name", name);
  body.set("slug", r.slug);
  body.set("name_other", other_.region_full_name(r, model_.registry()));
  body.set("count_line",
           fill(locale_.t("region_count_line"), {{"name", locale_.region_name(r)},
                                                 {"total", std::to_string(region.all.size())},
                                                 {"own", std::to_string(region.own.size())}}));
  body.set("search_line", fill(locale_.t("region_search"), {{"name", locale_.region_name(r)}}));
  Data parents = list();
  const std::vector<const SiteRegion*> lineage = model_.lineage(region);
  for (std::size_t i = 0; i + 1 < lineage.size(); ++i) {
    Data item = object();
    item.set("url", page.base + region_page(lineage[i]->region->slug));
    item.set("name", locale_.region_name(*lineage[i]->region));
    parents.push_back(item);
  }
  body.set("parents", parents);
  Data children = list();
  for (std::size_t child : region.children) {
    const SiteRegion& c = model_.regions()[child];
    Data item = object();
    item.set("url", page.base + region_page(c.region->slug));
    item.set("name", locale_.region_name(*c.region));
    item.set("count", std::to_string(c.all.size()));
    children.push_back(item);
  }
  body.set("has_children", flag(!region.children.empty()));
  body.set("children", children);
  // Its policies (and those within it) by primary sector, in registry order.
  Data sectors = list();
  for (const Sector& sector : model_.registry().sectors()) {
    std::vector<std::uint32_t> mine;
    for (std::uint32_t i : region.all)
      if (model_.policies()[i]->sector == sector.slug) mine.push_back(i);
    if (mine.empty() || !is_safe_slug(sector.slug)) continue;
    Data item = object();
    item.set("slug", sector.slug);
    item.set("name", locale_.sector_name(sector));
    item.set("count", std::to_string(mine.size()));
    item["policies"] = policy_items(model_, locale_, mine, page.base);
    sectors.push_back(item);
  }
  body.set("sectors", sectors);
  // Its targets (and those within it) that compare with a national one.
  Data targets = list();
  for (std::uint32_t i : region.all) {
    const Policy& p = *model_.policies()[i];
    for (const Target& target : p.targets) {
      const SiteTargetComparison* c = model_.comparison_of(target);
      if (!c || !c->benchmark) continue;
      Data row = object();
      const Indicator* indicator = model_.registry().find_indicator(target.indicator);
      row.set("indicator", indicator ? locale_.indicator_name(*indicator) : target.indicator);
      row.set("value", format_target_value(target));
      row.set("target_year", std::to_string(target.target_year));
      row.set("benchmark", format_target_value(*c->benchmark->target));
      row.set("verdict", locale_.verdict(c->verdict));
      row.set("verdict_class", verdict_class(c->verdict));
      row.set("url", page.base + policy_page(p.id));
      row.set("policy", p.title);
      targets.push_back(row);
    }
  }
  body.set("has_targets", flag(!targets.is_empty_list()));
  body.set("targets", targets);
  body.set("targets_title", fill(locale_.t("region_targets"), {{"name", locale_.region_name(r)}}));
  return render(page, "region", body);
}

SiteFile SitePages::regions() {
  const Page page = at("regions/index.html", locale_.t("regions_title"), "nav_regions");
  Data body = object();
  body.set("map_svg", tile_map(model_, locale_, page.base));
  body.set("region_chart", region_chart(model_, locale_, page.base));
  Data rows = list();
  for (const SiteRegion* region : model_.top_regions()) {
    Data row = object();
    row.set("url", page.base + region_page(region->region->slug));
    row.set("name", locale_.region_name(*region->region));
    row.set("count", std::to_string(region->all.size()));
    row.set("own", std::to_string(region->own.size()));
    Data children = list();
    for (std::size_t child : region->children) {
      const SiteRegion& c = model_.regions()[child];
      Data item = object();
      item.set("url", page.base + region_page(c.region->slug));
      item.set("name", locale_.region_name(*c.region));
      item.set("count", std::to_string(c.all.size()));
      children.push_back(item);
    }
    mark_last(children);
    row.set("children", children);
    rows.push_back(row);
  }
  body.set("regions", rows);
  return render(page, "regions", body);
}

SiteFile SitePages::sector(const SiteSector& sector) {
  const Sector& s = *sector.sector;
  const Page page = at(sector_page(s.slug), locale_.sector_name(s), "nav_sectors");
  Data body = object();
  body.set("name", locale_.sector_name(s));
  body.set("slug", s.slug);
  body.set("name_other", other_.sector_name(s));
  if (!s.description.empty()) body.set("description", s.description);
  body.set("count_line", fill(locale_.t("sector_count_line"),
                              {{"count", std::to_string(sector.policies.size())}}));
  // By the provincial-level region (or the nation) the policy belongs to, in registry order.
  std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>> groups;  // top region index
  for (std::uint32_t i : sector.policies) {
    const SiteRegion* region = model_.find_region(model_.policies()[i]->region);
    if (!region) continue;
    const SiteRegion* top = model_.lineage(*region).front();
    const auto top_index = static_cast<std::size_t>(top - model_.regions().data());
    auto found = std::find_if(groups.begin(), groups.end(),
                              [&](const auto& g) { return g.first == top_index; });
    if (found == groups.end()) {
      groups.emplace_back(top_index, std::vector<std::uint32_t>{});
      found = groups.end() - 1;
    }
    found->second.push_back(i);
  }
  std::sort(groups.begin(), groups.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Data regions = list();
  for (const auto& [top_index, indexes] : groups) {
    const Region& top = *model_.regions()[top_index].region;
    Data item = object();
    item.set("slug", top.slug);
    item.set("name", locale_.region_name(top));
    item.set("url", page.base + region_page(top.slug));
    item.set("count", std::to_string(indexes.size()));
    item["policies"] = policy_items(model_, locale_, indexes, page.base);
    regions.push_back(item);
  }
  body.set("regions", regions);
  return render(page, "sector", body);
}

SiteFile SitePages::sectors() {
  const Page page = at("sectors/index.html", locale_.t("sectors_title"), "nav_sectors");
  Data body = object();
  body.set("sector_chart", sector_chart(model_, locale_, page.base));
  Data sectors = list();
  for (const SiteSector& sector : model_.sectors()) {
    Data item = object();
    item.set("url", page.base + sector_page(sector.sector->slug));
    item.set("name", locale_.sector_name(*sector.sector));
    item.set("name_other", other_.sector_name(*sector.sector));
    item.set("count", std::to_string(sector.policies.size()));
    sectors.push_back(item);
  }
  body.set("sectors", sectors);
  return render(page, "sectors", body);
}

SiteFile SitePages::issuer(const SiteIssuer& issuer) {
  const Page page = at(issuer_page(issuer.agency.id), issuer.agency.name, "nav_search");
  Data body = object();
  body.set("name", issuer.agency.name);
  std::string param;  // the id in the address: its '/' encoded
  for (char c : issuer.agency.id) param += c == '/' ? std::string("%2F") : std::string(1, c);
  body.set("id_param", param);
  body.set("count_line", fill(locale_.t("issuer_count_line"),
                              {{"count", std::to_string(issuer.policies.size())}}));
  body["policies"] = policy_items(model_, locale_, issuer.policies, page.base);
  return render(page, "issuer", body);
}

SiteFile SitePages::issuers() {
  const Page page = at("issuers/index.html", locale_.t("issuers_title"), "nav_search");
  Data body = object();
  Data issuers = list();
  for (const SiteIssuer& issuer : model_.issuers()) {
    const std::string target = issuer_page(issuer.agency.id);
    if (target.empty()) continue;
    Data item = object();
    item.set("url", page.base + target);
    item.set("name", issuer.agency.name);
    item.set("count", std::to_string(issuer.policies.size()));
    issuers.push_back(item);
  }
  body.set("issuers", issuers);
  return render(page, "issuers", body);
}

SiteFile SitePages::bulletin(std::size_t index) {
  const std::vector<SiteBulletin>& all = *extras_.bulletins;
  const SiteBulletin& b = all[index];
  const Page page = at(bulletin_page(b.month), locale_.bulletin_label(b.month), "nav_bulletins");
  Data body = object();
  body.set("label", locale_.bulletin_label(b.month));
  body.set("content", b.html);
  body.set("has_h1", flag(b.has_h1));
  body.set("markdown_url", page.site + "bulletins/" + b.month + ".md");
  if (index > 0) body.set("prev", bulletin_item(all[index - 1], page));
  if (index + 1 < all.size()) body.set("next", bulletin_item(all[index + 1], page));
  return render(page, "bulletin", body);
}

SiteFile SitePages::bulletins() {
  const Page page = at("bulletins/index.html", locale_.t("bulletins_title"), "nav_bulletins");
  Data body = object();
  Data items = list();
  if (extras_.bulletins) {
    const auto& all = *extras_.bulletins;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      Data item = bulletin_item(*it, page);
      item.set("count_label", fill(locale_.t("policies_count"),
                                   {{"count", std::to_string(it->policy_ids.size())}}));
      items.push_back(item);
    }
  }
  body.set("has_bulletins", flag(!items.is_empty_list()));
  body.set("bulletins", items);
  return render(page, "bulletins", body);
}

SiteFile SitePages::targets() {
  const Page page = at("targets.html", locale_.t("targets_title"), "nav_targets");
  const auto region_of = [&](const Policy& p) { return region_label(model_, locale_, p.region); };
  const auto region_url = [&](const Policy& p) {
    return model_.find_region(p.region) ? page.base + region_page(p.region)
                                        : page.base + "regions/index.html";
  };
  Data body = object();
  Data indicators = list();
  for (const IndicatorComparison& comparison : model_.comparisons()) {
    if (comparison.compared.empty() || !comparison.indicator ||
        !is_safe_slug(comparison.indicator->slug))
      continue;
    const Indicator& indicator = *comparison.indicator;
    Data item = object();
    item.set("slug", indicator.slug);
    item.set("name", locale_.indicator_name(indicator));
    if (!indicator.unit.empty()) item.set("unit", indicator.unit);
    Data benchmarks = list();
    for (const TargetEntry& benchmark : comparison.benchmarks) {
      Data b = object();
      b.set("line", fill(locale_.t("targets_benchmark_line"),
                         {{"value", format_target_value(*benchmark.target)},
                          {"title", std::to_string(benchmark.target->target_year)}}));
      b.set("url", page.base + policy_page(benchmark.policy->id));
      b.set("policy", benchmark.policy->title);
      benchmarks.push_back(b);
    }
    item.set("benchmarks", benchmarks);
    Data compared = list();
    std::vector<ChartBar> bars;
    for (const ComparedTarget& c : comparison.compared) {
      const Policy& p = *c.entry.policy;
      Data row = object();
      row.set("region", region_of(p));
      row.set("region_url", region_url(p));
      row.set("value", format_target_value(*c.entry.target));
      row.set("base_year", c.entry.target->base_year ? std::to_string(*c.entry.target->base_year)
                                                     : std::string("–"));
      row.set("target_year", std::to_string(c.entry.target->target_year));
      row.set("scope", c.entry.target->scope);
      row.set("benchmark", format_target_value(*c.benchmark.target));
      row.set("verdict", locale_.verdict(c.verdict));
      row.set("verdict_class", verdict_class(c.verdict));
      row.set("url", page.base + policy_page(p.id));
      row.set("policy", p.title);
      compared.push_back(row);
      bars.push_back({region_of(p), c.entry.target->value, page.base + policy_page(p.id),
                      format_target_value(*c.entry.target), verdict_class(c.verdict)});
    }
    item.set("has_compared", flag(true));
    item.set("compared", compared);
    // One chart per benchmark value (most indicators have one).
    const Target& benchmark = *comparison.compared.front().benchmark.target;
    const bool one_benchmark = std::all_of(
        comparison.compared.begin(), comparison.compared.end(),
        [&](const ComparedTarget& c) { return c.benchmark.target->value == benchmark.value; });
    if (one_benchmark) {
      const std::string title =
          fill(locale_.t("targets_chart"), {{"name", locale_.indicator_name(indicator)}});
      item.set(
          "chart",
          svg_target_chart(
              chart_text(locale_, "chart-" + indicator.slug, title, locale_.t("region_col")), bars,
              benchmark.value, locale_.t("t_benchmark") + " " + format_target_value(benchmark)));
      item.set("chart_title", title);
    }
    Data apart = list();
    for (const ApartTarget& a : comparison.apart) {
      const Policy& p = *a.entry.policy;
      Data row = object();
      row.set("region", region_of(p));
      row.set("region_url", region_url(p));
      row.set("value", format_target_value(*a.entry.target));
      row.set("target_year", std::to_string(a.entry.target->target_year));
      row.set("reason", apart_reason(locale_, a.reason));
      row.set("url", page.base + policy_page(p.id));
      row.set("policy", p.title);
      apart.push_back(row);
    }
    item.set("has_apart", flag(!apart.is_empty_list()));
    item.set("apart", apart);
    indicators.push_back(item);
  }
  body.set("has_indicators", flag(!indicators.is_empty_list()));
  body.set("indicators", indicators);
  return render(page, "targets", body);
}

SiteFile SitePages::downloads() {
  const Page page = at("downloads.html", locale_.t("downloads_title"), "nav_downloads");
  Data body = object();
  body.set("csv_size", extras_.csv_size);
  body.set("json_size", extras_.json_size);
  body.set("api_line", fill(locale_.t("download_api_line"), {{"version", "1"}}));
  Data items = list();
  if (extras_.bulletins) {
    for (auto it = extras_.bulletins->rbegin(); it != extras_.bulletins->rend(); ++it) {
      items.push_back(bulletin_item(*it, page));
    }
  }
  body.set("has_bulletins", flag(!items.is_empty_list()));
  body.set("bulletins", items);
  return render(page, "downloads", body);
}

SiteFile SitePages::not_found() {
  Page page{"404.html", locale_.t("not_found_title"), {}, {}, false, {}, {}};
  // Shown for any address, at any depth: absolute links when the site's address is known.
  page.site = options_.base_url.empty() ? up(page.path, locale_.english()) : options_.base_url;
  page.base = page.site + std::string(locale_.prefix());
  Data body = object();
  return render(page, "404", body);
}

const std::vector<std::string>& site_template_names() {
  static const std::vector<std::string> names{
      // the frame
      "body", "title", "description", "site", "base", "lang", "lang_key", "other_lang", "other_url",
      "canonical", "script", "nav_home", "nav_search", "nav_regions", "nav_sectors",
      "nav_bulletins", "nav_targets", "nav_downloads",
      // lists
      "url", "name", "count", "last", "label", "slug", "policies", "policy", "published", "region",
      "sector", "key",
      // home and search
      "total_line", "levels", "sectors", "map_svg", "month_chart", "latest_title", "latest",
      "has_latest", "bulletins", "has_bulletins", "static_count", "strings_json",
      // a policy
      "title_en", "stub", "id", "path", "region_path", "level", "sector_name", "sector_url",
      "subsector", "has_sectors", "issuers", "has_issuers", "doc_type", "document_number", "added",
      "updated", "status", "instrument", "source_text", "source_href", "source_ids",
      "has_source_ids", "tags", "has_tags", "headline", "summary", "targets", "has_targets",
      "indicator", "text", "value", "base_year", "target_year", "scope", "benchmark",
      "benchmark_url", "verdict", "verdict_class", "edit_url", "related", "has_related",
      // regions, sectors, issuers
      "name_other", "count_line", "search_line", "parents", "children", "has_children",
      "targets_title", "regions", "region_chart", "own", "sector_chart", "id_param",
      // bulletins, targets, downloads
      "content", "has_h1", "markdown_url", "prev", "next", "count_label", "indicators",
      "has_indicators", "unit", "benchmarks", "line", "chart", "chart_title", "compared",
      "has_compared", "apart", "has_apart", "reason", "region_url", "csv_size", "json_size",
      "api_line"};
  return names;
}

}  // namespace ccnt
