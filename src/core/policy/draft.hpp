// A new policy record as `ccnt new` fills it in, value by value: each value is normalised
// (trimmed, 《》 dropped, names resolved to slugs, dates as typed made YYYY-MM) and checked
// against the registry, the schema's document types and the records already in the tree; the
// id is derived from region and title (policy_id.hpp) when none is given.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "core/tree/project.hpp"
#include "core/util/partial_date.hpp"

namespace ccnt {

// What is wrong with one value, and what to do about it.
struct DraftProblem {
  std::string message;
  std::string hint;
};

// Nothing when the value was taken.
using DraftCheck = std::optional<DraftProblem>;

// Splits a typed list at commas (, ，), enumeration commas (、) and line breaks (a pasted list),
// trimming items and dropping empty ones.
std::vector<std::string> split_list(std::string_view text);

// True for an id as the schema allows it: lower-case ASCII words joined by hyphens, 3 to 80
// characters.
bool is_policy_id(std::string_view text);

// The name of the region a title starts with (浙江省工业领域… → 浙江), or "".
std::string region_named_by(const std::string& title, const Registry& registry);

// A date as people type it, in the form of the schema: 2023-04, 2023年4月, 2023.4, 2023/4 and
// 2023-4 are 2023-04; 2023年4月5日, 2023.4.5 and 2023/4/5 are 2023-04-05; 2023年 is 2023
// (full-width digits too). The text as it is, trimmed, when it is none of these.
std::string normalize_typed_date(std::string_view text);

// One target of the new record, filled in value by value as Draft is.
class TargetDraft {
 public:
  explicit TargetDraft(const Registry& registry) : registry_(registry) {}

  const Target& target() const { return target_; }
  const Indicator* indicator() const { return indicator_; }

  // The indicator by slug or Chinese name; sets the unit and kind ccnt expects for it.
  DraftCheck set_indicator(const std::string& name);
  // The target's words as the source writes them; not empty.
  DraftCheck set_text(const std::string& text);
  // A finite number (full-width digits and a trailing % are accepted).
  DraftCheck set_value(const std::string& text);
  DraftCheck set_unit(const std::string& text);
  // reduction, share, level, capacity, count, growth or amount.
  DraftCheck set_kind(const std::string& text);
  // Empty: none; else a year.
  DraftCheck set_base_year(const std::string& text);
  // A year after the base year.
  DraftCheck set_target_year(const std::string& text);

  // The kinds a target may have, for completion.
  static const std::vector<std::string>& kinds();
  // The kind an indicator's slug suggests (…-reduction → reduction, …-share → share, …), or "".
  static std::string kind_suggested_by(const Indicator& indicator);

 private:
  const Registry& registry_;
  const Indicator* indicator_ = nullptr;
  Target target_;
};

// The new record as it is filled in, with everything its values are checked against.
class Draft {
 public:
  // `existing` are the valid records of the tree, `files` every policy file (broken ones too,
  // so that a derived id takes none of their names); `today` bounds the dates.
  Draft(const Project& project, std::vector<Policy> existing,
        std::vector<std::filesystem::path> files, PartialDate today);

  const Policy& policy() const { return policy_; }
  const std::vector<std::string>& doc_types() const { return doc_types_; }
  const std::vector<Policy>& existing() const { return existing_; }

  // Trimmed, without surrounding 《》; one line, not empty.
  DraftCheck set_title(const std::string& text);
  // A region by slug, short or full name; sets the level from the region.
  DraftCheck set_region(const std::string& name);
  // The primary sector first, then further ones; duplicates are dropped.
  DraftCheck set_sectors(const std::vector<std::string>& names);
  // Empty: none. Otherwise one of the primary sector's subsectors.
  DraftCheck set_subsector(const std::string& name);
  DraftCheck set_issuers(const std::vector<std::string>& issuers);
  // `flag` names the flag the date came from; empty for an answer to a question.
  DraftCheck set_published(const std::string& text, std::string_view flag);
  // Empty: this month. `flag` names the flag the month came from.
  DraftCheck set_added(const std::string& text, std::string_view flag);
  // Empty: none. Otherwise an https URL, or an http one (see source_warning).
  DraftCheck set_source(const std::string& text);
  // The warning to show for the source taken (W014's words for an http:// one), or "".
  std::string source_warning() const;
  DraftCheck set_summary(const std::string& text);
  void set_tags(const std::vector<std::string>& tags);
  void set_document_number(const std::string& text);
  // Appends a target filled in by a TargetDraft.
  void add_target(const Target& target) { policy_.targets.push_back(target); }
  // Empty: the type the title ends with.
  DraftCheck set_doc_type(const std::string& text);
  // Empty: derived_id().
  DraftCheck set_id(const std::string& text);

  // The id set_id("") gives, after the convention of docs/data-model.md: <region>-<slug of the
  // title's terms> (title_slug; the sector's slug when the title names no term), then with the
  // year (published, else added) when that is taken, then numbered from 2.
  std::string derived_id() const;
  // The record of the same document in the same region, if the tree has one.
  DraftCheck duplicate_title() const;
  // The same among `policies` (the tree read again, under the lock). Titles are compared as a
  // reader sees them (comparison_form), as `ccnt validate` does.
  DraftCheck duplicate_title_in(const std::vector<Policy>& policies) const;
  // Records of other regions with the same title, worth a look but allowed.
  std::vector<const Policy*> same_title_elsewhere() const;
  // policies/<region>/<sector>/<id>.yaml
  std::filesystem::path file() const { return file_for(policy_.id); }
  // The problem of a file() that already exists.
  DraftProblem exists_problem() const;

 private:
  std::filesystem::path file_for(const std::string& id) const;
  bool exists(const std::string& id) const;

  const Project& project_;
  std::vector<Policy> existing_;
  PartialDate today_;
  std::vector<std::string> doc_types_;
  std::unordered_map<std::string, std::string> ids_;  // id or file stem → file
  Policy policy_;
};

}  // namespace ccnt
