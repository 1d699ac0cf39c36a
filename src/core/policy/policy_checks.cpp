#include "core/policy/policy_checks.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "core/diag/message_catalog.hpp"
#include "core/policy/doc_type.hpp"
#include "core/policy/registry.hpp"
#include "core/policy/text_checks.hpp"
#include "core/util/edit_distance.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

Mark mark_of(const Node& map, std::string_view key) {
  const Node* value = map.find(key);
  return value ? value->mark : map.mark;
}

class PolicyChecker {
 public:
  PolicyChecker(const Node& document, const std::string& display, const Project& project,
                const PartialDate& today, const SchemaFindings& schema, Diagnostics& diagnostics)
      : doc_(document),
        path_(display),
        project_(project),
        today_(today),
        schema_(schema),
        out_(diagnostics) {}

  // Each check reads only fields the schema found sound; a field with a schema error has
  // been reported already, and its value may not be what the check expects.
  void check_place(Policy& policy, const fs::path& file) {
    const Registry& registry = project_.registry;
    const bool region_sound = !schema_.broken("region");
    const RegionMatch match = region_sound ? registry.match_region(policy.region) : RegionMatch{};
    const Region* region = match.region;
    if (!match.candidates.empty()) {
      out_.error("E038", path_, mark_of(doc_, "region"),
                 trf("region `{}` is ambiguous: {}", policy.region,
                     registry.describe_regions(match.candidates)),
                 registry.ambiguity_hint(match.candidates));
    } else if (!region) {
      if (region_sound) {
        const auto suggestions = registry.suggest_regions(policy.region);
        out_.error("E030", path_, mark_of(doc_, "region"),
                   trf("unknown region `{}`", policy.region),
                   suggestions.empty()
                       ? trf("`{}` is not in schemas/regions.yaml — add it there", policy.region)
                       : did_you_mean(suggestions));
      }
    } else {
      policy.region = region->slug;
      if (!schema_.broken("level") && region->policy_level() != policy.level)
        out_.error("E037", path_, mark_of(doc_, "level"),
                   trf("level `{}` does not fit region {} ({}), which issues at level `{}`",
                       policy.level, region->name, region->slug, region->policy_level()));
    }
    const bool sector_sound = !schema_.broken("sector");
    // A stub may have no sector yet: it lives in policies/<region>/_unsorted/.
    const bool unsorted = sector_sound && policy.stub && policy.sector.empty();
    const Sector* sector =
        sector_sound && !unsorted ? registry.find_sector(policy.sector) : nullptr;
    if (unsorted) {
      // Nothing to resolve; check_directories checks the directory.
    } else if (!sector) {
      if (sector_sound)
        out_.error("E031", path_, mark_of(doc_, "sector"),
                   trf("unknown sector `{}`", policy.sector),
                   did_you_mean(registry.suggest_sectors(policy.sector)));
    } else {
      policy.sector = sector->slug;
      if (!policy.subsector.empty() && !schema_.broken("subsector")) {
        if (const Subsector* sub = registry.find_subsector(*sector, policy.subsector))
          policy.subsector = sub->slug;
        else
          out_.error("E035", path_, mark_of(doc_, "subsector"),
                     trf("`{}` is not a subsector of {}", policy.subsector, sector->slug),
                     sector->subsectors.empty()
                         ? trf("this sector has no subsectors; remove the field")
                         : trf("schemas/sectors.yaml lists the subsectors of {}", sector->slug));
      }
    }
    if (const Node* further = doc_.find("sectors");
        further && further->is_sequence() && !schema_.broken("sectors")) {
      for (std::size_t i = 0; i < further->items.size(); ++i) {
        const std::string& name = further->items[i].scalar;
        if (const Sector* s = registry.find_sector(name))
          policy.sectors[i] = s->slug;
        else
          out_.error("E031", path_, further->items[i].mark, trf("unknown sector `{}`", name),
                     did_you_mean(registry.suggest_sectors(name)));
      }
    }
    check_directories(policy, file, region, sector);
  }

  void check_dates(const Policy& policy) {
    const auto check = [&](std::string_view key, const std::optional<PartialDate>& date) {
      if (!date || schema_.broken(key)) return false;
      if (!date->is_real()) {
        out_.error("E040", path_, mark_of(doc_, key),
                   trf("`{}` is not a real date: {}", key, date->to_string()));
        return false;
      }
      if (date->compare_coarse(today_) > 0) {
        out_.error("E041", path_, mark_of(doc_, key),
                   trf("`{}` {} is in the future (today is {})", key, date->to_string(),
                       today_.to_string()));
        return false;
      }
      return true;
    };
    const bool published = check("published", policy.published);
    const bool added = check("added", policy.added);
    check("updated", policy.updated);  // may precede `added`: an import keeps the source's date
    if (published && added && policy.added.compare_coarse(*policy.published) < 0)
      out_.error("E042", path_, mark_of(doc_, "added"),
                 trf("`added` {} is before `published` {}", policy.added.to_string(),
                     policy.published->to_string()),
                 trf("a record cannot enter the tracker before the document is published"));
  }

