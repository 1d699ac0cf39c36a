#include "core/bulletin/bulletin_check.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "core/bulletin/bulletin_month.hpp"
#include "core/diag/message_catalog.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/edit_distance.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPlaceholder = "TODO";

class EditorialChecker {
 public:
  EditorialChecker(const BulletinEditorial& editorial, const BulletinPolicyIndex& policies,
                   Diagnostics& diagnostics, KnockOn* knock_on)
      : editorial_(editorial), policies_(policies), out_(diagnostics), knock_on_(knock_on) {}

  void run() {
    check_section(editorial_.national, "national", true);
    check_section(editorial_.local, "local", false);
    if (editorial_.month.year != 0) check_all_listed();
    check_placeholder(editorial_.credits, editorial_.credits_mark, "credits");
  }

 private:
  void check_section(const BulletinSection& section, std::string_view name, bool national) {
    for (std::size_t i = 0; i < section.overview.size(); ++i)
      check_placeholder(section.overview[i], section.overview_marks[i],
                        trf("an overview paragraph"));
    for (const BulletinGroup& group : section.groups) {
      check_placeholder(group.lead, group.lead_mark, trf("a lead paragraph"));
      for (std::size_t i = 0; i < group.policy_ids.size(); ++i)
        check_listed(group.policy_ids[i], group.policy_marks[i], name, national);
    }
  }

  void check_listed(const std::string& id, Mark mark, std::string_view section, bool national) {
    const Policy* found = policies_.find(id);
    if (!found && knock_on_ != nullptr) {
      if (const auto broken = knock_on_->broken.find(id); broken != knock_on_->broken.end()) {
        knock_on_->unresolved.push_back({id, broken->second, editorial_.path, mark});
        return;
      }
    }
    if (!found) {
      unknown_id(id, mark);
      return;
    }
    const Policy& policy = *found;
    if (const auto [first, inserted] = listed_.emplace(id, mark); !inserted) {
      out_.error("E063", editorial_.path, mark, trf("`{}` is listed twice", id),
                 trf("it is first listed at line {}; remove one", first->second.line));
      return;
    }
    const std::string month = editorial_.month.to_string();
    if (policy.stub) {
      out_.error("E053", editorial_.path, mark, trf("`{}` is a stub", id),
                 trf("write its summary and sector in {} and remove `stub: true`, or leave it "
                     "out of the bulletin",
                     policy.path));
      return;
    }
    if (editorial_.month.year != 0 && !added_in_month(policy, editorial_.month)) {
      out_.error(
          "E064", editorial_.path, mark,
          trf("`{}` was added in {}, not in {}", id, policy.added.to_string(), month),
          trf("list only the policies added in {}, or correct `added` in {}", month, policy.path));
      return;
    }
    if (is_national_policy(policy) != national) {
      out_.error("E067", editorial_.path, mark,
                 trf("`{}` is a {} policy but is listed under `{}`", id,
                     national ? trf("local") : trf("national"), section),
                 trf("move it to `{}`", national ? "local" : "national"));
      return;
    }
    if (national && policy.headline.empty() && policy.issuers.empty())
      out_.warning("W061", editorial_.path, mark,
                   trf("national policy `{}` has no `issuers`, so its headline is the "
                       "title alone",
                       id),
                   trf("add `issuers` or a `headline` to {}", policy.path));
  }

  void unknown_id(const std::string& id, Mark mark) {
    // Suggest the month's ids first: they are what an editorial file lists.
    std::vector<std::string> ids;
    for (const Policy* policy : policies_.added_in(editorial_.month)) ids.push_back(policy->id);
    std::vector<std::string> suggestions = closest_matches(id, ids);
    if (suggestions.empty()) {
      ids.clear();
      for (const Policy& policy : policies_.all()) ids.push_back(policy.id);
      suggestions = closest_matches(id, ids);
    }
    std::string hint = did_you_mean(suggestions);
    if (hint.empty())
      hint = trf("list the month's ids with `ccnt list --added {} --format ids`",
                 editorial_.month.year != 0 ? editorial_.month.to_string() : "YYYY-MM");
    out_.error("E062", editorial_.path, mark, trf("no policy has the id `{}`", id), hint);
  }

