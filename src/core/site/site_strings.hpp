// The words of the website's interface in its two languages (templates/site/strings.yaml):
// the built-in ones, with the entries a data tree's own file overrides.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/site/site_model.hpp"

namespace ccnt {

class SiteStrings {
 public:
  // Reads the built-in strings (`builtin`, shown as `builtin_path`), then the tree's own file
  // `override_text` when given: each of its entries replaces the built-in one. A file that is
  // not a map of `zh` and `en` to maps of names to strings is an error (E125), an entry the
  // built-in file does not have a warning (W121). nullopt when the built-in strings cannot be
  // read (a bug) or the override has errors.
  static std::optional<SiteStrings> load(
      std::string_view builtin, const std::string& builtin_path,
      const std::optional<std::pair<std::string, std::string>>& override_text,  // text, path
      Diagnostics& diagnostics);

  // The string `name` in `language`; the name itself when there is none (a template's typo is
  // warned about by the template check, W120).
  const std::string& get(SiteLanguage language, std::string_view name) const;
  // Every string of a language, by name.
  const std::map<std::string, std::string, std::less<>>& all(SiteLanguage language) const;
  // Every name, for checking templates.
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::string, std::less<>> zh_, en_;
};

// `pattern` with each {name} replaced by its value; unknown names are left as written.
std::string fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace ccnt
