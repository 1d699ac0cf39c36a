// Markdown to HTML, for the website's pages of text written in Markdown (the bulletins, rendered
// from the same template as `ccnt report`): CommonMark with GitHub's tables, by cmark-gfm.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace ccnt {

// Which links may stay links.
struct MarkdownHtmlOptions {
  // True for a relative link target that may stay a link (a page of the website); null: none.
  // `https://` targets always may; any other link (http:, javascript:, mailto:, …) becomes its
  // text.
  std::function<bool(std::string_view)> allow_relative = {};
};

// `markdown` as an HTML fragment. Text is escaped by cmark; raw HTML in the Markdown is shown as
// the text it is; an image becomes its description (the site requests nothing from other hosts);
// a link whose target is not allowed (see MarkdownHtmlOptions) becomes its text. Table cells are
// aligned with style attributes (HTML5 has no align).
std::string markdown_to_html(std::string_view markdown, const MarkdownHtmlOptions& options = {});

}  // namespace ccnt
