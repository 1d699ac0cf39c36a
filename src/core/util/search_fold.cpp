#include "core/util/search_fold.hpp"

#include <utf8proc.h>

#include <array>

#include "core/util/han_variants.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

constexpr char32_t kFirstUnified = 0x4E00;  // CJK Unified Ideographs: stable under NFKD and
constexpr char32_t kLastUnified = 0x9FFF;   // case folding, so only the table applies

// Appends the folded form of a character outside ASCII and the unified ideographs.
void append_decomposed(std::string& out, char32_t cp) {
  std::array<utf8proc_int32_t, 18> parts{};
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  const utf8proc_ssize_t count = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), parts.data(), static_cast<utf8proc_ssize_t>(parts.size()),
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD),
      &boundclass);
  if (count <= 0 || count > static_cast<utf8proc_ssize_t>(parts.size())) {
    append_utf8(out, cp);
    return;
  }
  for (utf8proc_ssize_t i = 0; i < count; ++i)
    append_utf8(out, simplified_of(static_cast<char32_t>(parts[static_cast<std::size_t>(i)])));
}

}  // namespace

std::string search_fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
      ++i;
      continue;
    }
    const char32_t cp = next_code_point(text, i);
    if (cp >= kFirstUnified && cp <= kLastUnified)
      append_utf8(out, simplified_of(cp));
    else
      append_decomposed(out, cp);
  }
  return out;
}

}  // namespace ccnt
