#include "core/policy/draft.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <regex>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/diag/message_catalog.hpp"
#include "core/policy/doc_type.hpp"
#include "core/policy/policy_checks.hpp"
#include "core/policy/policy_id.hpp"
#include "core/policy/schema_enum.hpp"
#include "core/query/policy_filter.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/search_fold.hpp"
#include "core/util/text.hpp"
#include "core/util/text_normalize.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// A name the registry or the schema does not know, worded as `ccnt list` words it.
DraftCheck unknown_name(const PolicyQuery& query, const Project& project,
                        const std::vector<std::string>& doc_types = {}) {
  FilterError error;
  if (PolicyFilter::make(query, project.registry, doc_types, error)) return std::nullopt;
  return DraftProblem{error.message, error.hint};
}

}  // namespace

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::string current;
  std::size_t i = 0;
  const auto flush = [&] {
    if (const std::string_view item = trim(current); !item.empty()) items.emplace_back(item);
    current.clear();
  };
  while (i < text.size()) {
    bool separator = false;
    for (std::string_view mark : {",", "，", "、", "\n"}) {
      if (text.substr(i).starts_with(mark)) {
        flush();
        i += mark.size();
        separator = true;
        break;
      }
    }
    if (!separator) current += text[i++];
  }
  flush();
  return items;
}

bool is_policy_id(std::string_view text) {
  static const std::regex kIdPattern("^[a-z0-9]+(-[a-z0-9]+)*$");
  return text.size() >= 3 && text.size() <= 80 &&
         std::regex_match(text.begin(), text.end(), kIdPattern);
}

std::string region_named_by(const std::string& title, const Registry& registry) {
  const Region* best = nullptr;
  std::size_t best_length = 0;
  for (const Region& region : registry.regions()) {
    for (const std::string* name : {&region.full_name, &region.name}) {
      if (name->size() > best_length && title.starts_with(*name)) {
        best = &region;
        best_length = name->size();
      }
    }
  }
  if (!best) return {};
  return registry.find_region(best->name) == best ? best->name : best->slug;  // 朝阳 is ambiguous
}

std::string normalize_typed_date(std::string_view text) {
  const std::string folded = search_fold(trim(text));  // full-width digits and punctuation
  static const std::regex kTyped(
      "^([0-9]{4})(?:(?:年|[-./])([0-9]{1,2})(?:(?:月|[-./])([0-9]{1,2})(?:日)?|月)?)?(?:年)?$");
  std::smatch match;
  if (!std::regex_match(folded, match, kTyped)) return std::string(trim(text));
  std::string out = match[1].str();
  for (int part : {2, 3})
    if (match[part].matched) out += (match[part].length() == 1 ? "-0" : "-") + match[part].str();
  return out;
}

// --- TargetDraft ---

namespace {

// A year as typed (full-width digits too), if it is one ccnt accepts for a target.
std::optional<int> parse_year(const std::string& text) {
  const std::string folded = search_fold(trim(text));
  int year = 0;
  const auto [end, error] = std::from_chars(folded.data(), folded.data() + folded.size(), year);
  if (error != std::errc() || end != folded.data() + folded.size() || year < 1900 || year > 2200)
    return std::nullopt;
  return year;
}

}  // namespace

DraftCheck TargetDraft::set_indicator(const std::string& name) {
  const std::string typed(trim(name));
  indicator_ = registry_.find_indicator(typed);
  for (const Indicator& indicator : registry_.indicators())
    if (!indicator_ && indicator.name == typed) indicator_ = &indicator;
  if (!indicator_) {
    std::vector<std::string> names;
    for (const Indicator& indicator : registry_.indicators()) {
      names.push_back(indicator.slug);
      names.push_back(indicator.name);
    }
    const std::vector<std::string> suggestions = closest_matches(typed, names);
    return DraftProblem{trf("unknown indicator `{}`", typed),
                        suggestions.empty() ? trf("schemas/indicators.yaml lists the indicators")
                                            : did_you_mean(suggestions)};
  }
  target_.indicator = indicator_->slug;
  target_.unit = indicator_->unit;
  target_.kind = kind_suggested_by(*indicator_);
  return std::nullopt;
}

