// The website's Atom feed (feed.atom): the latest additions to the tracker, newest first, so
// that readers follow it in a feed reader.
#pragma once

#include <cstddef>
#include <string>

#include "core/site/site_locale.hpp"
#include "core/site/site_model.hpp"
#include "core/site/site_options.hpp"

namespace ccnt {

// Most entries in the feed.
inline constexpr std::size_t kFeedEntries = 100;

// The feed of the `kFeedEntries` policies added last. Its dates are the months of the records
// (`added`, or `updated` when later), not the time of the build, so that an unchanged tree gives
// the same feed. Links are absolute under options.base_url, else relative to the feed.
std::string render_atom_feed(const SiteModel& model, const SiteLocale& locale,
                             const SiteOptions& options);

}  // namespace ccnt
