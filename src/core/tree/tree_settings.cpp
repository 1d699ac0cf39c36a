#include "core/tree/tree_settings.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/diag/warning_codes.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/edit_distance.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTopKeys = {"warnings", "bulletin", "site", "import"};
const std::vector<std::string> kBulletinKeys = {"template"};
const std::vector<std::string> kSiteKeys = {"title",    "description", "repository", "branch",
                                            "edit_url", "url",         "language"};
const std::vector<std::string> kImportKeys = {"mappings"};
const std::vector<std::string> kLevels = {"off", "warning", "error"};
const std::vector<std::string> kLanguages = {"zh", "en"};

std::optional<WarningLevel> parse_level(std::string_view name) {
  if (name == "off") return WarningLevel::Off;
  if (name == "warning") return WarningLevel::Warning;
  if (name == "error") return WarningLevel::Error;
  return std::nullopt;
}

bool is_error_code(std::string_view code) {
  return code.size() == 4 && code[0] == 'E' &&
         std::all_of(code.begin() + 1, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// An https URL without spaces, controls, quotes or angle brackets: safe in an attribute or a
// Markdown link as it is.
bool is_plain_https_url(std::string_view url) {
  if (!url.starts_with("https://") || url.size() == 8) return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' ||
           c == '`' || c == '\\';
  });
}

// `text` with every byte but letters, digits and -._~/ percent-encoded, for a URL's path.
std::string url_path(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        std::string_view("-._~/").find(c) != std::string_view::npos)
      out += c;
    else
      out += fmt::format("%{:02X}", byte);
  }
  return out;
}

class SettingsReader {
 public:
  SettingsReader(const fs::path& root, std::string_view tree, Settings& settings)
      : root_(root.lexically_normal()), tree_(tree), settings_(settings) {}