  void check_targets(const Policy& policy) {
    if (schema_.broken("targets")) return;  // items may be missing or of the wrong kind
    for (std::size_t i = 0; i < policy.targets.size(); ++i) {
      const Target& target = policy.targets[i];
      const Node& node = doc_.find("targets")->items[i];
      const std::string where = fmt::format("targets[{}]", i);
      const Indicator* indicator = project_.registry.find_indicator(target.indicator);
      if (!indicator)
        out_.error("E045", path_, mark_of(node, "indicator"),
                   trf("{}.indicator: unknown indicator `{}`", where, target.indicator),
                   did_you_mean(project_.registry.suggest_indicators(target.indicator)));
      if (target.base_year && *target.base_year >= target.target_year)
        out_.error("E043", path_, mark_of(node, "target_year"),
                   trf("{}: target year {} is not after base year {}", where, target.target_year,
                       *target.base_year));
      if (target.unit == "%" && (target.kind == "reduction" || target.kind == "share") &&
          (target.value < 0 || target.value > 100))
        out_.error("E044", path_, mark_of(node, "value"),
                   trf("{}: {} {} is not a percentage between 0 and 100", where, target.kind,
                       target.value));
      if (indicator && !indicator->unit.empty() && indicator->unit != target.unit)
        out_.warning("W008", path_, mark_of(node, "unit"),
                     trf("{}: unit `{}` differs from the unit `{}` of indicator {}", where,
                         target.unit, indicator->unit, indicator->slug),
                     trf("targets are compared only in the indicator's unit"));
      if (!target.text.empty() && !schema_.broken("summary") &&
          policy.summary.find(target.text) == std::string::npos)
        out_.warning("W007", path_, mark_of(node, "text"),
                     trf("{}.text does not appear in the summary", where),
                     trf("copy the phrase that states the target from the summary"));
    }
  }

  // Every issuer names an agency the registry can place (W080), one per item (W081).
  void check_issuers(const Policy& policy) {
    const Registry& registry = project_.registry;
    const Node* list = doc_.find("issuers");
    if (!list || !list->is_sequence() || !registry.find_region(policy.region)) return;
    for (const Node& item : list->items) {
      const std::string& issuer = item.scalar;
      const IssuerPlacement placement = registry.place_issuer(issuer, policy.region);
      if (!placement.placed()) {
        const std::vector<std::string> close = registry.agencies().suggest(issuer, registry);
        out_.warning("W080", path_, item.mark,
                     trf("issuer `{}` is not an agency schemas/agencies.yaml knows", issuer),
                     close.empty() ? trf("check the name, or add the agency to "
                                         "schemas/agencies.yaml (or its kind under `regional`)")
                                   : did_you_mean(close));
      } else if (placement.several) {
        out_.warning(
            "W081", path_, item.mark,
            trf("issuer `{}` names {} agencies in one item", issuer, placement.parts.size()),
            trf("write one agency per item of `issuers`: {}",
                fmt::join(placement.parts, tr(", "))));
      }
    }
  }

  void check_identity(const Policy& policy, const fs::path& file) {
    if (!schema_.broken("id") && file.stem().string() != policy.id)
      out_.error(
          "E036", path_, mark_of(doc_, "id"),
          trf("id `{}` differs from the file name `{}`", policy.id, file.filename().string()),
          trf("rename the file to {}{}, or set `id: {}`", policy.id, file.extension().string(),
              file.stem().string()));
    if (!schema_.broken("doc_type") && !schema_.broken("title") && policy.doc_type != "其他" &&
        !title_without_period(policy.title).ends_with(policy.doc_type))
      out_.warning("W010", path_, mark_of(doc_, "doc_type"),
                   trf("title does not end with its doc_type `{}`", policy.doc_type),
                   trf("doc_type is the kind of document the title names, e.g. 实施方案"));
    if (!schema_.broken("source") && policy.source.starts_with("http://"))
      out_.warning("W014", path_, mark_of(doc_, "source"), http_source_warning(),
                   http_source_hint());
  }

