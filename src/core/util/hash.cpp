#include "core/util/hash.hpp"

#include <cstring>

namespace ccnt {
namespace {

std::uint64_t rotl(std::uint64_t x, int r) {
  return (x << r) | (x >> (64 - r));
}

}  // namespace

std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) {
  constexpr std::uint64_t c1 = 0x87C37B91114253D5ull;
  constexpr std::uint64_t c2 = 0x4CF5AD432745937Full;
  const auto mix = [](std::uint64_t h, std::uint64_t k) {
    k *= c1;
    k = rotl(k, 31);
    k *= c2;
    h ^= k;
    return rotl(h, 27) * 5 + 0x52DCE729;
  };
  const auto word = [&](std::size_t at) {
    std::uint64_t k;
    std::memcpy(&k, bytes.data() + at, 8);
    return k;
  };
  std::uint64_t lane[4] = {seed ^ (bytes.size() * c1), seed + c2, seed ^ c1, seed - c2};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32)
    for (int l = 0; l < 4; ++l) lane[l] = mix(lane[l], word(i + 8 * l));
  std::uint64_t h = lane[0];
  for (int l = 1; l < 4; ++l) h = mix(h, lane[l]);
  for (; i + 8 <= bytes.size(); i += 8) h = mix(h, word(i));
  std::uint64_t tail = 0;
  if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h = mix(h, tail);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace ccnt