  void check_all_listed() {
    for (const Policy* listed : policies_.added_in(editorial_.month)) {
      const Policy& policy = *listed;
      if (listed_.count(policy.id) > 0) continue;
      const bool national = is_national_policy(policy);
      const BulletinSection& section = national ? editorial_.national : editorial_.local;
      const std::string_view key = national ? "national" : "local";
      out_.error("E065", editorial_.path, section.present ? section.mark : Mark{1, 1},
                 trf("`{}` (《{}》) was added in {} but is not listed", policy.id, policy.title,
                     editorial_.month.to_string()),
                 trf("add it to a group's `policies` under `{}:`, or correct `added` in {}", key,
                     policy.path));
    }
  }

  void check_placeholder(const std::string& text, Mark mark, std::string_view what) {
    if (text.find(kPlaceholder) == std::string::npos) return;
    out_.warning("W060", editorial_.path, mark,
                 trf("{} still holds a {} placeholder", what, kPlaceholder),
                 trf("replace it with the text of the bulletin"));
  }

  const BulletinEditorial& editorial_;
  const BulletinPolicyIndex& policies_;
  Diagnostics& out_;
  KnockOn* knock_on_;
  std::unordered_map<std::string, Mark> listed_;  // id → where it is first listed
};

int month_key(const PartialDate& date) {
  return date.year * 100 + date.month;
}

}  // namespace

BulletinPolicyIndex::BulletinPolicyIndex(const std::vector<Policy>& policies)
    : policies_(policies) {
  by_id_.reserve(policies.size());
  for (const Policy& policy : policies) {
    by_id_.emplace(policy.id, &policy);
    if (!policy.stub) by_month_[month_key(policy.added)].push_back(&policy);
  }
}

const Policy* BulletinPolicyIndex::find(const std::string& id) const {
  const auto found = by_id_.find(id);
  return found == by_id_.end() ? nullptr : found->second;
}

const std::vector<const Policy*>& BulletinPolicyIndex::added_in(const PartialDate& month) const {
  static const std::vector<const Policy*> kNone;
  const auto found = by_month_.find(month_key(month));
  return found == by_month_.end() ? kNone : found->second;
}

void check_bulletin_editorial(const BulletinEditorial& editorial,
                              const BulletinPolicyIndex& policies, Diagnostics& diagnostics,
                              KnockOn* knock_on) {
  EditorialChecker(editorial, policies, diagnostics, knock_on).run();
}

void check_bulletin_editorial(const BulletinEditorial& editorial,
                              const std::vector<Policy>& policies, Diagnostics& diagnostics) {
  check_bulletin_editorial(editorial, BulletinPolicyIndex(policies), diagnostics);
}

std::optional<BulletinEditorial> load_bulletin_editorial(const fs::path& file,
                                                         const std::vector<Policy>& policies,
                                                         Diagnostics& diagnostics) {
  return load_bulletin_editorial(file, BulletinPolicyIndex(policies), diagnostics);
}

std::optional<BulletinEditorial> load_bulletin_editorial(const fs::path& file,
                                                         const BulletinPolicyIndex& policies,
                                                         Diagnostics& diagnostics,
                                                         KnockOn* knock_on) {
  const std::string display = display_path(file);
  const auto month = bulletin_month_of_file_name(file.filename().string());
  if (!month)
    diagnostics.error("E066", display, {},
                      trf("`{}` is not named after a month", file.filename().string()),
                      trf("name editorial files YYYY-MM.yaml, e.g. bulletins/2023-03.yaml"));
  // An editorial file lies in <root>/bulletins/; a link may not lead out of <root>.
  const auto bytes =
      read_tree_file(file, display, tree_prefix(file.parent_path().parent_path()), diagnostics);
  if (!bytes) return std::nullopt;
  auto editorial =
      parse_bulletin_editorial(*bytes, display, month.value_or(PartialDate{}), diagnostics);
  if (editorial) check_bulletin_editorial(*editorial, policies, diagnostics, knock_on);
  return editorial;
}

