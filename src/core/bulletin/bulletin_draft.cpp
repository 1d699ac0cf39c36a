#include "core/bulletin/bulletin_draft.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "core/bulletin/bulletin_month.hpp"
#include "core/output/markdown_escape.hpp"

namespace ccnt {
namespace {

class DateOrder {
 public:
  explicit DateOrder(const Registry& registry) {
    for (std::size_t i = 0; i < registry.regions().size(); ++i)
      region_rank_.emplace(registry.regions()[i].slug, i);
  }

  bool operator()(const Policy* a, const Policy* b) const {
    if (a->published != b->published) {
      if (!a->published || !b->published) return a->published.has_value();
      return *a->published < *b->published;
    }
    if (a->added != b->added) return a->added < b->added;
    const std::size_t ra = rank(a->region), rb = rank(b->region);
    if (ra != rb) return ra < rb;
    if (a->title != b->title) return a->title < b->title;
    return a->id < b->id;
  }

 private:
  std::size_t rank(const std::string& slug) const {
    const auto it = region_rank_.find(slug);
    return it == region_rank_.end() ? region_rank_.size() : it->second;
  }

  std::unordered_map<std::string, std::size_t> region_rank_;
};

std::string sector_name(const SectorGroup& group) {
  return group.sector ? group.sector->name : group.policies.front()->sector;
}

// The full names of the regions of `policies`, each once, in order: 河北省、浙江省.
std::string region_names(const std::vector<const Policy*>& policies, const Registry& registry) {
  std::vector<std::string> names;
  for (const Policy* policy : policies) {
    const Region* region = registry.find_region(policy->region);
    std::string name = region ? region->full_name : policy->region;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : "、") + name;
  return joined;
}

std::size_t region_count(const std::vector<SectorGroup>& groups) {
  std::vector<std::string> regions;
  for (const SectorGroup& group : groups)
    for (const Policy* policy : group.policies) regions.push_back(policy->region);
  std::sort(regions.begin(), regions.end());
  return std::unique(regions.begin(), regions.end()) - regions.begin();
}

BulletinGroup group_of(const std::vector<const Policy*>& policies, std::string lead) {
  BulletinGroup group;
  group.lead = std::move(lead);
  for (const Policy* policy : policies) {
    group.policy_ids.push_back(policy->id);
    group.policy_marks.push_back({});
  }
  return group;
}

// One line of a YAML comment: line breaks would end the comment.
std::string comment_text(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

void append_ids(std::string& out, const std::vector<const Policy*>& policies) {
  out += "      policies:\n";
  for (const Policy* policy : policies)
    out += fmt::format("        - {}  # 《{}》\n", policy->id, comment_text(policy->title));
}

}  // namespace

DraftGrouping group_for_draft(const std::vector<const Policy*>& month_policies,
                              const Registry& registry) {
  DraftGrouping grouping;
  std::unordered_map<std::string, std::size_t> sector_rank;
  for (std::size_t i = 0; i < registry.sectors().size(); ++i)
    sector_rank.emplace(registry.sectors()[i].slug, i);
  std::vector<const Policy*> local;
  for (const Policy* policy : month_policies)
    (is_national_policy(*policy) ? grouping.national : local).push_back(policy);
  const DateOrder by_date(registry);
  std::stable_sort(grouping.national.begin(), grouping.national.end(), by_date);
  const auto rank = [&](const Policy* policy) {
    const auto it = sector_rank.find(policy->sector);
    return it == sector_rank.end() ? sector_rank.size() : it->second;
  };
  std::stable_sort(local.begin(), local.end(), [&](const Policy* a, const Policy* b) {
    const std::size_t ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    if (a->sector != b->sector) return a->sector < b->sector;
    return by_date(a, b);
  });
  for (const Policy* policy : local) {
    if (grouping.local.empty() || grouping.local.back().policies.front()->sector != policy->sector)
      grouping.local.push_back({registry.find_sector(policy->sector), {}});
    grouping.local.back().policies.push_back(policy);
  }
  return grouping;
}

BulletinEditorial draft_bulletin(const PartialDate& month,
                                 const std::vector<const Policy*>& month_policies,
                                 const Registry& registry) {
  const DraftGrouping grouping = group_for_draft(month_policies, registry);
  BulletinEditorial draft;
  draft.month = month;
  draft.draft = true;
  draft.appendix = {std::string(kAppendixCounts), std::string(kAppendixTargets)};
  if (!grouping.national.empty()) {
    draft.national.present = true;
    // The count line once, in the overview; the group needs no lead of its own (as a lead it
    // would also stand for the overview, and the draft printed it twice).
    draft.national.overview.push_back(
        fmt::format("本月新增国家政策 {} 项。", grouping.national.size()));
    draft.national.overview_marks.push_back({});
    draft.national.groups.push_back(group_of(grouping.national, {}));
  }
  if (!grouping.local.empty()) {
    draft.local.present = true;
    std::size_t total = 0;
    for (const SectorGroup& group : grouping.local) {
      total += group.policies.size();
      draft.local.groups.push_back(group_of(
          group.policies, markdown_escape(fmt::format("{}领域 {} 项：{}。", sector_name(group),
                                                      group.policies.size(),
                                                      region_names(group.policies, registry)))));
    }
    draft.local.overview.push_back(fmt::format("本月新增地方政策 {} 项，来自 {} 个省市。", total,
                                               region_count(grouping.local)));
    draft.local.overview_marks.push_back({});
  }
  return draft;
}

std::string bulletin_skeleton(const PartialDate& month,
                              const std::vector<const Policy*>& month_policies,
                              const Registry& registry, bool schema_line) {
  const DraftGrouping grouping = group_for_draft(month_policies, registry);
  const std::string m = month.to_string();
  std::string out =
      schema_line ? "# yaml-language-server: $schema=../schemas/bulletin.schema.json\n" : "";
  out += fmt::format(
      "# Editorial file of the CCNT (零碳录) bulletin for {0}.\n"
      "# `ccnt report --month {0}` renders the bulletin from this file, the policies\n"
      "# whose `added` is {0}, and templates/bulletin.md.mustache.\n"
      "# Check it with `ccnt validate`. The format is described in docs/bulletin.md.\n"
      "#\n"
      "# Text is Markdown: write each paragraph on one line (quote it if it starts\n"
      "# with a character YAML treats specially, such as \" or *). Replace every TODO.\n"
      "\n",
      m);

  const auto section = [&](std::string_view key, std::string_view title,
                           std::string_view overview_hint) {
    out += fmt::format(
        "# {}\n"
        "{}:\n"
        "  # Optional: the paragraphs of this section in the overview at the top of the\n"
        "  # bulletin, when they differ from the group leads below ({}).\n"
        "  # overview:\n"
        "  #   - ...\n"
        "  # Groups of policies, in order. Each group: a lead paragraph, then the ids\n"
        "  # of its policies in the order they appear. Move ids between groups freely;\n"
        "  # every policy of the month must be listed exactly once.\n"
        "  groups:\n",
        title, key, overview_hint);
  };

  section("national", "碳中和国家行动一览: policies of the central government.",
          "default: the leads");
  if (grouping.national.empty()) {
    out += "    []  # no national policy was added this month\n";
  } else {
    out += fmt::format("    - lead: \"TODO: 国家行动导语（{} 项）\"\n", grouping.national.size());
    append_ids(out, grouping.national);
  }
  out += "\n";
  section("local", "碳中和地方行动一览: policies of provinces and cities.", "default: the leads");
  if (grouping.local.empty()) {
    out += "    []  # no local policy was added this month\n";
  }
  for (const SectorGroup& group : grouping.local) {
    out += fmt::format("    - lead: \"TODO: 本组导语（{}，{} 项）\"\n", sector_name(group),
                       group.policies.size());
    append_ids(out, group.policies);
  }
  out += fmt::format(
      "\n"
      "# 信息整理: who compiled this bulletin, as printed at the end, e.g. 韩迪、朱彤昕.\n"
      "credits: \"TODO: 信息整理人\"\n"
      "\n"
      "# Optional parts of the template to include: `{}` (a table of the month's\n"
      "# policies by region and sector) and `{}` (the month's quantitative targets\n"
      "# beside the national benchmark, where they compare). For example:\n"
      "# appendix: [{}, {}]\n"
      "appendix: []\n",
      kAppendixCounts, kAppendixTargets, kAppendixCounts, kAppendixTargets);
  return out;
}

}  // namespace ccnt
