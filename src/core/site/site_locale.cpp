#include "core/site/site_locale.hpp"

#include <charconv>

namespace ccnt {
namespace {

// The English names of provincial-level divisions that are not their pinyin, by GB/T 2260 code.
std::string_view conventional_english_name(std::string_view code) {
  if (code == "150000") return "Inner Mongolia";
  if (code == "810000") return "Hong Kong";
  if (code == "820000") return "Macao";
  return {};
}

// Splits YYYY-MM into its numbers; {0, 0} when it is not one.
std::pair<int, int> year_month(std::string_view text) {
  int year = 0, month = 0;
  if (text.size() < 7 || text[4] != '-') return {0, 0};
  std::from_chars(text.data(), text.data() + 4, year);
  std::from_chars(text.data() + 5, text.data() + 7, month);
  return {year, month};
}

}  // namespace

std::string capitalize_words(std::string_view slug) {
  std::string out(slug);
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = c == '-' || c == ' ';
  }
  return out;
}

std::string SiteLocale::region_name(const Region& region) const {
  if (!english()) return region.name;
  if (const std::string_view name = conventional_english_name(region.code); !name.empty())
    return std::string(name);
  if (region.slug == "national") return "National";
  return capitalize_words(region.dir.empty() ? region.slug : region.dir);
}

std::string SiteLocale::region_full_name(const Region& region, const Registry& registry) const {
  if (!english()) return registry.full_path_name(region);
  std::string out;
  const std::vector<const Region*> lineage = registry.lineage(region);
  for (auto it = lineage.rbegin(); it != lineage.rend(); ++it)
    out += (out.empty() ? "" : ", ") + region_name(**it);
  return out;
}

std::string SiteLocale::sector_name(const Sector& sector) const {
  if (!english()) return sector.name;
  return sector.name_en.empty() ? capitalize_words(sector.slug) : sector.name_en;
}

std::string SiteLocale::indicator_name(const Indicator& indicator) const {
  if (!english() || indicator.name_en.empty()) return indicator.name;
  return indicator.name_en;
}

std::string SiteLocale::level_name(std::string_view level) const {
  const std::string name = "level_" + std::string(level);
  const std::string& text = t(name);
  return text == name ? std::string(level) : text;
}

std::string SiteLocale::month_label(std::string_view yyyy_mm) const {
  const auto [year, month] = year_month(yyyy_mm);
  if (year == 0) return std::string(yyyy_mm);
  return fill(t("month_label"), {{"year", std::to_string(year)},
                                 {"month", std::to_string(month)},
                                 {"month2", std::string(yyyy_mm.substr(5, 2))}});
}

std::string SiteLocale::bulletin_label(std::string_view yyyy_mm) const {
  const auto [year, month] = year_month(yyyy_mm);
  if (year == 0) return std::string(yyyy_mm);
  return fill(t("bulletin_label"), {{"year", std::to_string(year)},
                                    {"month", std::to_string(month)},
                                    {"month2", std::string(yyyy_mm.substr(5, 2))}});
}

std::string SiteLocale::verdict(Verdict verdict) const {
  return t("verdict_" + std::string(to_string(verdict)));
}

}  // namespace ccnt
