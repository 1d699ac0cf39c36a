#include "core/site/site_feed.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "core/output/html_escape.hpp"

namespace ccnt {
namespace {

// A partial date as an Atom date: its first day, midnight UTC.
std::string atom_date(const PartialDate& date) {
  return fmt::format("{:04}-{:02}-{:02}T00:00:00Z", date.year, std::max(date.month, 1),
                     std::max(date.day, 1));
}

// The later of added and updated.
PartialDate changed(const Policy& policy) {
  return policy.updated && *policy.updated > policy.added ? *policy.updated : policy.added;
}

}  // namespace

std::string render_atom_feed(const SiteModel& model, const SiteLocale& locale,
                             const SiteOptions& options) {
  std::vector<const Policy*> latest = model.policies();
  std::stable_sort(latest.begin(), latest.end(),
                   [](const Policy* a, const Policy* b) { return changed(*a) > changed(*b); });
  if (latest.size() > kFeedEntries) latest.resize(kFeedEntries);
  const std::string base = options.base_url;
  const auto link = [&base](const std::string& path) { return html_escape(base + path); };

  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += fmt::format("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
                     locale.html_lang());
  out += fmt::format("<title>{}</title>\n", html_escape(locale.t("feed_title")));
  out += fmt::format("<subtitle>{}</subtitle>\n", html_escape(locale.t("site_tagline")));
  out += fmt::format("<id>{}</id>\n", base.empty() ? "urn:ccnt:feed" : link("feed.atom"));
  out += fmt::format("<updated>{}</updated>\n",
                     latest.empty() ? "1970-01-01T00:00:00Z" : atom_date(changed(*latest.front())));
  if (!base.empty()) out += fmt::format("<link rel=\"self\" href=\"{}\"/>\n", link("feed.atom"));
  out +=
      fmt::format("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", link("index.html"));
  out += fmt::format("<author><name>{}</name></author>\n", html_escape(locale.t("site_name")));
  out += "<generator>ccnt</generator>\n";
  for (const Policy* policy : latest) {
    const std::string page = "policies/" + policy->id + ".html";
    out += "<entry>\n";
    out += fmt::format("<title>{}</title>\n", html_escape(policy->title));
    out += fmt::format("<id>{}</id>\n",
                       base.empty() ? html_escape("urn:ccnt:policy:" + policy->id) : link(page));
    out += fmt::format("<updated>{}</updated>\n", atom_date(changed(*policy)));
    if (policy->published && policy->published->day > 0)
      out += fmt::format("<published>{}</published>\n", atom_date(*policy->published));
    out += fmt::format("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", link(page));
    if (const Sector* sector = model.registry().find_sector(policy->sector))
      out += fmt::format("<category term=\"{}\" label=\"{}\"/>\n", html_escape(sector->slug),
                         html_escape(locale.sector_name(*sector)));
    if (!policy->summary.empty())
      out += fmt::format("<summary>{}</summary>\n", html_escape(policy->summary));
    out += "</entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace ccnt