fs::path bulletins_dir(const fs::path& root) {
  return root / "bulletins";
}

fs::path bulletin_file(const fs::path& root, const PartialDate& month) {
  return bulletins_dir(root) / (month.to_string() + ".yaml");
}

std::vector<fs::path> find_bulletin_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(bulletins_dir(root), ec), end; !ec && it != end;
       it.increment(ec)) {
    if (is_bulletin_file(it->path(), root) && it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool is_bulletin_file(const fs::path& file, const fs::path& root) {
  const fs::path extension = file.extension();
  if (extension != ".yaml" && extension != ".yml") return false;
  if (file.filename().string().starts_with(".")) return false;
  return file.parent_path().lexically_normal() == bulletins_dir(root).lexically_normal();
}

std::size_t check_bulletin_files(const std::vector<fs::path>& files,
                                 const std::vector<Policy>& policies, Diagnostics& diagnostics,
                                 KnockOn* knock_on) {
  if (files.empty()) return 0;
  const BulletinPolicyIndex index(policies);
  for (const fs::path& file : files) load_bulletin_editorial(file, index, diagnostics, knock_on);
  return files.size();
}

KnockOn knock_on_of(const Diagnostics& diagnostics, const fs::path& policies_dir) {
  KnockOn knock_on;
  const fs::path dir = policies_dir.lexically_normal();
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);  // paths are shown from it (display_path)
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.severity != Severity::Error || knock_on.broken.count(fs::path(d.path).stem().string()))
      continue;
    const fs::path path = (cwd / d.path).lexically_normal();
    if (path.extension() != ".yaml" && path.extension() != ".yml") continue;
    const fs::path relative = path.lexically_relative(dir);
    if (relative.empty() || *relative.begin() == "..") continue;
    knock_on.broken.emplace(path.stem().string(), d.path);
  }
  return knock_on;
}

void report_unresolved_entries(const KnockOn& knock_on, Diagnostics& diagnostics,
                               const std::function<bool(const std::string&)>& shown) {
  // The editorial files that list each broken policy file, in the order they were checked.
  std::map<std::string, std::vector<std::string>> listed_in;
  for (const UnresolvedEntry& entry : knock_on.unresolved) {
    if (shown(entry.policy_path)) {
      std::vector<std::string>& files = listed_in[entry.policy_path];
      if (std::find(files.begin(), files.end(), entry.bulletin_path) == files.end())
        files.push_back(entry.bulletin_path);
      continue;
    }
    diagnostics.error(
        "E145", entry.bulletin_path, entry.mark,
        trf("`{}` cannot be checked: its file {} has errors", entry.id, entry.policy_path),
        trf("fix {} first (`ccnt validate {}` lists its errors); this entry is then "
            "checked again",
            entry.policy_path, entry.policy_path));
  }
  for (const auto& [path, files] : listed_in) {
    const std::string& policy_path = path;  // a binding cannot be captured in C++20
    // The file's first error, by position, carries the note.
    Diagnostic* first = nullptr;
    diagnostics.update([&](Diagnostic& d) {
      if (d.path != policy_path || d.severity != Severity::Error) return;
      if (first == nullptr || d.mark.line < first->mark.line ||
          (d.mark.line == first->mark.line && d.mark.column < first->mark.column))
        first = &d;
    });
    if (first == nullptr) continue;
    std::string names;
    for (const std::string& file : files) names += (names.empty() ? "" : ", ") + file;
    const std::string note =
        trf("{} lists this policy; that entry is checked once this file has no errors", names);
    first->hint = first->hint.empty() ? note : trf("{} — {}", first->hint, note);
  }
}

}  // namespace ccnt
