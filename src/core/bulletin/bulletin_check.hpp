// Checking editorial files against the policies they list, and finding them:
// what `ccnt validate` and `ccnt report` report about bulletins/*.yaml.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bulletin/bulletin_editorial.hpp"
#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"

namespace ccnt {

// The tree's policies by id and by month of `added`, built once for checking
// many editorial files (validate checks every month's) without rescanning the tree.
class BulletinPolicyIndex {
 public:
  explicit BulletinPolicyIndex(const std::vector<Policy>& policies);

  const Policy* find(const std::string& id) const;
  // The policies added in `month`, in tree order.
  const std::vector<const Policy*>& added_in(const PartialDate& month) const;
  const std::vector<Policy>& all() const { return policies_; }

 private:
  const std::vector<Policy>& policies_;
  std::unordered_map<std::string, const Policy*> by_id_;
  std::unordered_map<int, std::vector<const Policy*>> by_month_;  // key: year * 100 + month
};

// Knock-on errors: a policy file with errors is left out of the policies, so an editorial file
// listing it would be told that no policy has its id (E062) — a second problem, in a file the
// contributor did not touch. validate passes the files with errors instead, by the id their
// name gives (E036 keeps the two equal), and the entries that list them are collected here to
// be reported once, where the fault is (report_unresolved_entries).
struct UnresolvedEntry {
  std::string id;
  std::string policy_path;    // the policy file with errors, as displayed
  std::string bulletin_path;  // the editorial file that lists it
  Mark mark;                  // where it lists it
};
struct KnockOn {
  std::unordered_map<std::string, std::string> broken;  // id → policy file with errors
  std::vector<UnresolvedEntry> unresolved;              // filled by the checks
};

// The policy files under `policies_dir` that `diagnostics` holds errors of, by the id their name
// gives.
KnockOn knock_on_of(const Diagnostics& diagnostics, const std::filesystem::path& policies_dir);

// Reports each policy file that an editorial file lists but that has errors, once: its first
// error's hint says which editorial files list it, when `shown(policy_path)` (its diagnostics are
// in the report); otherwise each entry gets E145 in its editorial file, naming the policy file.
void report_unresolved_entries(const KnockOn& knock_on, Diagnostics& diagnostics,
                               const std::function<bool(const std::string&)>& shown);

// Checks an editorial file against the tree's policies: every id is known
// (E062) and listed once (E063), belongs to the file's month (E064) and to the
// section it is in (E067); every policy of the month is listed (E065). Warns
// about TODO placeholders left in the text (W060) and national policies whose
// headline cannot be derived (W061).
// With `knock_on`, an id of one of its broken files is collected in it rather than reported.
void check_bulletin_editorial(const BulletinEditorial& editorial,
                              const BulletinPolicyIndex& policies, Diagnostics& diagnostics,
                              KnockOn* knock_on = nullptr);
void check_bulletin_editorial(const BulletinEditorial& editorial,
                              const std::vector<Policy>& policies, Diagnostics& diagnostics);

// Reads, parses and checks one editorial file; its month comes from its name
// (E066 when the name is not YYYY-MM.yaml). Returns nullopt when it cannot be used.
std::optional<BulletinEditorial> load_bulletin_editorial(const std::filesystem::path& file,
                                                         const BulletinPolicyIndex& policies,
                                                         Diagnostics& diagnostics,
                                                         KnockOn* knock_on = nullptr);
std::optional<BulletinEditorial> load_bulletin_editorial(const std::filesystem::path& file,
                                                         const std::vector<Policy>& policies,
                                                         Diagnostics& diagnostics);

// The directory of editorial files under a project root.
std::filesystem::path bulletins_dir(const std::filesystem::path& root);

// The editorial file of `month`: root/bulletins/YYYY-MM.yaml.
std::filesystem::path bulletin_file(const std::filesystem::path& root, const PartialDate& month);

// The .yaml/.yml files directly in root/bulletins, in name order.
std::vector<std::filesystem::path> find_bulletin_files(const std::filesystem::path& root);

// True when `file` is an editorial file of the project at `root` (a .yaml or
// .yml file directly in root/bulletins), so that validate checks it as one.
bool is_bulletin_file(const std::filesystem::path& file, const std::filesystem::path& root);

// Loads and checks each file (with `knock_on` as above); returns how many were read.
std::size_t check_bulletin_files(const std::vector<std::filesystem::path>& files,
                                 const std::vector<Policy>& policies, Diagnostics& diagnostics,
                                 KnockOn* knock_on = nullptr);

}  // namespace ccnt
