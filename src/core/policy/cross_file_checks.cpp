#include "core/policy/cross_file_checks.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "core/diag/message_catalog.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/text_normalize.hpp"

namespace ccnt {

void check_across_files(const std::vector<Policy>& policies, Diagnostics& diagnostics) {
  // For each policy, the earlier one with the same id and with the same region and title; the
  // two are found on two threads, with keys that view the policies' own strings.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> same_id(policies.size(), kNone);
  std::vector<std::size_t> same_title(policies.size(), kNone);
  std::vector<std::pair<std::size_t, std::string_view>> same_source;  // (policy, its source id)
  std::vector<std::size_t> same_source_first;
  auto find_ids = [&] {
    std::unordered_map<std::string_view, std::size_t> ids;
    ids.reserve(policies.size());
    for (std::size_t i = 0; i < policies.size(); ++i)
      if (auto [it, inserted] = ids.emplace(policies[i].id, i); !inserted) same_id[i] = it->second;
    std::unordered_map<std::string_view, std::size_t> sources;
    for (std::size_t i = 0; i < policies.size(); ++i)
      for (const std::string& source_id : policies[i].source_ids)
        if (auto [it, inserted] = sources.emplace(source_id, i); !inserted) {
          same_source.emplace_back(i, source_id);
          same_source_first.push_back(it->second);
        }
  };
  auto find_titles = [&] {
    using RegionTitle = std::pair<std::string_view, std::string_view>;
    struct RegionTitleHash {
      std::size_t operator()(const RegionTitle& key) const {
        const std::hash<std::string_view> hash;
        return hash(key.first) * 31 + hash(key.second);
      }
    };
    // Titles as a reader sees them: an NBSP, a doubled space or a zero-width character does
    // not make a second record of the same document.
    std::vector<std::string> forms(policies.size());
    for (std::size_t i = 0; i < policies.size(); ++i) forms[i] = comparison_form(policies[i].title);
    std::unordered_map<RegionTitle, std::size_t, RegionTitleHash> titles;
    titles.reserve(policies.size());
    for (std::size_t i = 0; i < policies.size(); ++i)
      if (auto [it, inserted] = titles.emplace(RegionTitle(policies[i].region, forms[i]), i);
          !inserted)
        same_title[i] = it->second;
  };
  if (policies.size() >= 10000 && std::thread::hardware_concurrency() > 1) {
    std::thread titles(find_titles);
    find_ids();
    titles.join();
  } else {
    find_ids();
    find_titles();
  }
  for (std::size_t i = 0; i < policies.size(); ++i) {
    const Policy& policy = policies[i];
    if (same_id[i] != kNone)
      diagnostics.error("E050", policy.path, policy.id_mark,
                        trf("id `{}` is already used by {}", policy.id, policies[same_id[i]].path),
                        trf("ids are unique across the tree; choose another id and file name"));
    if (same_title[i] != kNone)
      diagnostics.error(
          "E051", policy.path, policy.title_mark,
          trf("the same title is already recorded in {}", policies[same_title[i]].path),
          trf("a document is recorded once; update the existing file instead"));
  }
  for (std::size_t k = 0; k < same_source.size(); ++k) {
    const Policy& policy = policies[same_source[k].first];
    diagnostics.error("E052", policy.path, policy.id_mark,
                      trf("source id `{}` is already used by {}", same_source[k].second,
                          policies[same_source_first[k]].path),
                      trf("a source record is imported once; merge the two files into one"));
  }
}

}  // namespace ccnt