DraftCheck TargetDraft::set_text(const std::string& text) {
  target_.text = trim(text);
  if (target_.text.empty())
    return DraftProblem{trf("the target's text is empty"),
                        trf("copy the words of the source that state the target")};
  return std::nullopt;
}

DraftCheck TargetDraft::set_value(const std::string& text) {
  std::string folded = search_fold(trim(text));
  if (folded.ends_with('%')) folded.pop_back();
  double value = 0;
  const auto [end, error] = std::from_chars(folded.data(), folded.data() + folded.size(), value);
  if (folded.empty() || error != std::errc() || end != folded.data() + folded.size() ||
      !std::isfinite(value))
    return DraftProblem{trf("`{}` is not a number", text),
                        trf("write the value in digits, e.g. 13.5")};
  target_.value = value;
  return std::nullopt;
}

DraftCheck TargetDraft::set_unit(const std::string& text) {
  target_.unit = trim(text);
  if (target_.unit.empty())
    return DraftProblem{trf("the unit is empty"), trf("write the unit, e.g. % or 万千瓦")};
  return std::nullopt;
}

DraftCheck TargetDraft::set_kind(const std::string& text) {
  const std::string kind(trim(text));
  if (std::find(kinds().begin(), kinds().end(), kind) == kinds().end())
    return DraftProblem{trf("unknown kind `{}`", kind),
                        trf("kinds are {}", fmt::join(kinds(), tr(", ")))};
  target_.kind = kind;
  return std::nullopt;
}

DraftCheck TargetDraft::set_base_year(const std::string& text) {
  target_.base_year.reset();
  if (trim(text).empty()) return std::nullopt;
  const auto year = parse_year(text);
  if (!year) return DraftProblem{trf("`{}` is not a year", text), trf("write it as 2020")};
  target_.base_year = *year;
  return std::nullopt;
}

DraftCheck TargetDraft::set_target_year(const std::string& text) {
  const auto year = parse_year(text);
  if (!year) return DraftProblem{trf("`{}` is not a year", text), trf("write it as 2025")};
  if (target_.base_year && *year <= *target_.base_year)
    return DraftProblem{
        trf("the target year {} is not after the base year {}", *year, *target_.base_year),
        trf("the target year is the year the target is to be reached")};
  target_.target_year = *year;
  return std::nullopt;
}

const std::vector<std::string>& TargetDraft::kinds() {
  static const std::vector<std::string> names{"reduction", "share",  "level", "capacity",
                                              "count",     "growth", "amount"};
  return names;
}

std::string TargetDraft::kind_suggested_by(const Indicator& indicator) {
  for (const std::string& kind : kinds())
    if (indicator.slug.ends_with("-" + kind) || indicator.slug == kind) return kind;
  if (indicator.slug.ends_with("-increase") || indicator.slug.ends_with("-addition"))
    return "amount";
  return {};
}

// --- Draft ---

Draft::Draft(const Project& project, std::vector<Policy> existing, std::vector<fs::path> files,
             PartialDate today)
    : project_(project), existing_(std::move(existing)), today_(today) {
  doc_types_ = schema_enum(project.schemas_dir / "policy.schema.json", "doc_type");
  for (const fs::path& file : files) ids_.emplace(file.stem().string(), display_path(file));
  for (const Policy& policy : existing_) ids_.emplace(policy.id, policy.path);
  policy_.added = {today.year, today.month, 0};
}

DraftCheck Draft::set_title(const std::string& text) {
  std::string title(trim(text));
  if (title.starts_with("《") && title.ends_with("》"))
    title = std::string(trim(std::string_view(title).substr(3, title.size() - 6)));
  if (title.empty())
    return DraftProblem{trf("the title is empty"), trf("write the title as published")};
  if (title.find('\n') != std::string::npos)
    return DraftProblem{trf("the title has a line break"), trf("write the title on one line")};
  policy_.title = title;
  return std::nullopt;
}

DraftCheck Draft::set_region(const std::string& name) {
  PolicyQuery query;
  query.regions = {std::string(trim(name))};
  if (auto problem = unknown_name(query, project_)) return problem;
  const Region* region = project_.registry.find_region(trim(name));
  policy_.region = region->slug;
  policy_.level = region->policy_level();
  return std::nullopt;
}

