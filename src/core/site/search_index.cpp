#include "core/site/search_index.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <utf8proc.h>

#include "core/output/html_escape.hpp"
#include "core/output/json_writer.hpp"
#include "core/util/parallel_for.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

// A code point as NFKC makes it (one code point's worth; compositions across characters do not
// matter for search), ASCII letters lower-cased. Fast for ASCII, CJK ideographs and the
// full-width forms that Chinese text is made of.
void normalize_code_point(char32_t cp, std::u32string& out) {
  if (cp < 0x80) {
    out += (cp >= 'A' && cp <= 'Z') ? cp - 'A' + 'a' : cp;
    return;
  }
  if (cp >= 0x4E00 && cp <= 0x9FFF) {
    out += cp;
    return;
  }
  if (cp >= 0xFF01 && cp <= 0xFF5E) {  // full-width ASCII
    normalize_code_point(cp - 0xFEE0, out);
    return;
  }
  utf8proc_int32_t decomposed[18];
  int last_boundclass = 0;
  const utf8proc_ssize_t n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), decomposed, 18,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_COMPOSE), &last_boundclass);
  if (n <= 0 || n > 18) {
    out += cp;
    return;
  }
  if (n == 1) {
    const auto single = static_cast<char32_t>(decomposed[0]);
    out += (single >= 'A' && single <= 'Z') ? single - 'A' + 'a' : single;
    return;
  }
  // Compose again what decomposition split (é stays é).
  std::string utf8;
  for (utf8proc_ssize_t i = 0; i < n; ++i) append_utf8(utf8, static_cast<char32_t>(decomposed[i]));
  utf8proc_uint8_t* composed =
      utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(utf8.c_str()));
  if (!composed) {
    out += cp;
    return;
  }
  const std::string_view text(reinterpret_cast<const char*>(composed));
  for (std::size_t at = 0; at < text.size();) {
    const char32_t c = next_code_point(text, at);
    out += (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
  }
  std::free(composed);
}

// Letters, marks and digits make words; everything else (spaces, punctuation, symbols,
// controls) separates them.
bool is_word_char(char32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
  const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO;
}

bool is_ascii_word_char(char32_t cp) {
  return cp < 0x80;
}

// A gram as one number: two code points of 21 bits each, the second all ones for a single one.
using GramKey = std::uint64_t;
constexpr GramKey kSingle = 0x1FFFFF;

GramKey key_of(char32_t first, char32_t second) {
  return (static_cast<GramKey>(first) << 21) | static_cast<GramKey>(second);
}

std::string gram_text(GramKey key) {
  std::string text;
  append_utf8(text, static_cast<char32_t>(key >> 21));
  if ((key & kSingle) != kSingle) append_utf8(text, static_cast<char32_t>(key & kSingle));
  return text;
}

void add_grams(std::string_view text, std::vector<GramKey>& keys) {
  for (const std::u32string& run : search_runs(text)) {
    for (std::size_t i = 0; i < run.size(); ++i) {
      if (!is_ascii_word_char(run[i])) keys.push_back(key_of(run[i], kSingle));
      if (i + 1 < run.size()) keys.push_back(key_of(run[i], run[i + 1]));
    }
  }
}