namespace ccnt {
namespace {

// The rank of an issuing level, the nation first; a level the schema does not know ranks last.
int level_rank(std::string_view level) {
  constexpr std::string_view kLevels[] = {"national", "provincial", "municipal", "county"};
  for (int i = 0; i < 4; ++i)
    if (kLevels[i] == level) return i;
  return 4;
}

// The policies by id (the first of an id used twice, which E050 reports).
std::unordered_map<std::string_view, const Policy*> index_by_id(
    const std::vector<Policy>& policies) {
  std::unordered_map<std::string_view, const Policy*> by_id;
  by_id.reserve(policies.size());
  for (const Policy& policy : policies) by_id.emplace(policy.id, &policy);
  return by_id;
}

std::string region_name(const Registry& registry, const std::string& slug) {
  const Region* region = registry.find_region(slug);
  return region ? region->name : slug;
}

// Reports the cycles that supersedes and amends form: each strongly connected group of records
// (Tarjan's algorithm, without recursion: a chain may be 100,000 records long) once, at its
// first record in path order, with one way round it.
void report_cycles(const std::vector<Policy>& policies,
                   const std::unordered_map<std::string_view, const Policy*>& by_id,
                   Diagnostics& diagnostics) {
  if (std::all_of(policies.begin(), policies.end(), [](const Policy& policy) {
        return policy.relations.supersedes.empty() && policy.relations.amends.empty();
      }))
    return;
  const std::size_t n = policies.size();
  std::vector<std::vector<std::size_t>> next(n);
  for (std::size_t i = 0; i < n; ++i)
    for (const RelationKind kind : {RelationKind::Supersedes, RelationKind::Amends})
      for (const RelationLink& link : policies[i].relations.of(kind)) {
        const auto it = by_id.find(link.id);
        if (it != by_id.end() && it->second != &policies[i])
          next[i].push_back(static_cast<std::size_t>(it->second - policies.data()));
      }
  constexpr std::size_t kUnseen = static_cast<std::size_t>(-1);
  std::vector<std::size_t> order(n, kUnseen), low(n, 0), stack;
  std::vector<bool> on_stack(n, false);
  std::vector<std::size_t> component(n, kUnseen);
  std::vector<std::vector<std::size_t>> components;
  std::size_t counter = 0;
  for (std::size_t start = 0; start < n; ++start) {
    if (order[start] != kUnseen || next[start].empty()) continue;
    std::vector<std::pair<std::size_t, std::size_t>> frames{{start, 0}};  // node, next edge
    order[start] = low[start] = counter++;
    stack.push_back(start);
    on_stack[start] = true;
    while (!frames.empty()) {
      auto& [node, edge] = frames.back();
      if (edge < next[node].size()) {
        const std::size_t to = next[node][edge++];
        if (order[to] == kUnseen) {
          order[to] = low[to] = counter++;
          stack.push_back(to);
          on_stack[to] = true;
          frames.emplace_back(to, 0);
        } else if (on_stack[to]) {
          low[node] = std::min(low[node], order[to]);
        }
        continue;
      }
      const std::size_t done = node;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[done]);
      if (low[done] != order[done]) continue;
      std::vector<std::size_t> members;
      std::size_t member = 0;
      do {
        member = stack.back();
        stack.pop_back();
        on_stack[member] = false;
        members.push_back(member);
      } while (member != done);
      if (members.size() < 2) continue;
      for (std::size_t m : members) component[m] = components.size();
      components.push_back(std::move(members));
    }
  }
  for (std::vector<std::size_t>& members : components) {
    std::sort(members.begin(), members.end());  // path order
    const std::size_t first = members.front();
    const std::size_t group = component[first];
    // One way round: breadth first from the first record back to it, inside the group.
    std::vector<std::size_t> parent(n, kUnseen);
    std::vector<std::size_t> queue{first};
    for (std::size_t at = 0; at < queue.size() && parent[first] == kUnseen; ++at)
      for (std::size_t to : next[queue[at]])
        if (component[to] == group && parent[to] == kUnseen) {
          parent[to] = queue[at];
          queue.push_back(to);
        }
    std::vector<std::size_t> round{first};
    for (std::size_t at = parent[first]; at != first && at != kUnseen; at = parent[at])
      round.push_back(at);
    std::string text = policies[first].id;
    for (auto it = round.rbegin(); it != round.rend(); ++it) text += " → " + policies[*it].id;
    const Policy& policy = policies[first];
    diagnostics.error("E057", policy.path, policy.id_mark,
                      trf("supersedes and amends form a cycle: {}", text),
                      trf("a record supersedes or amends only earlier records; remove the link "
                          "that points forward"));
  }
}

}  // namespace

