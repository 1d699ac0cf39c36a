#include "core/policy/text_checks.hpp"

#include <utf8proc.h>

#include <algorithm>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/util/hidden_chars.hpp"
#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

bool is_space(char32_t cp) {
  return cp == '\t' || cp == '\n' ||
         utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS;
}

bool listed(const std::vector<std::string_view>& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// The first character of one kind in a value: its code point and 1-based column.
struct Found {
  char32_t cp = 0;
  std::size_t column = 0;
  explicit operator bool() const { return column != 0; }
};

class TextChecker {
 public:
  TextChecker(const std::string& path, const TextRules& rules, Diagnostics& out)
      : path_(path), rules_(rules), out_(out) {}

  void walk(const Node& node, const std::string& where, bool multi_line, bool tidy) {
    switch (node.kind) {
      case Node::Kind::Scalar:
        check_value(node.scalar, node.mark,
                    where.empty() ? trf("the document") : fmt::format("`{}`", where), multi_line,
                    tidy);
        break;
      case Node::Kind::Sequence:
        for (std::size_t i = 0; i < node.items.size(); ++i)
          walk(node.items[i], fmt::format("{}[{}]", where, i), multi_line, tidy);
        break;
      case Node::Kind::Map:
        for (const MapEntry& entry : node.entries) {
          const std::string inner = where.empty() ? entry.key : where + "." + entry.key;
          check_value(entry.key, entry.key_mark, trf("the key `{}`", inner), false, false);
          const bool top = where.empty();
          walk(entry.value, inner,
               multi_line || rules_.all_multi_line || (top && listed(rules_.multi_line, entry.key)),
               top && listed(rules_.tidy, entry.key));
        }
        break;
      case Node::Kind::Null:
        break;
    }
  }

 private:
  void check_value(std::string_view text, Mark mark, const std::string& subject, bool multi_line,
                   bool tidy) {
    Found control, bidi, zero_width, line_break;
    std::size_t column = 0;
    for (std::size_t i = 0; i < text.size();) {
      const char32_t cp = next_code_point(text, i);
      ++column;
      if (cp >= 0x20 && cp < 0x7F) continue;
      const HiddenKind kind = hidden_kind(cp);
      Found* slot = nullptr;
      if (cp == '\n' || cp == '\t')
        slot = multi_line ? nullptr : &line_break;
      else if (kind == HiddenKind::Control)
        slot = &control;
      else if (kind == HiddenKind::Bidi)
        slot = &bidi;
      else if (kind == HiddenKind::ZeroWidth)
        slot = &zero_width;
      if (slot && !*slot) *slot = Found{cp, column};
    }
    if (control)
      out_.error("E080", path_, mark, trf("{} contains a control character", subject),
                 trf("{} at column {} of the value: remove it", hidden_char_name(control.cp),
                     control.column));
    if (bidi)
      out_.error("E081", path_, mark, trf("{} contains a bidirectional control character", subject),
                 trf("{} at column {} of the value: remove it; it changes the order in which "
                     "the text is displayed",
                     hidden_char_name(bidi.cp), bidi.column));
    if (zero_width)
      out_.error("E082", path_, mark, trf("{} contains an invisible zero-width character", subject),
                 trf("{} at column {} of the value: remove it; it makes text that looks the same "
                     "compare different",
                     hidden_char_name(zero_width.cp), zero_width.column));
    if (line_break)
      out_.error("E083", path_, mark,
                 line_break.cp == '\n' ? trf("{} contains a line break", subject)
                                       : trf("{} contains a tab", subject),
                 trf("{} at column {} of the value: write it on one line, with spaces (only "
                     "`summary` may have several lines)",
                     hidden_char_name(line_break.cp), line_break.column));
    if (tidy) check_spaces(text, mark, subject);
  }

  // Titles and names are written as published: no spaces around them, single spaces inside.
  void check_spaces(std::string_view text, Mark mark, const std::string& subject) {
    std::size_t column = 0;
    std::size_t run = 0;  // spaces just before the current character
    std::size_t last_visible = 0;
    for (std::size_t i = 0; i < text.size();) {
      const char32_t cp = next_code_point(text, i);
      ++column;
      if (!is_space(cp)) {
        if (run > 1 && last_visible > 0) {
          out_.error("E084", path_, mark, trf("{} has doubled spaces", subject),
                     trf("at column {} of the value: write one space between words", column - run));
          return;
        }
        run = 0;
        last_visible = column;
        continue;
      }
      if (column == 1) {
        out_.error("E084", path_, mark, trf("{} starts with a space", subject),
                   trf("remove the spaces before the text"));
        return;
      }
      ++run;
    }
    if (run > 0)
      out_.error("E084", path_, mark, trf("{} ends with a space", subject),
                 trf("remove the spaces after the text"));
  }

  const std::string& path_;
  const TextRules& rules_;
  Diagnostics& out_;
};

}  // namespace

const TextRules& policy_text_rules() {
  static const TextRules rules{
      .multi_line = {"summary"}, .all_multi_line = false, .tidy = {"title", "title_en", "issuers"}};
  return rules;
}

const TextRules& editorial_text_rules() {
  static const TextRules rules{.multi_line = {}, .all_multi_line = true, .tidy = {}};
  return rules;
}

void check_text(const Node& document, const std::string& path, const TextRules& rules,
                Diagnostics& diagnostics) {
  TextChecker(path, rules, diagnostics).walk(document, "", false, false);
}

}  // namespace ccnt