// The grams of a policy's searchable text: title, English title, summary, issuers, document
// number and keywords.
std::vector<GramKey> policy_grams(const Policy& policy) {
  std::vector<GramKey> keys;
  keys.reserve(policy.summary.size() / 2 + policy.title.size());
  add_grams(policy.title, keys);
  add_grams(policy.title_en, keys);
  add_grams(policy.summary, keys);
  for (const std::string& issuer : policy.issuers) add_grams(issuer, keys);
  add_grams(policy.document_number, keys);
  for (const std::string& tag : policy.tags) add_grams(tag, keys);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

constexpr char kBase36[] = "0123456789abcdefghijklmnopqrstuvwxyz";
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void append_base36(std::string& out, std::uint32_t value) {
  char digits[8];
  int n = 0;
  do {
    digits[n++] = kBase36[value % 36];
    value /= 36;
  } while (value > 0);
  while (n > 0) out += digits[--n];
}

// A posting list as text: the gaps between ascending policy numbers in base 36, comma-separated;
// or, when shorter, "~" and a bitmap of all policies in base 64 (policy i is bit i % 6 of
// character i / 6).
std::string encode_postings(const std::vector<std::uint32_t>& postings, std::uint32_t count) {
  std::string gaps;
  std::uint32_t previous = 0;
  for (std::size_t i = 0; i < postings.size(); ++i) {
    if (i > 0) gaps += ',';
    append_base36(gaps, postings[i] - previous);
    previous = postings[i];
  }
  const std::size_t bitmap_size = (count + 5) / 6 + 1;
  if (gaps.size() <= bitmap_size) return gaps;
  std::vector<unsigned> sextets((count + 5) / 6, 0);
  for (std::uint32_t p : postings) sextets[p / 6] |= 1u << (p % 6);
  std::string bitmap = "~";
  for (unsigned s : sextets) bitmap += kBase64[s];
  return bitmap;
}

// `name(…)` with the JSON made safe for a script.
std::string script_call(std::string_view call, std::string_view json) {
  std::string out = "ccntSearch.";
  out += call;
  out += '(';
  out += json_for_script(json);
  out += ");\n";
  return out;
}

// Index of `value` in `list`, adding it when new.
template <typename Key>
std::uint32_t intern(std::vector<Key>& list, std::unordered_map<Key, std::uint32_t>& index,
                     const Key& value) {
  auto [at, inserted] = index.emplace(value, static_cast<std::uint32_t>(list.size()));
  if (inserted) list.push_back(value);
  return at->second;
}

std::string build_meta(const SiteModel& model, std::uint32_t shards) {
  const Registry& registry = model.registry();
  const std::vector<const Policy*>& policies = model.policies();
  std::unordered_map<std::string, std::uint32_t> region_of_slug;
  for (std::size_t i = 0; i < model.regions().size(); ++i)
    region_of_slug.emplace(model.regions()[i].region->slug, static_cast<std::uint32_t>(i));
  std::unordered_map<std::string, std::uint32_t> sector_of_slug;
  for (std::size_t i = 0; i < model.sectors().size(); ++i)
    sector_of_slug.emplace(model.sectors()[i].sector->slug, static_cast<std::uint32_t>(i));
  std::vector<std::string> levels, types, months;
  std::unordered_map<std::string, std::uint32_t> level_index, type_index, month_index;
  for (const SiteMonth& month : model.months()) intern(months, month_index, month.month);

  std::string json;
  JsonWriter w(json);
  w.begin_object();
  w.key("v").value(kSearchIndexVersion);
  w.key("n").value(policies.size());
  w.key("shards").value(static_cast<long long>(shards));
  w.key("chunk").value(kSearchDocChunk);
  // Regions: slug, name, English name, index of the enclosing region (-1), full name, aliases.
  w.key("regions").begin_array();
  for (const SiteRegion& region : model.regions()) {
    const Region& r = *region.region;
    w.begin_array().value(r.slug).value(r.name);
    w.value(r.dir.empty() ? r.slug : r.dir);
    w.value(static_cast<long long>(region.parent));
    w.value(registry.full_path_name(r));
    w.strings(r.aliases);
    w.end_array();
  }
  w.end_array();
  w.key("sectors").begin_array();
  for (const SiteSector& sector : model.sectors())
    w.begin_array()
        .value(sector.sector->slug)
        .value(sector.sector->name)
        .value(sector.sector->name_en.empty() ? sector.sector->slug : sector.sector->name_en)
        .end_array();
  w.end_array();
  w.key("issuers").begin_array();
  for (const SiteIssuer& issuer : model.issuers())
    w.begin_array().value(issuer.agency.id).value(issuer.agency.name).end_array();
  w.end_array();

  // The columns, one value per policy in the order of model.policies().
  std::vector<long long> region_col, sector_col, level_col, type_col, date_col, added_col;
  std::vector<bool> target_col;
  std::string further, issuers;
  JsonWriter further_w(further), issuers_w(issuers);
  further_w.begin_array();
  issuers_w.begin_array();
  for (std::uint32_t i = 0; i < policies.size(); ++i) {
    const Policy& p = *policies[i];
    const auto region = region_of_slug.find(p.region);
    region_col.push_back(region == region_of_slug.end() ? -1 : region->second);
    const auto sector = sector_of_slug.find(p.sector);
    sector_col.push_back(sector == sector_of_slug.end() ? -1 : sector->second);
    level_col.push_back(intern(levels, level_index, p.level));
    type_col.push_back(intern(types, type_index, p.doc_type));
    date_col.push_back(date_key(p.published));
    const auto month = month_index.find(PartialDate{p.added.year, p.added.month, 0}.to_string());
    added_col.push_back(month == month_index.end() ? -1 : month->second);
    target_col.push_back(!p.targets.empty());
    // Further sectors, sparse: [policy, sector, sector…]
    std::vector<long long> own;
    for (const std::string& slug : p.sectors)
      if (auto s = sector_of_slug.find(slug); s != sector_of_slug.end() && slug != p.sector)
        own.push_back(s->second);
    if (!own.empty()) {
      further_w.begin_array().value(static_cast<long long>(i));
      for (long long s : own) further_w.value(s);
      further_w.end_array();
    }
    issuers_w.begin_array();
    for (std::size_t issuer : model.issuers_of(i)) issuers_w.value(issuer);
    issuers_w.end_array();
  }
  further_w.end_array();
  issuers_w.end_array();
  w.key("levels").strings(levels);
  w.key("types").strings(types);
  w.key("months").strings(months);
  const auto column = [&w](std::string_view name, const std::vector<long long>& values) {
    w.key(name).begin_array();
    for (long long v : values) w.value(v);
    w.end_array();
  };
  w.key("cols").begin_object();
  column("r", region_col);
  column("s", sector_col);
  column("l", level_col);
  column("t", type_col);
  column("p", date_col);
  column("a", added_col);
  w.key("g").begin_array();
  for (bool b : target_col) w.value(static_cast<long long>(b ? 1 : 0));
  w.end_array();
  w.key("s2").raw(further);
  w.key("i").raw(issuers);
  w.end_object();
  w.end_object();
  return script_call("meta", json);
}

// The titles of policies [first, first + kSearchDocChunk): id, title, English title, published
// date, and the start of the summary.
std::string build_docs(const SiteModel& model, std::size_t chunk) {
  std::string json;
  JsonWriter w(json);
  w.begin_array().value(chunk).begin_array();
  const std::vector<const Policy*>& policies = model.policies();
  const std::size_t end = std::min(policies.size(), (chunk + 1) * kSearchDocChunk);
  for (std::size_t i = chunk * kSearchDocChunk; i < end; ++i) {
    const Policy& p = *policies[i];
    std::string excerpt;
    std::size_t at = 0, chars = 0;
    while (at < p.summary.size() && chars < 80) {
      const std::size_t start = at;
      next_code_point(p.summary, at);
      excerpt.append(p.summary, start, at - start);
      ++chars;
    }
    if (at < p.summary.size()) excerpt += "…";
    w.begin_array().value(p.id).value(p.title).value(p.title_en);
    w.value(p.published ? p.published->to_string() : std::string());
    w.value(excerpt).end_array();
  }
  w.end_array().end_array();
  // docs(chunk, [...]) takes two arguments: unwrap the outer array.
  return script_call("docs", std::string_view(json).substr(1, json.size() - 2));
}

}  // namespace

