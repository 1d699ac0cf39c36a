// A position in a source file, shared by the YAML tree, UTF-8 helpers and diagnostics.
#pragma once

namespace ccnt {

// A 1-based line and column in a source file; 0 means "unknown".
struct Mark {
  int line = 0;
  int column = 0;
};

}  // namespace ccnt
