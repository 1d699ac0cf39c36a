// A bulletin made from the data alone, for a month without an editorial file,
// and the editorial skeleton that `ccnt report --init` writes to start one.
#pragma once

#include <string>
#include <vector>

#include "core/bulletin/bulletin_editorial.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "core/util/partial_date.hpp"

namespace ccnt {

// Local policies of one primary sector.
struct SectorGroup {
  const Sector* sector = nullptr;  // nullptr when the sector is not in the registry
  std::vector<const Policy*> policies;
};

// The month's policies as the draft groups them: national ones first, then the
// local ones by primary sector in registry order; each list ordered by date
// (published, those without one last; then added, region and title).
struct DraftGrouping {
  std::vector<const Policy*> national;
  std::vector<SectorGroup> local;
};

DraftGrouping group_for_draft(const std::vector<const Policy*>& month_policies,
                              const Registry& registry);

// An editorial plan with leads stated from the data ("工业领域 4 项：…"), marked as a draft.
BulletinEditorial draft_bulletin(const PartialDate& month,
                                 const std::vector<const Policy*>& month_policies,
                                 const Registry& registry);

// The text of bulletins/YYYY-MM.yaml as --init writes it: the month's policies
// grouped like the draft, TODO placeholders for the text, a comment on each field; with
// `schema_line`, first the `# yaml-language-server: $schema=` line naming
// schemas/bulletin.schema.json for editors.
std::string bulletin_skeleton(const PartialDate& month,
                              const std::vector<const Policy*>& month_policies,
                              const Registry& registry, bool schema_line = false);

}  // namespace ccnt