DraftCheck Draft::set_sectors(const std::vector<std::string>& names) {
  std::vector<std::string> slugs;
  for (const std::string& name : names) {
    PolicyQuery query;
    query.sectors = {std::string(trim(name))};
    if (auto problem = unknown_name(query, project_)) return problem;
    const std::string& slug = project_.registry.find_sector(trim(name))->slug;
    if (std::find(slugs.begin(), slugs.end(), slug) == slugs.end()) slugs.push_back(slug);
  }
  if (slugs.empty())
    return DraftProblem{trf("no sector given"), trf("name the primary sector, e.g. industry")};
  policy_.sector = slugs.front();
  policy_.sectors.assign(slugs.begin() + 1, slugs.end());
  return std::nullopt;
}

DraftCheck Draft::set_subsector(const std::string& name) {
  if (name.empty()) return std::nullopt;
  const Sector& sector = *project_.registry.find_sector(policy_.sector);
  if (const Subsector* sub = project_.registry.find_subsector(sector, name)) {
    policy_.subsector = sub->slug;
    return std::nullopt;
  }
  std::vector<std::string> names;
  for (const Subsector& sub : sector.subsectors) names.push_back(sub.slug + " " + sub.name);
  return DraftProblem{
      trf("`{}` is not a subsector of {}", name, sector.slug),
      names.empty() ? trf("{} has no subsectors", sector.slug)
                    : trf("the subsectors of {} are {}", sector.slug, fmt::join(names, tr(", ")))};
}

DraftCheck Draft::set_issuers(const std::vector<std::string>& issuers) {
  policy_.issuers.clear();
  for (const std::string& issuer : issuers)
    if (std::string name(trim(issuer));
        !name.empty() &&
        std::find(policy_.issuers.begin(), policy_.issuers.end(), name) == policy_.issuers.end())
      policy_.issuers.push_back(std::move(name));
  return std::nullopt;
}

DraftCheck Draft::set_published(const std::string& text, std::string_view flag) {
  policy_.published.reset();
  if (trim(text).empty()) return std::nullopt;
  auto date = PartialDate::parse(normalize_typed_date(text));
  if (!date || !date->is_real())
    return DraftProblem{
        flag.empty() ? trf("`{}` is not a date", text)
                     : trf("invalid date `{}` for {}", text, flag),
        trf("write YYYY, YYYY-MM or YYYY-MM-DD (or 2023年4月, 2023.4, 2023/4), as precise as "
            "the source")};
  if (date->compare_coarse(today_) > 0)
    return DraftProblem{
        flag.empty() ? trf("{} is in the future (today is {})", text, today_.to_string())
                     : trf("{} {} is in the future (today is {})", flag, text, today_.to_string()),
        trf("write the date the document was published")};
  policy_.published = date;
  return std::nullopt;
}

DraftCheck Draft::set_added(const std::string& text, std::string_view flag) {
  if (trim(text).empty()) return std::nullopt;
  auto date = PartialDate::parse(normalize_typed_date(text));
  if (!date || date->month == 0 || !date->is_real())
    return DraftProblem{flag.empty() ? trf("`{}` is not a month", text)
                                     : trf("invalid month `{}` for {}", text, flag),
                        trf("write YYYY-MM (or 2023年4月, 2023.4, 2023/4), e.g. 2023-03")};
  if (date->compare_coarse(today_) > 0)
    return DraftProblem{
        flag.empty() ? trf("{} is in the future (today is {})", text, today_.to_string())
                     : trf("{} {} is in the future (today is {})", flag, text, today_.to_string()),
        trf("added is the month the record enters the tracker")};
  policy_.added = *date;
  return std::nullopt;
}

DraftCheck Draft::set_source(const std::string& text) {
  policy_.source = trim(text);
  if (policy_.source.empty()) return std::nullopt;
  const bool https = policy_.source.starts_with("https://");
  const bool http = policy_.source.starts_with("http://");
  if ((!https && !http) || policy_.source.size() <= (https ? 8u : 7u) ||
      policy_.source.find_first_of(" \t\n") != std::string::npos)
    return DraftProblem{
        trf("`{}` is not an http or https URL", policy_.source),
        trf("give the https:// address of the official text, after checking it opens")};
  return std::nullopt;
}

