#include "core/site/site_templates.hpp"

#include "core/bulletin/builtin_templates.hpp"
#include "core/diag/message_catalog.hpp"
#include "core/output/html_escape.hpp"
#include "core/output/template_check.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/text.hpp"

namespace ccnt {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

namespace {

std::string template_file_name(std::string_view page) {
  return std::string(page) + ".html.mustache";
}

// The tree's templates/site/<name> when it is there, else the built-in file.
std::optional<SiteSource> read_source(const fs::path& root, const std::string& tree,
                                      std::string_view name, Diagnostics& diagnostics) {
  SiteSource source;
  source.name = std::string(name);
  const fs::path file = root / "templates" / "site" / name;
  std::error_code ec;
  if (fs::exists(fs::symlink_status(file, ec))) {
    source.path = display_path(file);
    std::optional<std::string> text = read_tree_file(file, source.path, tree, diagnostics);
    if (!text) return std::nullopt;
    source.text = std::move(*text);
    source.own = true;
    return source;
  }
  const std::optional<std::string_view> builtin = builtin_file("site/" + std::string(name));
  source.path = trf("the built-in {}", "templates/site/" + std::string(name));
  source.text = builtin ? std::string(*builtin) : std::string();
  return source;
}

}  // namespace

std::optional<SiteTemplates> SiteTemplates::load(const fs::path& root,
                                                 const std::vector<std::string>& names,
                                                 Diagnostics& diagnostics) {
  SiteTemplates templates;
  const std::string tree = tree_prefix(root);
  bool ok = true;
  std::vector<std::string> names_to_read;
  for (std::string_view page : kSitePageNames) names_to_read.push_back(template_file_name(page));
  for (std::string_view asset : kSiteAssetNames) names_to_read.emplace_back(asset);
  names_to_read.emplace_back(kSiteStringsName);
  for (const std::string& name : names_to_read) {
    std::optional<SiteSource> source = read_source(root, tree, name, diagnostics);
    if (!source) {
      ok = false;
      continue;
    }
    templates.files_.push_back(std::move(*source));
  }
  if (!ok) return std::nullopt;

  // The strings: the built-in ones, then the tree's entries.
  const SiteSource& strings_file = templates.file(kSiteStringsName);
  const std::optional<std::string_view> builtin_strings =
      builtin_file("site/" + std::string(kSiteStringsName));
  std::optional<std::pair<std::string, std::string>> own_strings;
  if (strings_file.own) own_strings.emplace(strings_file.text, strings_file.path);
  auto strings = SiteStrings::load(builtin_strings.value_or(""),
                                   trf("the built-in {}", "templates/site/strings.yaml"),
                                   own_strings, diagnostics);
  if (!strings) return std::nullopt;
  templates.strings_ = std::make_shared<SiteStrings>(std::move(*strings));

  // The templates: syntax, and the names they use (the strings' names under t.).
  std::vector<std::string> known = names;
  known.emplace_back("t");
  for (std::string& name : templates.strings_->names()) known.push_back(std::move(name));
  for (std::string_view page : kSitePageNames) {
    const SiteSource& source = templates.file(template_file_name(page));
    mustache::mustache parsed{source.text};
    if (!parsed.is_valid()) {
      const auto [message, mark] = locate_template_error(source.text, parsed.error_message());
      diagnostics.error(
          "E124", source.path, mark, trf("template syntax error: {}", message),
          trf("every {} needs a matching {}; see docs/site.md", "{{#name}}", "{{/name}}"));
      ok = false;
      continue;
    }
    if (source.own)
      check_template_names(source.text, source.path, known, "W120",
                           trf("docs/site.md lists the template variables"), diagnostics);
  }
  if (!ok) return std::nullopt;
  return templates;
}

const SiteSource& SiteTemplates::file(std::string_view name) const {
  for (const SiteSource& source : files_)
    if (source.name == name) return source;
  static const SiteSource none;
  return none;
}

std::string put_in_strings(std::string_view text, const SiteLocale& locale) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (true) {
    const std::size_t open = text.find("{{", at);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    const std::string_view name = trim(text.substr(open + 2, close - open - 2));
    if (name.starts_with("t.") && text.substr(open, 3) != "{{{") {
      out.append(text.substr(at, open - at));
      // Escaped for HTML; a brace written as a reference, so that it starts no tag.
      for (char c : html_escape(locale.t(name.substr(2)))) {
        if (c == '{')
          out += "&#123;";
        else if (c == '}')
          out += "&#125;";
        else
          out += c;
      }
      at = close + 2;
      continue;
    }
    out.append(text.substr(at, close + 2 - at));
    at = close + 2;
  }
  out.append(text.substr(at));
  return out;
}

CompiledSiteTemplates::CompiledSiteTemplates(const SiteTemplates& templates,
                                             const SiteLocale& locale) {
  for (std::string_view page : kSitePageNames) {
    mustache::mustache parsed{
        put_in_strings(templates.file(template_file_name(page)).text, locale)};
    parsed.set_custom_escape([](const std::string& text) { return html_escape(text); });
    pages_.emplace(std::string(page), std::move(parsed));
  }
}

std::string CompiledSiteTemplates::render(std::string_view page,
                                          const kainjow::mustache::data& data) {
  const auto found = pages_.find(page);
  if (found == pages_.end()) return {};
  return found->second.render(data);
}

}  // namespace ccnt
