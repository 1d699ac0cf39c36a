// The registry of issuing agencies (schemas/agencies.yaml): which agency an issuer
// string names, whatever form it is written in — 国家发展改革委, 国家发改委 and
// 国家发展和改革委员会 are one agency, and so are 浙江省发改委 and 浙江省发展和改革委员会.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diag/diagnostic.hpp"

namespace ccnt {

class Registry;

// An earlier name of an agency and the month (YYYY-MM) it stopped being used; empty if unknown.
struct FormerName {
  std::string name;
  std::string until;
};

// A named body: a central organ, an exchange, an association, an international partner.
struct Agency {
  std::string id;    // unique, lower-case ASCII: ndrc
  std::string name;  // official full name: 国家发展和改革委员会
  std::vector<std::string> aliases;
  std::string kind;  // government | party | congress | judiciary | institution | market | ...
  std::vector<FormerName> former_names;
  std::string until;         // YYYY-MM when the body was dissolved; empty while it exists
  std::string succeeded_by;  // id of the body that took it over
};

// A kind of local agency, written after a region's name: 浙江省 + 发展和改革委员会.
struct AgencyPattern {
  std::string id;    // development-reform
  std::string name;  // full form: 发展和改革委员会
  std::vector<std::string> aliases;
  std::string kind;
  std::string prefix;   // written before the region, optionally: 中共
  std::string central;  // id of the agency a bare form names in a national record
};

// One agency an issuer string names, as the registry places it.
struct PlacedAgency {
  std::string id;  // ndrc, or <region-slug>/<pattern-id>: zhejiang/development-reform
  std::string name;  // canonical name: 国家发展和改革委员会, 浙江省发展和改革委员会
  std::string kind;

  bool operator==(const PlacedAgency& other) const { return id == other.id; }
};

// What an issuer string names. No agency: the registry cannot place it.
struct IssuerPlacement {
  std::vector<PlacedAgency> agencies;  // one, or several when one string lists several
  bool and_others = false;             // written "X等部门": X and departments not named
  bool several = false;                // one string names several agencies (A、B)
  std::vector<std::string> parts;      // when several: the parts as written (A, B)

  bool placed() const { return !agencies.empty(); }
};

class AgencyRegistry {
 public:
  // Reads schemas/agencies.yaml. Unknown keys, missing fields, unknown kinds and a name form
  // used by two entries are errors (E085) naming the file and line.
  static std::optional<AgencyRegistry> load(const std::filesystem::path& file,
                                            Diagnostics& diagnostics);

  // The agencies `issuer` names in a record of region `region_slug`: a bare local form
  // (发改委) is that region's agency, or in a national record the central one it stands for.
  // Regions are looked up in `regions`.
  IssuerPlacement place(std::string_view issuer, std::string_view region_slug,
                        const Registry& regions) const;

  // The names closest to an issuer that cannot be placed, for a "did you mean" hint.
  std::vector<std::string> suggest(std::string_view issuer, const Registry& regions) const;

  // The agency (or local agency kind) an issuer names without a record's region: an exact name
  // of an agency, a region + kind, or a bare kind (pattern set, agency empty), for --issuer.
  struct Named {
    std::optional<PlacedAgency> agency;
    const AgencyPattern* pattern = nullptr;
  };
  Named find(std::string_view name, const Registry& regions) const;

  const std::vector<Agency>& agencies() const { return agencies_; }
  const std::vector<AgencyPattern>& patterns() const { return patterns_; }
  const Agency* agency(std::string_view id) const;

 private:
  std::optional<PlacedAgency> place_one(std::string_view issuer, std::string_view region_slug,
                                        const Registry& regions) const;
  std::optional<PlacedAgency> place_exact(std::string_view issuer, std::string_view region_slug,
                                          const Registry& regions) const;
  std::optional<PlacedAgency> place_regional(std::string_view issuer,
                                             const Registry& regions) const;
  PlacedAgency placed(const Agency& agency) const;

  std::vector<Agency> agencies_;
  std::vector<AgencyPattern> patterns_;
  std::vector<std::string> units_;
  std::vector<std::string> prefixes_;                           // distinct pattern prefixes
  std::unordered_map<std::string, std::size_t> agency_index_;   // folded name form → agency
  std::unordered_map<std::string, std::size_t> pattern_index_;  // folded form → pattern
  std::unordered_map<std::string, std::size_t> id_index_;       // agency id → agency
};

}  // namespace ccnt
