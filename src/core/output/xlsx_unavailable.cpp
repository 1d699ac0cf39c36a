// workbook_bytes for a ccnt built without libxlsxwriter: the static release binary
// (CCNT_STATIC, src/CMakeLists.txt), since Debian has libxlsxwriter only as a shared library.
// In every other build xlsx_writer.cpp defines it and this file is empty.
#ifdef CCNT_WITHOUT_XLSXWRITER

#include "core/diag/message_catalog.hpp"
#include "core/output/xlsx_writer.hpp"

namespace ccnt {

std::optional<std::string> workbook_bytes(const std::vector<Sheet>& /*sheets*/,
                                          std::string& error) {
  error = trf("this ccnt was built without libxlsxwriter (the static release binary); install "
              "the Debian package or build ccnt from source for workbooks");
  return std::nullopt;
}

}  // namespace ccnt

#endif