std::vector<std::u32string> search_runs(std::string_view text) {
  std::vector<std::u32string> runs;
  std::u32string normalized;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedChar decoded = decode_utf8_at(text, at);
    at += decoded.length;
    normalize_code_point(decoded.cp, normalized);
  }
  std::u32string run;
  for (char32_t cp : normalized) {
    if (is_word_char(cp)) {
      run += cp;
    } else if (!run.empty()) {
      runs.push_back(std::move(run));
      run.clear();
    }
  }
  if (!run.empty()) runs.push_back(std::move(run));
  return runs;
}

std::vector<std::string> search_grams(std::string_view text) {
  std::vector<GramKey> keys;
  add_grams(text, keys);
  std::vector<std::string> grams;
  for (GramKey key : keys) grams.push_back(gram_text(key));
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

std::uint32_t gram_shard(std::string_view gram, std::uint32_t shards) {
  std::uint32_t hash = 2166136261u;
  for (char c : gram) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return shards == 0 ? 0 : hash % shards;
}

std::vector<SearchFile> build_search_index(const SiteModel& model, unsigned jobs,
                                           SearchIndexStats* stats) {
  const std::vector<const Policy*>& policies = model.policies();
  const auto count = static_cast<std::uint32_t>(policies.size());

  // The postings of every gram, in policy order: grams of a block of policies are found on all
  // threads, then merged in order.
  std::unordered_map<GramKey, std::vector<std::uint32_t>> postings;
  constexpr std::size_t kBlock = 4096;
  std::vector<std::vector<GramKey>> block(kBlock);
  for (std::size_t first = 0; first < policies.size(); first += kBlock) {
    const std::size_t n = std::min(kBlock, policies.size() - first);
    parallel_for(n, jobs, [&](std::size_t i) { block[i] = policy_grams(*policies[first + i]); });
    for (std::size_t i = 0; i < n; ++i)
      for (GramKey key : block[i]) postings[key].push_back(static_cast<std::uint32_t>(first + i));
  }

  // The grams as text and their encoded postings, sorted so that the files do not depend on the
  // hash map's order.
  std::vector<std::pair<std::string, std::string>> entries;
  entries.reserve(postings.size());
  for (auto& [key, list] : postings)
    entries.emplace_back(gram_text(key), encode_postings(list, count));
  postings.clear();
  std::sort(entries.begin(), entries.end());
  std::size_t total = 0;
  for (const auto& [gram, encoded] : entries) total += gram.size() + encoded.size() + 6;
  // Shards of about 48 KiB: a query of a few characters loads a few of them.
  std::uint32_t shards = 1;
  while (shards < 4096 && total / shards > 48 * 1024) shards *= 2;

  std::vector<std::string> shard_json(shards);
  std::vector<bool> first_entry(shards, true);
  for (std::uint32_t s = 0; s < shards; ++s) shard_json[s] = fmt::format("{},{{", s);
  for (const auto& [gram, encoded] : entries) {
    const std::uint32_t s = gram_shard(gram, shards);
    std::string& out = shard_json[s];
    if (!first_entry[s]) out += ',';
    first_entry[s] = false;
    append_json_string(out, gram);
    out += ':';
    append_json_string(out, encoded);
  }

  std::vector<SearchFile> files;
  files.push_back({"search/meta.js", build_meta(model, shards)});
  if (stats) stats->meta_bytes = files.back().content.size();
  const std::size_t chunks = (policies.size() + kSearchDocChunk - 1) / kSearchDocChunk;
  std::vector<SearchFile> docs(chunks);
  parallel_for(chunks, jobs, [&](std::size_t c) {
    docs[c] = {fmt::format("search/docs-{}.js", c), build_docs(model, c)};
  });
  for (SearchFile& file : docs) {
    if (stats) stats->doc_bytes += file.content.size();
    files.push_back(std::move(file));
  }
  for (std::uint32_t s = 0; s < shards; ++s) {
    shard_json[s] += '}';
    files.push_back({fmt::format("search/grams-{}.js", s), script_call("grams", shard_json[s])});
    if (stats) stats->gram_bytes += files.back().content.size();
  }
  if (stats) {
    stats->shards = shards;
    stats->grams = entries.size();
  }
  return files;
}

}  // namespace ccnt
