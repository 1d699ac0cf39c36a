#include "core/diff/bulletin_effect.hpp"

#include <algorithm>
#include <set>

namespace ccnt {
namespace {

int month_key(const PartialDate& date) {
  return date.year * 100 + date.month;
}

// The month whose bulletin lists a record: that of `added`, unless it is a stub.
std::optional<int> bulletin_month(const std::optional<Policy>& policy) {
  if (!policy || policy->stub || policy->added.month == 0) return std::nullopt;
  return month_key(policy->added);
}

std::vector<std::string> listed_ids(const std::optional<BulletinEditorial>& editorial) {
  std::vector<std::string> ids;
  if (!editorial) return ids;
  for (const BulletinSection* section : {&editorial->national, &editorial->local})
    for (const BulletinGroup& group : section->groups)
      ids.insert(ids.end(), group.policy_ids.begin(), group.policy_ids.end());
  return ids;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// The editorial text of a file: what its readers read besides the records.
std::vector<std::string> text_of(const std::optional<BulletinEditorial>& editorial) {
  std::vector<std::string> text;
  if (!editorial) return text;
  for (const BulletinSection* section : {&editorial->national, &editorial->local}) {
    text.insert(text.end(), section->overview.begin(), section->overview.end());
    text.emplace_back("\x1f");  // between sections, so that moving a paragraph counts
    for (const BulletinGroup& group : section->groups) text.push_back(group.lead);
    text.emplace_back("\x1f");
  }
  text.push_back(editorial->credits);
  text.insert(text.end(), editorial->appendix.begin(), editorial->appendix.end());
  return text;
}

// Every record change of a diff, with its ids before and after.
template <typename Visit>
void each_change(const RecordDiff& diff, Visit visit) {
  for (const auto* list : {&diff.added, &diff.removed, &diff.moved, &diff.renamed, &diff.changed})
    for (const RecordChange& change : *list) visit(change);
}

}  // namespace

std::vector<PartialDate> months_touched(const RecordDiff& diff) {
  std::set<int> keys;
  each_change(diff, [&](const RecordChange& change) {
    const auto then = bulletin_month(change.before), now = bulletin_month(change.after);
    if (then) keys.insert(*then);
    if (now) keys.insert(*now);
  });
  std::vector<PartialDate> months;
  for (int key : keys) months.push_back({key / 100, key % 100, 0});
  return months;
}

std::vector<BulletinEffect> bulletin_effects(const RecordDiff& diff,
                                             const std::vector<EditorialVersions>& editorials) {
  std::vector<BulletinEffect> effects;
  for (const EditorialVersions& file : editorials) {
    const int key = month_key(file.month);
    BulletinEffect effect;
    effect.month = file.month;
    effect.has_file = file.after.has_value();
    effect.file_changed = file.changed;
    each_change(diff, [&](const RecordChange& change) {
      const auto then = bulletin_month(change.before), now = bulletin_month(change.after);
      const bool same_id = change.old_id.empty();
      const bool was_in = then == key, is_in = now == key;
      if (is_in && (!was_in || !same_id)) effect.new_items.push_back(change.id);
      if (was_in && (!is_in || !same_id))
        effect.left.push_back(same_id ? change.id : change.old_id);
      if (was_in && is_in && same_id && !change.fields.empty())
        effect.changed_items.push_back(change.id);
    });
    const std::vector<std::string> now_listed = listed_ids(file.after);
    if (effect.has_file) {
      for (const std::string& id : effect.new_items)
        if (!contains(now_listed, id)) effect.missing.push_back(id);
      for (const std::string& id : effect.left)
        if (contains(now_listed, id)) effect.dangling.push_back(id);
    }
    if (file.changed) {
      const std::vector<std::string> then_listed = listed_ids(file.before);
      for (const std::string& id : now_listed)
        if (!contains(then_listed, id) && !contains(effect.listed, id)) effect.listed.push_back(id);
      for (const std::string& id : then_listed)
        if (!contains(now_listed, id) && !contains(effect.unlisted, id))
          effect.unlisted.push_back(id);
      effect.text_changed = text_of(file.before) != text_of(file.after);
    }
    effects.push_back(std::move(effect));
  }
  return effects;
}

}  // namespace ccnt
