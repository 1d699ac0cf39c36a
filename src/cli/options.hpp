// The command line as plain data: cli_parser.cpp fills an Options from argv,
// and each subcommand reads only its own part.
#pragma once

#include <string>
#include <vector>

#include "core/query/policy_filter.hpp"

namespace ccnt::cli {

enum class Command {
  None,
  Validate,
  List,
  Show,
  Stats,
  Targets,
  Report,
  New,
  Import,
  Completion,
  Complete,
  Help,
  Man,
  Cache,
  Site,
  Schema,
  Diff,
  Coverage
};

enum class ColorMode { Auto, Always, Never };

// Flags accepted before or after any subcommand.
struct GlobalOptions {
  std::string root;  // --root DIR, else CCNT_ROOT, else found upward from the working directory
  ColorMode color = ColorMode::Auto;
  unsigned jobs = 0;      // worker threads; 0 = one per core
  bool no_cache = false;  // --no-cache: read every file, neither using nor updating .ccnt-cache/
  std::string lang;       // --lang en|zh; empty = from LC_ALL, LC_MESSAGES or LANG
};

struct ValidateOptions {
  std::vector<std::string> paths;  // files or directories; empty = the whole tree
  std::string format = "text";     // text | json | github | markdown
  bool strict = false;             // warnings fail the run too
  std::string summary;  // --summary FILE: also append the report as Markdown ($GITHUB_STEP_SUMMARY)
};

// The selection shared by list, stats and targets: the core's query as the flags fill it.
using FilterOptions = PolicyQuery;

struct ListOptions {
  FilterOptions filter;
  std::string sort = "published";  // published | added | region | sector | title
  bool reverse = false;
  std::size_t limit = 0;  // 0 = no limit
  bool count = false;
  std::string format = "table";   // table | json | jsonl | csv | tsv | yaml | markdown | ids |
                                  // xlsx
  bool bom = false;               // CSV/TSV: start with a UTF-8 byte-order mark for Excel
  bool no_formula_guard = false;  // CSV/TSV: no leading ' before cells a spreadsheet would run
  std::size_t width = 0;          // --width N: fit the table to N columns; 0 = the terminal's
  std::string headers;   // --headers en|zh: language of headers; empty = labels.hpp's default
  std::string count_by;  // --count-by FIELD: a tally of the matching policies by one field
  std::string output;    // -o FILE, written atomically; empty = stdout (not for xlsx)
  bool targets = false;  // --targets: CSV/TSV of the targets, one row per target
};

struct ShowOptions {
  std::string policy;           // id or path
  std::string format = "text";  // text | yaml | json
  std::size_t width = 0;        // --width N: wrap to N columns; 0 = the terminal's, 80 when piped
};

struct StatsOptions {
  FilterOptions filter;
  // --by: the tables to print (region-sector, level, added, indicator, issuer); empty = the
  // first four.
  std::vector<std::string> by;
  std::string format = "table";   // table | csv | json | markdown | xlsx
  bool no_formula_guard = false;  // CSV: no leading ' before cells a spreadsheet would run
  std::string headers;            // --headers en|zh; empty = labels.hpp's default
  std::string output;             // -o FILE, written atomically; empty = stdout (not for xlsx)
};

struct TargetsOptions {
  FilterOptions filter;
  std::string indicator;          // slug or Chinese name; empty = every indicator with targets
  bool all = false;               // also indicators where nothing can be compared
  std::string format = "table";   // table | csv | json | markdown | xlsx
  bool no_formula_guard = false;  // CSV: no leading ' before cells a spreadsheet would run
  std::string headers;            // --headers en|zh; empty = labels.hpp's default
  std::string output;             // -o FILE, written atomically; empty = stdout (not for xlsx)
};

// ccnt coverage: regions × policy series (schemas/series.yaml).
struct CoverageOptions {
  std::vector<std::string> series;   // --series, repeatable: slug, name or label; empty = all
  std::string level = "provincial";  // provincial | municipal
  std::vector<std::string> regions;  // --region: rows only inside these regions
  bool all_regions = false;          // every region of the level, not only those with a plan
  std::string format = "table";      // table | csv | tsv | json | markdown | xlsx
  bool no_formula_guard = false;     // CSV/TSV: no leading ' before cells a spreadsheet would run
  std::string output;                // -o FILE, written atomically; empty = stdout (not for xlsx)
  std::size_t width = 0;             // --width N: fit the table to N columns; 0 = the terminal's
};

struct ReportOptions {
  std::string month;            // YYYY-MM
  std::string output;           // -o FILE, written atomically; empty = stdout
  std::string template_file;    // --template FILE
  bool init = false;            // write the editorial skeleton for the month
  bool print_template = false;  // print the built-in template instead of rendering
};

// ccnt new: the fields of the new record; what is not given is asked for on a terminal.
struct NewOptions {
  std::string title;
  std::string region;                // any form the registry knows
  std::vector<std::string> sectors;  // --sector, repeatable: the first is the primary sector
  std::string subsector;
  std::vector<std::string> issuers;
  std::string doc_type;         // --type; empty = derived from the title's ending
  std::string document_number;  // 文号
  std::string published;        // YYYY, YYYY-MM or YYYY-MM-DD; empty = not stated by the source
  std::string added;            // YYYY-MM or YYYY-MM-DD; empty = this month
  std::string source;           // https URL of the official text
  std::string summary;          // "-" = read from stdin when it is not a terminal
  std::vector<std::string> tags;
  std::string id;        // empty = <region>-<sector>-<year>, with -2, -3... when taken
  bool dry_run = false;  // print the file instead of writing it
};

// ccnt import FILE --mapping MAP: rows of an export into policy records.
struct ImportCliOptions {
  std::string file;      // the export: CSV, TSV, JSON or JSON Lines
  std::string mapping;   // the mapping file, or its name in .ccnt.yaml; empty = .ccnt.yaml's one
  std::string format;    // csv | tsv | json | jsonl; empty = the mapping's, else the file name's
  bool dry_run = false;  // list what would change, write nothing
};

// ccnt completion SHELL, and the hidden ccnt __complete WORD... the scripts call.
struct CompletionOptions {
  std::string shell;               // bash | zsh | fish
  std::vector<std::string> words;  // __complete: the words after `ccnt`; the last is completed
};

// ccnt site: the website of the tree (core/site/site_options.hpp holds what it becomes).
struct SiteCliOptions {
  std::string output;      // -o DIR; empty = _site
  std::string base_url;    // --base-url URL: where the site is published
  std::string repository;  // --repository URL: edit links to the data repository
  std::string branch;      // --branch NAME; empty = main
};

struct CacheOptions {
  std::string action;  // info | clear
};

// ccnt schema --editor: the editor schema generated from the policy schema and the registries.
struct SchemaOptions {
  bool editor = false;  // the only schema it makes today; required, so that others can follow
  std::string output;   // -o FILE, or - for stdout; empty = schemas/policy.editor.schema.json
  bool check = false;   // compare with the file instead of writing it; exit 1 when it differs
};

// ccnt diff [REV1 [REV2]]: what a change does to the records, between two git revisions.
struct DiffOptions {
  std::vector<std::string> revisions;  // none: the merge base with the main branch, and the
                                       // working tree; one: it and the working tree
  std::string main_branch;             // --main: whose merge base is the default REV1
  std::string format = "text";         // text | markdown | json
};

struct Options {
  Command command = Command::None;
  GlobalOptions global;
  ValidateOptions validate;
  ListOptions list;
  ShowOptions show;
  StatsOptions stats;
  TargetsOptions targets;
  ReportOptions report;
  NewOptions new_policy;
  ImportCliOptions import;
  CompletionOptions completion;
  std::string help_command;  // ccnt help COMMAND: the command whose help to print
  CacheOptions cache;
  SiteCliOptions site;
  SchemaOptions schema;
  DiffOptions diff;
  CoverageOptions coverage;
};

}  // namespace ccnt::cli
