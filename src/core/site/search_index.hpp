// The search page's data (search/ in the site): the facets of every policy in compact columns,
// the policies' titles in chunks, and an n-gram index of their text in shards, so that the
// browser loads only what a query needs. Chinese has no spaces between words, so the text is
// indexed by single characters and pairs of adjacent characters, not by words; assets/site.js
// reads the files the same way (docs/site.md, "Search"). Written as JavaScript that hands the
// data to the page (ccntSearch.meta(…)), because a browser loads scripts from file:// but
// refuses to fetch JSON from there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/site/site_model.hpp"

namespace ccnt {

// The format of the files; site.js refuses others.
inline constexpr int kSearchIndexVersion = 1;

// The text of a policy as the index sees it: NFKC, ASCII letters lower-cased, then cut into runs
// of letters, digits and marks at every space, punctuation mark and symbol.
std::vector<std::u32string> search_runs(std::string_view text);

// The grams of the runs: each character that is not an ASCII letter or digit alone, and every
// pair of adjacent characters of a run, as UTF-8. Distinct and sorted.
std::vector<std::string> search_grams(std::string_view text);

// Which shard of `shards` holds a gram: FNV-1a (32 bits) of its UTF-8 bytes, modulo the count.
std::uint32_t gram_shard(std::string_view gram, std::uint32_t shards);

// One file of the index, relative to the site's root (search/…).
struct SearchFile {
  std::string path;
  std::string content;
};

// Sizes of the index, for the build's summary and the benchmark.
struct SearchIndexStats {
  std::size_t meta_bytes = 0;
  std::size_t doc_bytes = 0;
  std::size_t gram_bytes = 0;
  std::uint32_t shards = 0;
  std::size_t grams = 0;
};

// The whole index of the model's policies, on `jobs` threads (0: one per core).
std::vector<SearchFile> build_search_index(const SiteModel& model, unsigned jobs,
                                           SearchIndexStats* stats = nullptr);

// Policies per file of titles (search/docs-N.js).
inline constexpr std::size_t kSearchDocChunk = 64;

}  // namespace ccnt
