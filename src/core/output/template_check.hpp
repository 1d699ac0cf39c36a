// Checking a Mustache template (kainjow-mustache) before it renders anything: where a syntax
// error is, and which tags name nothing the renderer provides (they would render as nothing).
// Shared by the bulletin's template and the website's.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/util/mark.hpp"

namespace ccnt {

// kainjow reports "Unclosed section \"x\" at 123" with a byte offset; this splits such a message
// into the message and the position in `text` (0:0 when it names none).
std::pair<std::string, Mark> locate_template_error(std::string_view text,
                                                   const std::string& message);

// Reports (as warning `code`) each tag of `text` whose name, or a part of a dotted name, is not
// in `known`, with the closest known name as a hint or else `hint`. Comments and `.` are not
// names; stops at a set-delimiter tag, after which tags are no longer written with braces.
void check_template_names(std::string_view text, const std::string& path,
                          const std::vector<std::string>& known, const std::string& code,
                          const std::string& hint, Diagnostics& diagnostics);

}  // namespace ccnt