  // What a record's relations can be checked for without the other records: none names the
  // record itself (E057), and a national record implements nothing (E055).
  void check_relations(const Policy& policy) {
    for (const RelationKind kind : kRelationKinds) {
      const std::string_view field = relation_field(kind);
      if (schema_.broken(field)) continue;
      for (const RelationLink& link : policy.relations.of(kind))
        if (link.id == policy.id)
          out_.error("E057", path_, link.mark, trf("`{}` names the record itself", field),
                     trf("name another record's id, or remove the item"));
      if (kind == RelationKind::Implements && !policy.relations.implements.empty() &&
          policy.level == "national" && !schema_.broken("level"))
        out_.error("E055", path_, mark_of(doc_, field),
                   trf("a national record implements no other record"),
                   trf("state the link in the lower-level record: its `implements` names this "
                       "one"));
    }
  }

 private:
  // True when the directories before the sector's are those of the region's lineage, each as
  // its directory name or any other form of its name (policies/浙江省/…).
  bool in_region_directory(const Region& region, const std::vector<std::string>& parts) const {
    const Registry& registry = project_.registry;
    const std::vector<const Region*> lineage = registry.lineage(region);
    if (lineage.size() + 2 != parts.size()) return false;
    for (std::size_t i = 0; i < lineage.size(); ++i) {
      if (parts[i] == lineage[i]->dir) continue;
      const RegionMatch match = registry.match_region(parts[i]);
      if (match.region != lineage[i] && std::find(match.candidates.begin(), match.candidates.end(),
                                                  lineage[i]) == match.candidates.end())
        return false;
    }
    return true;
  }

  // Policy files live at policies/<region path>/<sector>/<id>.yaml, the region path being the
  // directories of its enclosing regions and its own (zhejiang/jinhua/yiwu); the sector
  // directory may be in any form.
  void check_directories(const Policy& policy, const fs::path& file, const Region* region,
                         const Sector* sector) {
    const fs::path relative = file.lexically_relative(project_.policies_dir());
    std::vector<std::string> parts;
    for (const auto& part : relative) parts.push_back(part.string());
    const Registry& registry = project_.registry;
    const std::string region_dir = region ? registry.directory_of(*region) : std::string();
    if (parts.size() < 3 || parts[0] == "..") {
      out_.error("E034", path_, {},
                 trf("policy file is not at policies/<region>/<sector>/<id>.yaml"),
                 region && sector ? trf("move it to policies/{}/{}/", region_dir, sector->slug)
                                  : std::string());
      return;
    }
    const std::string& sector_dir = parts[parts.size() - 2];
    std::string dirs;
    for (std::size_t i = 0; i + 2 < parts.size(); ++i) dirs += (i ? "/" : "") + parts[i];
    if (region && !in_region_directory(*region, parts))
      out_.error("E032", path_, mark_of(doc_, "region"),
                 trf("region {} does not match the directory `{}`", policy.region, dirs),
                 trf("move the file to policies/{}/{}/", region_dir, sector_dir));
    if (policy.stub && policy.sector.empty() && !schema_.broken("sector")) {
      if (sector_dir != kUnsortedDir)
        out_.error("E033", path_, mark_of(doc_, "id"),
                   trf("a stub without a sector is in the directory `{}`", sector_dir),
                   trf("move the file to policies/{}/{}/ or set `sector`", dirs, kUnsortedDir));
      return;
    }
    const Sector* dir_sector = registry.find_sector(sector_dir);
    if (sector && dir_sector != sector)
      out_.error("E033", path_, mark_of(doc_, "sector"),
                 trf("sector {} does not match the directory `{}`", policy.sector, sector_dir),
                 trf("move the file to policies/{}/{}/ or change `sector`", dirs, sector->slug));
  }

  const Node& doc_;
  const std::string& path_;
  const Project& project_;
  const PartialDate& today_;
  const SchemaFindings& schema_;
  Diagnostics& out_;
};

}  // namespace

std::optional<Policy> check_policy(const Node& document, const fs::path& file,
                                   const std::string& display, const Project& project,
                                   const PartialDate& today, Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  check_text(document, display, policy_text_rules(), diagnostics);
  const SchemaFindings schema = project.schema.validate(document, display, diagnostics);
  if (schema.document_broken) return std::nullopt;

  Policy policy = policy_from_node(document, display);
  PolicyChecker checker(document, display, project, today, schema, diagnostics);
  checker.check_place(policy, file);
  checker.check_identity(policy, file);
  checker.check_dates(policy);
  checker.check_targets(policy);
  checker.check_issuers(policy);
  checker.check_relations(policy);
  if (diagnostics.error_count() != errors_before) return std::nullopt;
  return policy;
}

std::string http_source_warning() {
  return trf("the source is an http:// address, not https://");
}

std::string http_source_hint() {
  return trf(
      "many government sites serve only http; if the address also opens with https://, "
      "write that instead");
}

}  // namespace ccnt
