#include "core/bulletin/bulletin_render.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "core/bulletin/builtin_templates.hpp"
#include "core/bulletin/bulletin_headline.hpp"
#include "core/bulletin/bulletin_month.hpp"
#include "core/bulletin/bulletin_targets.hpp"
#include "core/diag/message_catalog.hpp"
#include "core/output/markdown_escape.hpp"
#include "core/output/template_check.hpp"
#include "core/util/text.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

namespace {

constexpr std::string_view kTemplateName = "bulletin.md.mustache";

// Looks policies up by id and regions and sectors by slug, for one rendering.
class BulletinDataBuilder {
 public:
  BulletinDataBuilder(const std::vector<Policy>& policies, const Registry& registry,
                      const BulletinLinks& links)
      : tree_(policies), registry_(registry), links_(links) {
    by_id_.reserve(policies.size());
    for (const Policy& policy : policies) by_id_.emplace(policy.id, &policy);
  }

  mustache::data build(const BulletinEditorial& editorial) {
    mustache::data data{mustache::data::type::object};
    data["year"] = std::to_string(editorial.month.year);
    data["month"] = std::to_string(editorial.month.month);
    data["month_id"] = editorial.month.to_string();
    data["draft"] = mustache::data{editorial.draft ? mustache::data::type::bool_true
                                                   : mustache::data::type::bool_false};
    if (auto section = build_section(editorial.national)) data["national"] = std::move(*section);
    if (auto section = build_section(editorial.local)) data["local"] = std::move(*section);
    if (!editorial.credits.empty()) data["credits"] = editorial.credits;
    if (editorial.shows(kAppendixCounts) && !listed_.empty()) data["counts"] = build_counts();
    if (editorial.shows(kAppendixTargets))
      if (auto targets = build_targets()) data["targets"] = std::move(*targets);
    return data;
  }

 private:
  std::optional<mustache::data> build_section(const BulletinSection& section) {
    if (!section.present) return std::nullopt;
    mustache::data overview{mustache::data::type::list};
    mustache::data groups{mustache::data::type::list};
    std::size_t count = 0;
    for (const std::string& paragraph : section.overview)
      if (!paragraph.empty()) overview << mustache::data{paragraph};
    for (const BulletinGroup& group : section.groups) {
      if (section.overview.empty() && !group.lead.empty()) overview << mustache::data{group.lead};
      mustache::data items{mustache::data::type::list};
      for (const std::string& id : group.policy_ids) {
        const auto found = by_id_.find(id);
        if (found == by_id_.end()) continue;  // reported by the editorial checks
        items << build_item(*found->second);
        ++count;
      }
      mustache::data entry{mustache::data::type::object};
      if (!group.lead.empty()) entry["lead"] = group.lead;
      entry["items"] = std::move(items);
      groups << std::move(entry);
    }
    mustache::data data{mustache::data::type::object};
    data["overview"] = std::move(overview);
    data["groups"] = std::move(groups);
    data["count"] = std::to_string(count);
    return data;
  }

  mustache::data build_item(const Policy& policy) {
    listed_.push_back(&policy);
    mustache::data item{mustache::data::type::object};
    item["headline"] = bulletin_headline(policy, registry_);
    item["summary"] = policy.summary;
    item["id"] = policy.id;
    item["title"] = policy.title;
    item["region"] = region_full_name(policy.region);
    item["sector"] = sector_name(policy.sector);
    if (policy.published) item["published"] = policy.published->to_string();
    if (!policy.document_number.empty()) item["document_number"] = policy.document_number;
    // Ready for a link destination, `[…]({{source}})`: https only, nothing that could end it.
    if (auto source = markdown_link_destination(policy.source)) item["source"] = *source;
    if (links_.policy_url) item["url"] = links_.policy_url(policy);
    return item;
  }

  // The month's policies by region (registry order, with their sectors) and by sector.
  mustache::data build_counts() const {
    std::vector<const Policy*> policies = listed_;
    std::vector<std::pair<std::size_t, std::string>> regions, sectors;
    std::size_t national = 0;
    for (const Policy* policy : policies) {
      regions.emplace_back(registry_.region_rank(policy->region), policy->region);
      sectors.emplace_back(registry_.sector_rank(policy->sector), policy->sector);
      if (is_national_policy(*policy)) ++national;
    }
    mustache::data by_region{mustache::data::type::list};
    for (const auto& [r, slug] : distinct(regions)) {
      std::vector<std::pair<std::size_t, std::string>> own;
      std::size_t n = 0;
      for (const Policy* policy : policies) {
        if (policy->region != slug) continue;
        ++n;
        own.emplace_back(registry_.sector_rank(policy->sector), policy->sector);
      }
      std::string names;
      for (const auto& [s, sector] : distinct(own))
        names += (names.empty() ? "" : "、") + sector_name(sector);
      mustache::data row{mustache::data::type::object};
      const Region* region = registry_.find_region(slug);
      row["name"] = region ? region->name : slug;
      row["count"] = std::to_string(n);
      row["sectors"] = names;
      by_region << std::move(row);
    }
    mustache::data by_sector{mustache::data::type::list};
    for (const auto& [s, slug] : distinct(sectors)) {
      mustache::data row{mustache::data::type::object};
      row["name"] = sector_name(slug);
      row["count"] = std::to_string(
          std::count_if(policies.begin(), policies.end(),
                        [&slug = slug](const Policy* p) { return p->sector == slug; }));
      by_sector << std::move(row);
    }
    mustache::data counts{mustache::data::type::object};
    counts["total"] = std::to_string(policies.size());
    counts["national_count"] = std::to_string(national);
    counts["local_count"] = std::to_string(policies.size() - national);
    counts["by_region"] = std::move(by_region);
    counts["by_sector"] = std::move(by_sector);
    return counts;
  }

