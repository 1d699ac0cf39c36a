#include "core/output/html_escape.hpp"

#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Characters that HTML and XML 1.0 cannot carry as text: C0 controls but tab and line feed,
// DEL and the C1 controls, surrogates (never decoded), U+FFFE and U+FFFF.
bool is_unrepresentable(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n';
  return (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const DecodedChar decoded = decode_utf8_at(text, i);
      if (!decoded.valid || is_unrepresentable(decoded.cp))
        out += kReplacement;
      else
        out.append(text, i, decoded.length);
      i += decoded.length;
      continue;
    }
    ++i;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':
        out += '\n';
        if (i < text.size() && text[i] == '\n') ++i;
        break;
      default:
        if (is_unrepresentable(static_cast<char32_t>(byte)))
          out += kReplacement;
        else
          out += c;
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  append_html_escaped(out, text);
  return out;
}

bool is_https_url(std::string_view url) {
  return url.size() > 8 && url.substr(0, 8) == "https://";
}

std::string json_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 32);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace ccnt
