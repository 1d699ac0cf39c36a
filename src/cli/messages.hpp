// The language of messages for this run, from --lang or the locale. Translation itself is
// core/message_catalog.hpp (tr, trf), shared with the core's diagnostics.
#pragma once

#include <string_view>

#include "core/diag/message_catalog.hpp"

namespace ccnt::cli {

// The language for a --lang value (en or zh); empty: from LC_ALL, else LC_MESSAGES, else
// LANG, Chinese when the first one set starts with "zh".
Language language_for(std::string_view lang_flag);

// The value of --lang among the arguments, read before the parser is built so that help and
// parse errors are in that language; empty when absent.
std::string_view lang_flag_in(int argc, char** argv);

// Chooses the language for the run and loads its catalog (core and command line).
void use_language(Language language);

}  // namespace ccnt::cli
