#include "core/output/template_check.hpp"

#include <algorithm>
#include <charconv>

#include "core/diag/message_catalog.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/text.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {

std::pair<std::string, Mark> locate_template_error(std::string_view text,
                                                   const std::string& message) {
  const auto at = message.rfind(" at ");
  if (at != std::string::npos) {
    std::size_t offset = 0;
    const char* begin = message.data() + at + 4;
    const char* end = message.data() + message.size();
    const auto [ptr, ec] = std::from_chars(begin, end, offset);
    if (ec == std::errc() && ptr == end && offset <= text.size())
      return {message.substr(0, at), mark_at(text, offset)};
  }
  return {message, {}};
}

void check_template_names(std::string_view text, const std::string& path,
                          const std::vector<std::string>& known, const std::string& code,
                          const std::string& hint, Diagnostics& diagnostics) {
  std::size_t at = 0;
  while ((at = text.find("{{", at)) != std::string_view::npos) {
    const bool triple = text.substr(at, 3) == "{{{";
    const std::size_t start = at + (triple ? 3 : 2);
    const std::size_t end = text.find(triple ? "}}}" : "}}", start);
    if (end == std::string_view::npos) return;  // a syntax error, reported by the parser
    std::string name(trim(text.substr(start, end - start)));
    const std::size_t tag = at;
    at = end + (triple ? 3 : 2);
    if (name.empty() || name.front() == '!') continue;
    if (name.front() == '=') return;
    if (std::string_view("#^/&>").find(name.front()) != std::string_view::npos)
      name = std::string(trim(std::string_view(name).substr(1)));
    if (name == ".") continue;
    std::size_t part_start = 0;
    while (part_start <= name.size()) {
      std::size_t dot = name.find('.', part_start);
      if (dot == std::string::npos) dot = name.size();
      const std::string part = name.substr(part_start, dot - part_start);
      if (std::find(known.begin(), known.end(), part) == known.end()) {
        const auto suggestions = closest_matches(part, known, 1);
        diagnostics.warning(
            code, path, mark_at(text, tag),
            trf("the renderer provides no `{}`; the tag renders nothing", part),
            suggestions.empty() ? hint : trf("did you mean `{}`?", suggestions.front()));
        break;
      }
      part_start = dot + 1;
    }
  }
}

}  // namespace ccnt