void check_relations(const std::vector<Policy>& policies, const Registry& registry,
                     const std::unordered_set<std::string>& unreadable_ids,
                     Diagnostics& diagnostics) {
  // Most trees state few relations, or none: then there is nothing to index.
  if (std::all_of(policies.begin(), policies.end(),
                  [](const Policy& policy) { return policy.relations.empty(); }))
    return;
  const auto by_id = index_by_id(policies);
  std::vector<std::string> ids;  // for suggestions, made once and only when needed
  for (const Policy& policy : policies) {
    for (const RelationKind kind : kRelationKinds) {
      const std::string_view field = relation_field(kind);
      for (const RelationLink& link : policy.relations.of(kind)) {
        if (link.id == policy.id) continue;  // reported with the file (E057)
        const auto found = by_id.find(link.id);
        if (found == by_id.end()) {
          if (unreadable_ids.count(link.id) > 0) continue;  // its own errors are reported
          if (ids.empty())
            for (const Policy& other : policies) ids.push_back(other.id);
          const std::vector<std::string> close = closest_matches(link.id, ids);
          diagnostics.error(
              "E054", policy.path, link.mark,
              trf("`{}` names `{}`, which no record has", field, link.id),
              close.empty() ? trf("give the id of a record in policies/ (ccnt list --format ids)")
                            : did_you_mean(close));
          continue;
        }
        const Policy& target = *found->second;
        if (kind == RelationKind::Implements) {
          if (level_rank(target.level) >= level_rank(policy.level)) {
            diagnostics.error(
                "E055", policy.path, link.mark,
                trf("`implements` names `{}`, a {} record; a {} record implements only records "
                    "of a higher level",
                    target.id, target.level, policy.level),
                trf("a provincial plan implements a national one, not the reverse: state the "
                    "link in the lower-level record"));
            continue;
          }
          const Region* region = registry.find_region(policy.region);
          const Region* target_region = registry.find_region(target.region);
          if (region && target_region && target.level != "national" &&
              !registry.is_within(*region, *target_region)) {
            diagnostics.error(
                "E056", policy.path, link.mark,
                trf("`implements` names `{}` of {}, which {} does not lie in", target.id,
                    region_name(registry, target.region), region_name(registry, policy.region)),
                trf("a record implements the documents of its own province or of the nation"));
            continue;
          }
        } else if (target.region != policy.region) {
          diagnostics.error(
              "E058", policy.path, link.mark,
              trf("`{}` names `{}` of {}, another region than this record's ({})", field, target.id,
                  region_name(registry, target.region), region_name(registry, policy.region)),
              trf("a record supersedes or amends only records of its own region; a document of a "
                  "higher level is linked with `implements`"));
          continue;
        }
        if (policy.published && target.published &&
            target.published->compare_coarse(*policy.published) > 0)
          diagnostics.warning(
              "W055", policy.path, link.mark,
              trf("`{}` names `{}`, published {}, after this record ({})", field, target.id,
                  target.published->to_string(), policy.published->to_string()),
              trf("check both dates: a document follows what it implements, supersedes or "
                  "amends"));
        if (kind == RelationKind::Supersedes && target.status != "superseded" &&
            target.status != "expired")
          diagnostics.warning(
              "W054", target.path, target.id_mark,
              target.status.empty()
                  ? trf("superseded by `{}`, but the record states no status", policy.id)
                  : trf("superseded by `{}`, but its status is `{}`", policy.id, target.status),
              trf("set `status: superseded`"));
      }
    }
  }
  report_cycles(policies, by_id, diagnostics);
}

void check_series_records(const std::vector<Policy>& policies, const SeriesRegistry& series,
                          Diagnostics& diagnostics) {
  if (series.series().empty()) return;
  const auto by_id = index_by_id(policies);
  for (const PolicySeries& entry : series.series()) {
    // A tree without the record is no error: the registry is shared by trees that hold only a
    // part of the data (coverage marks the record as not in the tree).
    const auto found = entry.national.empty() ? by_id.end() : by_id.find(entry.national);
    if (found != by_id.end() && found->second->level != "national")
      diagnostics.error("E131", series.path(), entry.national_mark,
                        trf("series `{}` names `{}` as its national record, but it is a {} record",
                            entry.slug, entry.national, found->second->level),
                        trf("`national` is the national document the series is named after"));
  }
}

}  // namespace ccnt
