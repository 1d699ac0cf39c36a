// The words ccnt itself puts into tables — column headers, the labels of `show`, comparison
// words (stricter, not-comparable …), placeholders (unknown, (stub) …) and the few values it
// names in words (levels, target kinds) — in English or Chinese. One table for every renderer,
// so that `--lang zh` gives Chinese tables everywhere and machine formats keep their keys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/output/output_format.hpp"

namespace ccnt {

// The language of a table's headers and of ccnt's words in it.
enum class HeaderLanguage { English, Chinese };

// The language when none is asked for (--headers): that of messages for what a person reads
// (table, text, Markdown); English for data formats, whose headers are keys a program reads
// (CSV, TSV, and the spreadsheet formats).
HeaderLanguage default_header_language(OutputFormat format);

// The language `--headers en|zh` names; nothing for another value.
std::optional<HeaderLanguage> parse_header_language(std::string_view name);

// `key` — an English header, label, word or placeholder of ccnt's output, as the English
// output writes it ("published", "vs national", "not-comparable", "unknown") — in `language`.
// A key without a Chinese entry is returned as it is (header_labels_test lists every key the
// renderers use, so that none stays English by mistake).
std::string_view label(std::string_view key, HeaderLanguage language);

// A value of the enumerated `field` (a target's kind, a policy's status or instrument, an
// agency's kind) in `language`: the entry "value|field" when there is one, else "value".
std::string_view value_label(std::string_view field, std::string_view value,
                             HeaderLanguage language);

// The labels of several keys (the headers of a sheet or a CSV file) in `language`.
std::vector<std::string> header_labels(const std::vector<std::string>& keys,
                                       HeaderLanguage language);

// True when `key` has a Chinese entry.
bool has_chinese_label(std::string_view key);

// "3 policies" / "共 3 项政策": the count line above tables.
std::string policy_count_label(std::size_t count, HeaderLanguage language);

}  // namespace ccnt
