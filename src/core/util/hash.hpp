// A fast 64-bit hash of bytes, for integrity checks and change detection (the cache's buckets,
// the website's record of what it wrote). Not cryptographic.
#pragma once

#include <cstdint>
#include <string_view>

namespace ccnt {

// MurmurHash3-style mixing of 8-byte words in four independent lanes, so that hashing 100 MB is
// not one long chain of multiplies. Stable across runs and builds (it is stored in files).
std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed = 0x9E3779B97F4A7C15ull);

}  // namespace ccnt