  // The month's local targets against the national benchmark; nullopt when none compares.
  std::optional<mustache::data> build_targets() const {
    const std::vector<BulletinTargetRow> rows = bulletin_target_rows(listed_, tree_, registry_);
    if (rows.empty()) return std::nullopt;
    mustache::data list{mustache::data::type::list};
    mustache::data sources{mustache::data::type::list};
    std::vector<std::string> titles;
    for (const BulletinTargetRow& row : rows) {
      mustache::data entry{mustache::data::type::object};
      entry["region"] = row.region;
      entry["indicator"] = row.indicator;
      if (!row.terms.empty()) entry["terms"] = row.terms;
      entry["target_year"] = std::to_string(row.year);
      entry["value"] = row.value;
      entry["benchmark"] = row.benchmark;
      entry["benchmark_title"] = row.benchmark_title;
      entry["verdict"] = row.verdict;
      list << std::move(entry);
      if (std::find(titles.begin(), titles.end(), row.benchmark_title) == titles.end()) {
        titles.push_back(row.benchmark_title);
        sources << mustache::data{row.benchmark_title};
      }
    }
    mustache::data targets{mustache::data::type::object};
    targets["rows"] = std::move(list);
    targets["sources"] = std::move(sources);
    return targets;
  }

  // Sorted by rank, then slug, each slug once.
  static std::vector<std::pair<std::size_t, std::string>> distinct(
      std::vector<std::pair<std::size_t, std::string>> keys) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
  }

  std::string region_full_name(const std::string& slug) const {
    const Region* region = registry_.find_region(slug);
    return region ? region->full_name : slug;
  }

  std::string sector_name(const std::string& slug) const {
    const Sector* sector = registry_.find_sector(slug);
    return sector ? sector->name : slug;
  }

  const std::vector<Policy>& tree_;
  const Registry& registry_;
  const BulletinLinks& links_;
  std::unordered_map<std::string, const Policy*> by_id_;
  std::vector<const Policy*> listed_;  // the policies rendered, in order
};

}  // namespace

std::optional<fs::path> find_bulletin_template(const fs::path& root) {
  std::error_code ec;
  const fs::path file = root / "templates" / kTemplateName;
  if (fs::is_regular_file(file, ec)) return file;
  return std::nullopt;
}

std::string_view builtin_bulletin_template() {
  // The build embeds the file (src/CMakeLists.txt); a build without it would not link.
  return builtin_file(kTemplateName).value_or(std::string_view{});
}

const std::vector<std::string>& bulletin_template_names() {
  static const std::vector<std::string> names{"year",
                                              "month",
                                              "month_id",
                                              "draft",
                                              "national",
                                              "local",
                                              "overview",
                                              "groups",
                                              "lead",
                                              "items",
                                              "count",
                                              "headline",
                                              "summary",
                                              "id",
                                              "title",
                                              "region",
                                              "sector",
                                              "published",
                                              "document_number",
                                              "source",
                                              "url",
                                              "credits",
                                              "counts",
                                              "total",
                                              "national_count",
                                              "local_count",
                                              "by_region",
                                              "by_sector",
                                              "name",
                                              "sectors",
                                              "targets",
                                              "rows",
                                              "indicator",
                                              "terms",
                                              "target_year",
                                              "value",
                                              "benchmark",
                                              "benchmark_title",
                                              "verdict",
                                              "sources"};
  return names;
}

bool check_bulletin_template(std::string_view template_text, const std::string& path,
                             Diagnostics& diagnostics) {
  mustache::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) {
    const auto [message, mark] = locate_template_error(template_text, tmpl.error_message());
    diagnostics.error(
        "E068", path, mark, trf("template syntax error: {}", message),
        trf("every {} needs a matching {}; see docs/bulletin.md", "{{#name}}", "{{/name}}"));
    return false;
  }
  check_template_names(template_text, path, bulletin_template_names(), "W062",
                       trf("docs/bulletin.md lists the template variables"), diagnostics);
  return true;
}

std::optional<std::string> render_bulletin(std::string_view template_text,
                                           const std::string& template_path,
                                           const BulletinEditorial& editorial,
                                           const std::vector<Policy>& policies,
                                           const Registry& registry, Diagnostics& diagnostics,
                                           const BulletinLinks& links) {
  mustache::mustache tmpl{std::string(template_text)};
  tmpl.set_custom_escape([](const std::string& text) { return markdown_escape(text); });
  const mustache::data data = BulletinDataBuilder(policies, registry, links).build(editorial);
  std::string rendered = tmpl.is_valid() ? tmpl.render(data) : std::string();
  if (!tmpl.is_valid()) {
    const auto [message, mark] = locate_template_error(template_text, tmpl.error_message());
    diagnostics.error("E068", template_path, mark, trf("template error: {}", message));
    return std::nullopt;
  }
  return tidy_blank_lines(rendered);
}

std::string tidy_blank_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t blank_run = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      ++blank_run;
      continue;
    }
    if (!out.empty() && blank_run > 0) out += '\n';
    blank_run = 0;
    out.append(line);
    out += '\n';
  }
  return out;
}

}  // namespace ccnt