  void read() {
    const fs::path file = root_ / kSettingsFileName;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) return;
    settings_.file = file;
    path_ = display_path(file);
    Diagnostics& out = settings_.problems;
    const auto bytes = read_tree_file(file, path_, tree_, out);
    if (!bytes) return;
    Diagnostics parsing;
    const auto root = parse_yaml(*bytes, path_, parsing);
    // An empty file, or one of comments only, sets nothing: no E005 as for a policy file.
    parsing.keep_if([](const Diagnostic& d) { return d.code != "E005"; });
    out.append(std::move(parsing));
    if (!root || root->kind == Node::Kind::Null) return;
    if (!root->is_map()) {
      error("E141", root->mark,
            trf("{} must be a map of settings (warnings, bulletin, site, import)",
                kSettingsFileName));
      return;
    }
    keys(*root, kTopKeys, "");
    if (const Node* warnings = map_at(*root, "warnings")) read_warnings(*warnings);
    if (const Node* bulletin = map_at(*root, "bulletin")) {
      keys(*bulletin, kBulletinKeys, "bulletin.");
      if (const Node* file_node = bulletin->find("template"))
        if (auto path = tree_file(*file_node, "bulletin.template"))
          settings_.bulletin_template = *path;
    }
    if (const Node* site = map_at(*root, "site")) read_site(*site);
    if (const Node* import = map_at(*root, "import")) {
      keys(*import, kImportKeys, "import.");
      if (const Node* mappings = map_at(*import, "mappings", "import."))
        for (const MapEntry& entry : mappings->entries)
          if (auto path = tree_file(entry.value, "import.mappings." + entry.key))
            settings_.import_mappings[entry.key] = *path;
    }
  }

 private:
  void error(const char* code, Mark mark, std::string message, std::string hint = {}) {
    settings_.problems.error(code, path_, mark, std::move(message), std::move(hint));
  }

  // E140 for every key of `map` not in `known`, with the closest known one.
  void keys(const Node& map, const std::vector<std::string>& known, const std::string& prefix) {
    for (const MapEntry& entry : map.entries)
      if (std::find(known.begin(), known.end(), entry.key) == known.end()) {
        std::vector<std::string> closest = closest_matches(entry.key, known);
        for (std::string& name : closest) name = fmt::format("`{}{}`", prefix, name);
        std::string hint = did_you_mean(closest);
        if (hint.empty())
          hint = trf("the keys here are {}", fmt::format("{}", fmt::join(known, ", ")));
        error("E140", entry.key_mark, trf("unknown key `{}{}`", prefix, entry.key), hint);
      }
  }

  // The map under `key`, or nullptr (E141 when it is there but not a map).
  const Node* map_at(const Node& map, std::string_view key, std::string_view prefix = {}) {
    const Node* node = map.find(key);
    if (node == nullptr || node->kind == Node::Kind::Null) return nullptr;
    if (!node->is_map()) {
      error("E141", node->mark, trf("`{}{}` must be a map of keys and values", prefix, key));
      return nullptr;
    }
    return node;
  }

  // The text of a scalar, or nothing (E141).
  std::optional<std::string> text(const Node& node, const std::string& key) {
    if (node.is_scalar() && !node.scalar.empty()) return node.scalar;
    error("E141", node.mark, trf("`{}` must be a text", key));
    return std::nullopt;
  }

  void read_warnings(const Node& warnings) {
    const auto known = warning_codes();
    const std::vector<std::string> names(known.begin(), known.end());
    for (const MapEntry& entry : warnings.entries) {
      const std::string& code = entry.key;
      if (std::find(known.begin(), known.end(), code) == known.end()) {
        if (is_error_code(code))
          error("E142", entry.key_mark, trf("`{}` is an error: only warnings can be set", code),
                trf("errors always fail `ccnt validate`; set warnings (W…) to off, warning or "
                    "error"));
        else
          error("E142", entry.key_mark, trf("unknown warning code `{}`", code),
                did_you_mean(closest_matches(code, names)).empty()
                    ? trf("docs/errors.md lists the warning codes")
                    : did_you_mean(closest_matches(code, names)));
        continue;
      }
      const auto name = text(entry.value, "warnings." + code);
      if (!name) continue;
      const auto level = parse_level(*name);
      if (!level) {
        error("E142", entry.value.mark, trf("`{}` is not a level for {}", *name, code),
              trf("a warning's level is off, warning or error"));
        continue;
      }
      settings_.warnings[code] = *level;
    }
  }

  void read_site(const Node& site) {
    keys(site, kSiteKeys, "site.");
    SiteSettings& out = settings_.site;
    const auto field = [&](std::string_view key, std::string& into) -> const Node* {
      const Node* node = site.find(key);
      if (node == nullptr) return nullptr;
      if (auto value = text(*node, "site." + std::string(key))) {
        into = std::move(*value);
        return node;
      }
      return nullptr;
    };
    field("title", out.title);
    field("description", out.description);
    for (auto [key, into] : {std::pair{"repository", &out.repository}, std::pair{"url", &out.url},
                             std::pair{"edit_url", &out.edit_url}}) {
      const Node* node = field(key, *into);
      if (node == nullptr) continue;
      if (!is_plain_https_url(*into)) {
        error("E144", node->mark, trf("`site.{}` must be an https URL", key),
              trf("e.g. {}", std::string_view(key) == "edit_url"
                                 ? "https://gitlab.com/org/data/-/edit/main/{path}"
                                 : "https://github.com/org/data"));
        into->clear();
      } else if (std::string_view(key) == "edit_url" && into->find("{path}") == std::string::npos) {
        error("E144", node->mark, trf("`site.edit_url` has no {}", "{path}"),
              trf("write {} where the file's path goes, e.g. {}", "{path}",
                  "https://gitlab.com/org/data/-/edit/main/{path}"));
        into->clear();
      }
    }
    if (const Node* node = field("branch", out.branch);
        node != nullptr && std::any_of(out.branch.begin(), out.branch.end(), [](char c) {
          return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F;
        })) {
      error("E144", node->mark, trf("`site.branch` holds a space or a control character"),
            trf("write the branch's name, e.g. main"));
      out.branch.clear();
    }
    if (const Node* node = field("language", out.language);
        node != nullptr &&
        std::find(kLanguages.begin(), kLanguages.end(), out.language) == kLanguages.end()) {
      error("E144", node->mark, trf("`site.language` must be zh or en, not `{}`", out.language));
      out.language.clear();
    }
  }

  // A file the settings name: relative to the root, inside the tree (links followed), existing.
  std::optional<fs::path> tree_file(const Node& node, const std::string& key) {
    const auto value = text(node, key);
    if (!value) return std::nullopt;
    const fs::path relative(*value);
    const fs::path full = (root_ / relative).lexically_normal();
    const fs::path inside = full.lexically_relative(root_);
    if (relative.is_absolute() || inside.empty() || *inside.begin() == "..") {
      error("E143", node.mark, trf("`{}` names {}, outside the data tree", key, *value),
            trf("name a file under the tree's root, relative to it, e.g. "
                "templates/bulletin.md.mustache"));
      return std::nullopt;
    }
    std::error_code ec;
    if (!fs::is_regular_file(full, ec)) {
      error("E143", node.mark, trf("`{}` names {}, which is not a file", key, *value),
            trf("the path is relative to the tree's root ({})", display_path(root_)));
      return std::nullopt;
    }
    if (!fs::canonical(full, ec).string().starts_with(tree_)) {
      error("E143", node.mark,
            trf("`{}`: {} is a link that leads outside the data tree", key, *value),
            trf("copy the file into the tree instead of linking to it"));
      return std::nullopt;
    }
    return full;
  }

  fs::path root_;
  std::string_view tree_;
  Settings& settings_;
  std::string path_;
};

}  // namespace

std::string SiteSettings::edit_link(std::string_view path) const {
  if (const std::size_t at = edit_url.find("{path}"); at != std::string::npos) {
    std::string link = edit_url;
    link.replace(at, 6, url_path(path));
    return link;
  }
  if (repository.empty()) return {};
  std::string base = repository;
  while (base.ends_with('/')) base.pop_back();
  return fmt::format("{}/edit/{}/{}", base, url_path(branch.empty() ? "main" : branch),
                     url_path(path));
}

Settings read_settings(const fs::path& root, std::string_view tree) {
  Settings settings;
  SettingsReader(root, tree, settings).read();
  return settings;
}

void apply_warning_levels(const Settings& settings, Diagnostics& diagnostics) {
  if (settings.warnings.empty()) return;
  const auto level_of = [&](const Diagnostic& d) {
    const auto found = settings.warnings.find(d.code);
    return found == settings.warnings.end() ? WarningLevel::Warning : found->second;
  };
  diagnostics.keep_if([&](const Diagnostic& d) {
    return d.severity == Severity::Error || level_of(d) != WarningLevel::Off;
  });
  diagnostics.update([&](Diagnostic& d) {
    if (d.severity == Severity::Warning && level_of(d) == WarningLevel::Error)
      d.severity = Severity::Error;
  });
}

}  // namespace ccnt
