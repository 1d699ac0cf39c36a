#include "core/util/hidden_chars.hpp"

#include <fmt/format.h>

#include <array>

namespace ccnt {
namespace {

// Unicode name aliases of the C0 controls (the characters have no names of their own).
constexpr std::array<std::string_view, 32> kC0Names = {
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
};

std::string_view name_of(char32_t cp) {
  if (cp < 0x20) return kC0Names[cp];
  switch (cp) {
    case 0x7F:
      return "DELETE";
    case 0x85:
      return "NEXT LINE";
    case 0x9B:
      return "CONTROL SEQUENCE INTRODUCER";
    case 0x9D:
      return "OPERATING SYSTEM COMMAND";
    case 0x061C:
      return "ARABIC LETTER MARK";
    case 0x200B:
      return "ZERO WIDTH SPACE";
    case 0x200C:
      return "ZERO WIDTH NON-JOINER";
    case 0x200D:
      return "ZERO WIDTH JOINER";
    case 0x200E:
      return "LEFT-TO-RIGHT MARK";
    case 0x200F:
      return "RIGHT-TO-LEFT MARK";
    case 0x2028:
      return "LINE SEPARATOR";
    case 0x2029:
      return "PARAGRAPH SEPARATOR";
    case 0x202A:
      return "LEFT-TO-RIGHT EMBEDDING";
    case 0x202B:
      return "RIGHT-TO-LEFT EMBEDDING";
    case 0x202C:
      return "POP DIRECTIONAL FORMATTING";
    case 0x202D:
      return "LEFT-TO-RIGHT OVERRIDE";
    case 0x202E:
      return "RIGHT-TO-LEFT OVERRIDE";
    case 0x2060:
      return "WORD JOINER";
    case 0x2066:
      return "LEFT-TO-RIGHT ISOLATE";
    case 0x2067:
      return "RIGHT-TO-LEFT ISOLATE";
    case 0x2068:
      return "FIRST STRONG ISOLATE";
    case 0x2069:
      return "POP DIRECTIONAL ISOLATE";
    case 0xFEFF:
      return "ZERO WIDTH NO-BREAK SPACE";
    default:
      break;
  }
  if (cp >= 0x80 && cp <= 0x9F) return "C1 CONTROL";
  return {};
}

}  // namespace

HiddenKind hidden_kind(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029)
    return HiddenKind::Control;
  if (cp < 0x061C) return HiddenKind::None;
  if (cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2066 && cp <= 0x2069))
    return HiddenKind::Bidi;
  if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) return HiddenKind::ZeroWidth;
  return HiddenKind::None;
}

std::string hidden_char_name(char32_t cp) {
  const std::string_view name = name_of(cp);
  const std::string code = fmt::format("U+{:04X}", static_cast<unsigned>(cp));
  return name.empty() ? code : code + " " + std::string(name);
}

}  // namespace ccnt