std::string Draft::source_warning() const {
  if (!policy_.source.starts_with("http://")) return {};
  return http_source_warning() + " — " + http_source_hint();
}

DraftCheck Draft::set_summary(const std::string& text) {
  policy_.summary = trim(text);
  if (policy_.summary.empty())
    return DraftProblem{trf("the summary is empty"),
                        trf("the schema requires a summary of the document")};
  return std::nullopt;
}

void Draft::set_tags(const std::vector<std::string>& tags) {
  for (const std::string& tag : tags)
    if (std::string name(trim(tag));
        !name.empty() &&
        std::find(policy_.tags.begin(), policy_.tags.end(), name) == policy_.tags.end())
      policy_.tags.push_back(std::move(name));
}

void Draft::set_document_number(const std::string& text) {
  policy_.document_number = trim(text);
}

DraftCheck Draft::set_doc_type(const std::string& text) {
  if (text.empty()) {
    policy_.doc_type = derive_doc_type(policy_.title, doc_types_);
    return std::nullopt;
  }
  PolicyQuery query;
  query.types = {text};
  if (auto problem = unknown_name(query, project_, doc_types_)) return problem;
  policy_.doc_type = text;
  return std::nullopt;
}

DraftCheck Draft::set_id(const std::string& text) {
  if (text.empty()) {
    policy_.id = derived_id();
    return std::nullopt;
  }
  if (!is_policy_id(text))
    return DraftProblem{trf("`{}` is not a valid id", text),
                        trf("lower-case ASCII words joined by hyphens, 3 to 80 characters, e.g. "
                            "zhejiang-industry-carbon-peaking")};
  policy_.id = text;
  if (exists(text)) return exists_problem();
  if (auto it = ids_.find(text); it != ids_.end())
    return DraftProblem{trf("id `{}` is already used by {}", text, it->second),
                        trf("ids are unique across the tree; choose another --id")};
  return std::nullopt;
}

std::string Draft::derived_id() const {
  const int year = policy_.published ? policy_.published->year : policy_.added.year;
  std::string slug = title_slug(policy_.title, policy_.doc_type, project_.registry);
  if (slug.empty()) slug = policy_.sector;
  std::string base = fmt::format("{}-{}", policy_.region, slug);
  // Room for -<year>-<n> within the 80 characters of an id: cut whole words.
  while (base.size() > 68 && base.rfind('-') > policy_.region.size()) base.erase(base.rfind('-'));
  const auto taken = [&](const std::string& id) { return ids_.count(id) > 0 || exists(id); };
  if (!taken(base)) return base;
  base += fmt::format("-{}", year);
  std::string id = base;
  for (int n = 2; taken(id); ++n) id = fmt::format("{}-{}", base, n);
  return id;
}

DraftCheck Draft::duplicate_title() const {
  return duplicate_title_in(existing_);
}

DraftCheck Draft::duplicate_title_in(const std::vector<Policy>& policies) const {
  const std::string form = comparison_form(policy_.title);
  for (const Policy& other : policies)
    if (other.region == policy_.region && comparison_form(other.title) == form)
      return DraftProblem{trf("《{}》 is already recorded in {}", policy_.title, other.path),
                          trf("a document is recorded once; edit that file instead")};
  return std::nullopt;
}

std::vector<const Policy*> Draft::same_title_elsewhere() const {
  std::vector<const Policy*> found;
  const std::string form = comparison_form(policy_.title);
  for (const Policy& other : existing_)
    if (other.region != policy_.region && comparison_form(other.title) == form)
      found.push_back(&other);
  return found;
}

DraftProblem Draft::exists_problem() const {
  return {trf("{} already exists; ccnt new never overwrites a file", display_path(file())),
          trf("choose another --id, or edit the existing file")};
}

fs::path Draft::file_for(const std::string& id) const {
  const Region* region = project_.registry.find_region(policy_.region);
  const std::string region_dir = region ? project_.registry.directory_of(*region) : policy_.region;
  return project_.policies_dir() / region_dir / policy_.sector / (id + ".yaml");
}
bool Draft::exists(const std::string& id) const {
  std::error_code ec;
  return fs::exists(fs::symlink_status(file_for(id), ec));
}

}  // namespace ccnt
