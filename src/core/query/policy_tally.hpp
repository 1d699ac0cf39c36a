// `ccnt list --count-by FIELD`: how many of the selected policies carry each value of one field,
// for quick tallies without a spreadsheet.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// One value of the field and how many policies carry it.
struct TallyRow {
  std::string key;   // as the field stores it (a slug, a month, a tag); empty for "none"
  std::string name;  // as a reader names it (浙江, 工业); the key when it has no other name
  std::size_t policies = 0;
};

struct Tally {
  std::string field;
  std::size_t policies = 0;  // the policies counted
  // Whether a policy may count under several values (sectors, tag, issuer), so that the rows
  // add up to more than `policies`.
  bool several = false;
  std::vector<TallyRow> rows;
};

// The fields --count-by accepts: region, province, level, sector (the primary one), sectors
// (primary and further), subsector, doc_type, published (the year), added (the month), tag,
// issuer (each agency under its canonical name, as `stats --by issuer` counts), status and
// instrument.
const std::vector<std::string_view>& tally_fields();

// The tally of `field` over `policies`, or nothing for a field tally_fields() lacks. Rows are
// in the order of the registry (regions, sectors), of time (published, added), else most
// policies first; the policies without a value come last, with an empty key.
std::optional<Tally> tally_policies(const std::vector<const Policy*>& policies,
                                    const Registry& registry, std::string_view field);

}  // namespace ccnt
