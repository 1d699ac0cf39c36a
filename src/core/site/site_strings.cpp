#include "core/site/site_strings.hpp"

#include "core/diag/message_catalog.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {
namespace {

using StringMap = std::map<std::string, std::string, std::less<>>;

// Reads `zh:` and `en:` maps of names to strings into the two maps; `known` (when given) are
// the names that may be set. False after errors.
bool read_strings(std::string_view text, const std::string& path, StringMap& zh, StringMap& en,
                  const StringMap* known, Diagnostics& diagnostics) {
  Diagnostics local;
  const std::optional<Node> document = parse_yaml(text, path, local);
  const bool parsed = document && local.error_count() == 0;
  diagnostics.append(std::move(local));
  if (!parsed) return false;
  if (!document->is_map()) {
    diagnostics.error("E125", path, document->mark,
                      trf("the site's strings must be a map of `zh` and `en`"),
                      trf("docs/site.md shows the layout of templates/site/strings.yaml"));
    return false;
  }
  bool ok = true;
  for (const MapEntry& language : document->entries) {
    StringMap* target = language.key == "zh" ? &zh : language.key == "en" ? &en : nullptr;
    if (!target || !language.value.is_map()) {
      diagnostics.error("E125", path, language.key_mark,
                        target ? trf("`{}` must be a map of names to strings", language.key)
                               : trf("unknown language `{}` in the site's strings", language.key),
                        trf("the languages are zh and en; docs/site.md lists the names"));
      ok = false;
      continue;
    }
    for (const MapEntry& entry : language.value.entries) {
      if (!entry.value.is_scalar()) {
        diagnostics.error("E125", path, entry.key_mark,
                          trf("the string `{}` must be text", entry.key),
                          trf("write it on one line after the colon, quoted if it has a colon"));
        ok = false;
        continue;
      }
      if (known && !known->count(entry.key)) {
        diagnostics.warning("W121", path, entry.key_mark,
                            trf("the site uses no string `{}`; it is ignored", entry.key),
                            trf("docs/site.md lists the names"));
        continue;
      }
      (*target)[entry.key] = entry.value.scalar;
    }
  }
  return ok;
}

}  // namespace

std::optional<SiteStrings> SiteStrings::load(
    std::string_view builtin, const std::string& builtin_path,
    const std::optional<std::pair<std::string, std::string>>& override_text,
    Diagnostics& diagnostics) {
  SiteStrings strings;
  if (!read_strings(builtin, builtin_path, strings.zh_, strings.en_, nullptr, diagnostics))
    return std::nullopt;
  if (override_text) {
    StringMap known = strings.zh_;
    known.insert(strings.en_.begin(), strings.en_.end());
    if (!read_strings(override_text->first, override_text->second, strings.zh_, strings.en_, &known,
                      diagnostics))
      return std::nullopt;
  }
  return strings;
}

const std::string& SiteStrings::get(SiteLanguage language, std::string_view name) const {
  const StringMap& map = all(language);
  const auto found = map.find(name);
  if (found != map.end()) return found->second;
  static thread_local std::string missing;
  missing = std::string(name);
  return missing;
}

const std::map<std::string, std::string, std::less<>>& SiteStrings::all(
    SiteLanguage language) const {
  return language == SiteLanguage::English ? en_ : zh_;
}

std::vector<std::string> SiteStrings::names() const {
  std::vector<std::string> names;
  for (const auto& [name, text] : zh_) names.push_back(name);
  for (const auto& [name, text] : en_)
    if (!zh_.count(name)) names.push_back(name);
  return names;
}

std::string fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool done = false;
        for (const auto& [key, value] : values) {
          if (key == name) {
            out += value;
            done = true;
            break;
          }
        }
        if (done) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

}  // namespace ccnt
