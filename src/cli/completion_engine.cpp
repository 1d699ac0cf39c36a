#include "cli/completion_engine.hpp"

#include <algorithm>
#include <unordered_set>

namespace ccnt::cli {

namespace {

const OptionSpec* find_option(const std::vector<OptionSpec>& options, const std::string& name) {
  for (const OptionSpec& option : options)
    if (std::find(option.names.begin(), option.names.end(), name) != option.names.end())
      return &option;
  return nullptr;
}

class Analysis {
 public:
  explicit Analysis(const CommandLineSpec& spec) : spec_(spec) {}

  // Follows the words before the one being completed.
  void read(const std::vector<std::string>& words) {
    for (const std::string& word : words) {
      if (pending_) {
        if (word == "=") continue;  // bash's split of --option=value
        given_[long_name(*pending_)] = word;
        pending_ = nullptr;
      } else if (word == "--" && !only_positionals_) {
        only_positionals_ = true;
      } else if (word.size() > 1 && word[0] == '-' && !only_positionals_) {
        const auto equals = word.find('=');
        const OptionSpec* option = option_named(word.substr(0, equals));
        if (!option || !option->takes_value) continue;
        if (equals == std::string::npos)
          pending_ = option;
        else
          given_[long_name(*option)] = word.substr(equals + 1);
      } else if (!command_) {
        for (const CommandSpec& command : spec_.commands)
          if (command.name == word) command_ = &command;
      } else {
        ++positionals_;
      }
    }
  }

  CompletionRequest complete(std::string current) const {
    CompletionRequest request;
    request.given = given_;
    if (current == "=" && pending_) current.clear();
    if (pending_) return values_of(*pending_, current, std::move(request));
    if (!only_positionals_ && current.starts_with("-")) {
      const auto equals = current.find('=');
      if (equals != std::string::npos) {
        const OptionSpec* option = option_named(current.substr(0, equals));
        if (!option || !option->takes_value) return request;
        request.insert_before = current.substr(0, equals + 1);
        return values_of(*option, current.substr(equals + 1), std::move(request));
      }
      return words(option_candidates(), current, std::move(request));
    }
    if (!command_) {
      std::vector<Candidate> names;
      for (const CommandSpec& command : spec_.commands)
        names.push_back({command.name, command.description});
      return words(std::move(names), current, std::move(request));
    }
    if (!command_->positionals.empty()) {
      const std::size_t index = std::min(positionals_, command_->positionals.size() - 1);
      const OptionSpec& positional = command_->positionals[index];
      // A list argument (validate's paths) takes any number; a single one only its own.
      if (positionals_ < command_->positionals.size() || positional.many)
        return values_of(positional, current, std::move(request));
    }
    // Nothing positional left: offer the options.
    return words(option_candidates(), current, std::move(request));
  }

 private:
  const OptionSpec* option_named(const std::string& name) const {
    if (command_)
      if (const OptionSpec* option = find_option(command_->options, name)) return option;
    return find_option(spec_.global_options, name);
  }

  static std::string long_name(const OptionSpec& option) {
    for (const std::string& name : option.names)
      if (name.starts_with("--")) return name;
    return option.names.empty() ? std::string() : option.names.front();
  }

  std::vector<Candidate> option_candidates() const {
    std::vector<Candidate> names;
    const auto add = [&names](const std::vector<OptionSpec>& options) {
      for (const OptionSpec& option : options)
        for (const std::string& name : option.names)
          if (name.starts_with("--")) names.push_back({name, option.description});
    };
    if (command_) add(command_->options);
    add(spec_.global_options);
    return names;
  }

  static CompletionRequest words(std::vector<Candidate> candidates, const std::string& current,
                                 CompletionRequest request) {
    request.kind = CompletionRequest::Kind::Words;
    request.words = filter_candidates(std::move(candidates), current);
    request.prefix = current;
    return request;
  }

  static CompletionRequest values_of(const OptionSpec& option, const std::string& current,
                                     CompletionRequest request) {
    request.prefix = current;
    if (!option.choices.empty()) {
      std::vector<Candidate> choices;
      for (const std::string& choice : option.choices) choices.push_back({choice, {}});
      request.kind = CompletionRequest::Kind::Words;
      request.words = filter_candidates(std::move(choices), current);
      return request;
    }
    request.kind = CompletionRequest::Kind::Values;
    request.option = &option;
    return request;
  }

  const CommandLineSpec& spec_;
  const CommandSpec* command_ = nullptr;
  const OptionSpec* pending_ = nullptr;  // an option whose value comes next
  bool only_positionals_ = false;        // after --
  std::size_t positionals_ = 0;          // positional arguments of the command so far
  std::map<std::string, std::string> given_;
};

}  // namespace

CompletionRequest analyse_completion(const CommandLineSpec& spec,
                                     const std::vector<std::string>& words) {
  Analysis analysis(spec);
  if (words.empty()) return analysis.complete({});
  analysis.read(std::vector<std::string>(words.begin(), words.end() - 1));
  return analysis.complete(words.back());
}

std::vector<Candidate> filter_candidates(std::vector<Candidate> candidates,
                                         const std::string& prefix) {
  std::vector<Candidate> kept;
  std::unordered_set<std::string> seen;
  for (Candidate& candidate : candidates)
    if (candidate.value.starts_with(prefix) && seen.insert(candidate.value).second)
      kept.push_back(std::move(candidate));
  return kept;
}

}  // namespace ccnt::cli
