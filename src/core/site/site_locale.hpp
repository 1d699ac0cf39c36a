// One interface language of the website: its strings and how it names regions, sectors,
// levels, months and verdicts.
#pragma once

#include <string>
#include <string_view>

#include "core/policy/registry.hpp"
#include "core/query/target_comparison.hpp"
#include "core/site/site_model.hpp"
#include "core/site/site_strings.hpp"

namespace ccnt {

class SiteLocale {
 public:
  SiteLocale(const SiteStrings& strings, SiteLanguage language)
      : strings_(strings), language_(language) {}

  SiteLanguage language() const { return language_; }
  bool english() const { return language_ == SiteLanguage::English; }
  // The value of the `lang` attribute: zh-CN or en.
  std::string_view html_lang() const { return english() ? "en" : "zh-CN"; }
  // zh or en, as in strings.yaml and the pages' data-lang.
  std::string_view key() const { return english() ? "en" : "zh"; }
  // The path of the language's pages below the site's root: "" or "en/".
  std::string_view prefix() const { return english() ? "en/" : ""; }

  const std::string& t(std::string_view name) const { return strings_.get(language_, name); }
  const SiteStrings& strings() const { return strings_; }

  // 浙江, 宁波; in English the pinyin of its own name (Zhejiang, Ningbo), or the usual English
  // name of a provincial-level division that has one (Inner Mongolia, Hong Kong, Macao).
  std::string region_name(const Region& region) const;
  // 浙江省宁波市; Ningbo, Zhejiang.
  std::string region_full_name(const Region& region, const Registry& registry) const;
  // The registry's name, or its English name (the slug when it has none).
  std::string sector_name(const Sector& sector) const;
  std::string indicator_name(const Indicator& indicator) const;
  // 国家, 省级, …; National, Provincial, …; the level itself when unknown.
  std::string level_name(std::string_view level) const;
  // A month YYYY-MM (or a bulletin's) as the language writes it: 2023 年 3 月, 2023-03.
  std::string month_label(std::string_view yyyy_mm) const;
  std::string bulletin_label(std::string_view yyyy_mm) const;
  std::string verdict(Verdict verdict) const;

 private:
  const SiteStrings& strings_;
  SiteLanguage language_;
};

// "zhejiang" → "Zhejiang", "xi-an" → "Xi-an": the first letter of each word capitalised.
std::string capitalize_words(std::string_view slug);

}  // namespace ccnt
