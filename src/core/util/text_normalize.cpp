#include "core/util/text_normalize.hpp"

#include <utf8proc.h>

#include <cstdlib>

#include "core/util/hidden_chars.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

bool is_whitespace(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85) return true;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
         category == UTF8PROC_CATEGORY_ZP;
}

// NFKC of `text`, or the text itself when utf8proc refuses it (not UTF-8).
std::string nfkc(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (length < 0) return std::string(text);
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
  std::free(mapped);
  return out;
}

}  // namespace

std::string comparison_form(std::string_view text) {
  const std::string mapped = nfkc(text);
  std::string out;
  out.reserve(mapped.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < mapped.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(mapped, i);
    if (is_whitespace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    const HiddenKind kind = hidden_kind(cp);
    if (kind == HiddenKind::ZeroWidth || kind == HiddenKind::Bidi) continue;
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(mapped, start, i - start);
  }
  return out;
}

}  // namespace ccnt
