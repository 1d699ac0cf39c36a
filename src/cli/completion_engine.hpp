// Shell completion without the shell: given the command-line syntax and the
// words typed so far, decides what the last word can become.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cli/command_line_spec.hpp"

namespace ccnt::cli {

// One completion candidate and what it means (shown by zsh and fish).
struct Candidate {
  std::string value;
  std::string description;
};

struct CompletionRequest {
  enum class Kind {
    Nothing,      // no suggestion (free text such as a title or a date)
    Words,        // the candidates listed here
    Values,       // the values of `option` (registry names, ids), looked up by the caller
    Files,        // file names, completed by the shell
    Directories,  // directory names, completed by the shell
  };
  Kind kind = Kind::Nothing;
  std::vector<Candidate> words;        // Kind::Words, already filtered by `prefix`
  const OptionSpec* option = nullptr;  // Kind::Values: the option or positional argument
  std::string prefix;                  // what the value typed so far starts with
  std::string insert_before;           // prepended to every candidate: "--region=" for --region=浙
  std::map<std::string, std::string> given;  // values of options already given, by long name
};

// Analyses `words`, the arguments after `ccnt`, of which the last is the word
// being completed (empty when a new word starts). Bash splits `--region=浙` into
// `--region`, `=`, `浙`; that form is understood too.
CompletionRequest analyse_completion(const CommandLineSpec& spec,
                                     const std::vector<std::string>& words);

// Keeps the candidates that start with `prefix`, dropping repeated values.
std::vector<Candidate> filter_candidates(std::vector<Candidate> candidates,
                                         const std::string& prefix);

}  // namespace ccnt::cli
