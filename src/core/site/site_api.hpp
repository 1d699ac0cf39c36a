// The website's static JSON API (api/ in the site): the database as plain files a program can
// read from any static host, in a documented shape (docs/site.md, "The JSON API") whose version
// is in every file.
#pragma once

#include <vector>

#include "core/site/site_bulletins.hpp"
#include "core/site/site_model.hpp"
#include "core/site/site_options.hpp"
#include "core/site/site_pages.hpp"

namespace ccnt {

// The version of the API's shape: raised when a field changes meaning or goes away (a new field
// does not raise it).
inline constexpr int kSiteApiVersion = 1;

// api/index.json, api/policies.json, api/regions.json, api/sectors.json, api/issuers.json,
// api/bulletins.json and api/targets.json. Paths in them are relative to the site's root.
std::vector<SiteFile> build_site_api(const SiteModel& model,
                                     const std::vector<SiteBulletin>& bulletins,
                                     const SiteOptions& options);

// api/policies/<id>.json: one policy's whole record.
SiteFile policy_api_file(const SiteModel& model, const Policy& policy);

}  // namespace ccnt
