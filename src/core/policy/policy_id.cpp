#include "core/policy/policy_id.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/policy/doc_type.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

// Chinese terms of climate policy and the English words an id writes them with, after the ids
// of the seed data (docs/data-model.md: short English slugs).
constexpr std::pair<std::string_view, std::string_view> kGlossary[] = {
    {"碳达峰碳中和", "carbon-peaking-neutrality"},
    {"碳达峰", "carbon-peaking"},
    {"碳中和", "carbon-neutrality"},
    {"双碳", "dual-carbon"},
    {"工业领域", "industry"},
    {"工业", "industry"},
    {"产业", "industry"},
    {"城乡建设", "urban-rural-construction"},
    {"建筑", "buildings"},
    {"交通运输", "transport"},
    {"交通", "transport"},
    {"能源", "energy"},
    {"新能源汽车", "nev"},
    {"新能源", "new-energy"},
    {"可再生能源", "renewable-energy"},
    {"光伏发电", "pv"},
    {"光伏", "pv"},
    {"风电", "wind-power"},
    {"氢能", "hydrogen"},
    {"新型储能", "new-energy-storage"},
    {"储能", "energy-storage"},
    {"油气", "oil-gas"},
    {"煤炭", "coal"},
    {"电力", "power"},
    {"电网", "grid"},
    {"节能减排", "energy-conservation-emission-reduction"},
    {"节能降碳", "energy-saving-carbon-reduction"},
    {"节能", "energy-conservation"},
    {"减污降碳", "pollution-carbon-reduction"},
    {"碳排放", "carbon-emissions"},
    {"碳市场", "carbon-market"},
    {"碳排放权交易", "emissions-trading"},
    {"产品碳足迹", "product-carbon-footprint"},
    {"碳足迹", "carbon-footprint"},
    {"海洋碳汇", "ocean-carbon-sinks"},
    {"碳汇", "carbon-sinks"},
    {"林业", "forestry"},
    {"科技支撑", "sci-tech"},
    {"科技", "sci-tech"},
    {"绿色低碳", "green-low-carbon"},
    {"绿色金融", "green-finance"},
    {"绿色", "green"},
    {"低碳", "low-carbon"},
    {"循环经济", "circular-economy"},
    {"无废城市", "zero-waste-city"},
    {"固体废物", "solid-waste"},
    {"建材行业", "building-materials"},
    {"建材", "building-materials"},
    {"钢铁", "steel"},
    {"石化化工", "petrochemical"},
    {"有色金属", "nonferrous"},
    {"充换电", "charging"},
    {"充电基础设施", "charging-infrastructure"},
    {"高质量发展", "high-quality-development"},
    {"融合发展", "integration"},
    {"用地", "land-use"},
    {"农业农村", "agriculture-rural"},
    {"农业", "agriculture"},
    {"生态", "ecology"},
    {"应对气候变化", "climate-change"},
    {"气候", "climate"},
    {"适应", "adaptation"},
    {"甲烷", "methane"},
    {"数据中心", "data-centres"},
    {"公共机构", "public-institutions"},
};

constexpr std::size_t kMaxTerms = 4;

// The title without what an id leaves out: the period in brackets and the document type at
// the end, the issuing region's name at the start, and a 关于 … 的 wrapper.
std::string_view subject_of(std::string_view title, std::string_view doc_type,
                            const Registry& registry) {
  title = title_without_period(title);
  if (!doc_type.empty() && title.ends_with(doc_type)) title.remove_suffix(doc_type.size());
  std::size_t region_length = 0;
  for (const Region& region : registry.regions())
    for (const std::string* name : {&region.full_name, &region.name})
      if (!name->empty() && name->size() > region_length && title.starts_with(*name))
        region_length = name->size();
  title.remove_prefix(region_length);
  if (title.starts_with("关于")) title.remove_prefix(std::string_view("关于").size());
  return title;
}

}  // namespace

std::string title_slug(std::string_view title, std::string_view doc_type,
                       const Registry& registry) {
  // The glossary, then every subsector's and sector's Chinese name with its slug.
  std::vector<std::pair<std::string_view, std::string_view>> terms(std::begin(kGlossary),
                                                                   std::end(kGlossary));
  for (const Sector& sector : registry.sectors()) {
    for (const Subsector& sub : sector.subsectors) terms.emplace_back(sub.name, sub.slug);
    terms.emplace_back(sector.name, sector.slug);
  }
  const std::string_view subject = subject_of(title, doc_type, registry);
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at < subject.size() && words.size() < kMaxTerms;) {
    const std::pair<std::string_view, std::string_view>* best = nullptr;
    for (const auto& term : terms)
      if (subject.substr(at).starts_with(term.first) &&
          (!best || term.first.size() > best->first.size()))
        best = &term;
    if (!best) {
      next_code_point(subject, at);
      continue;
    }
    if (std::find(words.begin(), words.end(), best->second) == words.end())
      words.push_back(best->second);
    at += best->first.size();
  }
  std::string slug;
  for (std::string_view word : words) {
    if (!slug.empty()) slug += '-';
    slug += word;
  }
  return slug;
}

std::size_t id_glossary_size() {
  return std::size(kGlossary);
}

}  // namespace ccnt
