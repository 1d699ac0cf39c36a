#include "core/output/markdown_html.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "core/output/html_escape.hpp"

namespace ccnt {
namespace {

bool allowed_target(std::string_view url, const MarkdownHtmlOptions& options) {
  if (is_https_url(url)) return true;
  // A relative target has no scheme: no colon before the first slash, question mark or hash.
  const std::size_t colon = url.find(':');
  const std::size_t end = url.find_first_of("/?#");
  const bool has_scheme =
      colon != std::string_view::npos && (end == std::string_view::npos || colon < end);
  return !has_scheme && !url.empty() && options.allow_relative && options.allow_relative(url);
}

// Moves the children of `node` to just before it, then removes and frees it.
void replace_by_children(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_unlink(child);
    cmark_node_insert_before(node, child);
  }
  cmark_node_unlink(node);
  cmark_node_free(node);
}

// Replaces a raw HTML node by the same characters as text (a paragraph of text for a block).
void replace_by_text(cmark_node* node, bool block) {
  const char* literal = cmark_node_get_literal(node);
  std::string text = literal ? literal : "";
  while (block && !text.empty() && text.back() == '\n') text.pop_back();
  cmark_node* replacement = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(replacement, text.c_str());
  if (block) {
    cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node_append_child(paragraph, replacement);
    replacement = paragraph;
  }
  cmark_node_insert_before(node, replacement);
  cmark_node_unlink(node);
  cmark_node_free(node);
}

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

}  // namespace

std::string markdown_to_html(std::string_view markdown, const MarkdownHtmlOptions& options) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  const int parse_options = CMARK_OPT_VALIDATE_UTF8;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(parse_options));
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table"))
    cmark_parser_attach_syntax_extension(parser.get(), table);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));

  // Collected first, changed after: the iterator must not walk nodes being freed.
  std::vector<cmark_node*> unlink, images, html_inline, html_block;
  cmark_iter* iter = cmark_iter_new(document.get());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(node);
        if (!allowed_target(url ? url : "", options)) unlink.push_back(node);
        break;
      }
      case CMARK_NODE_IMAGE:
        images.push_back(node);
        break;
      case CMARK_NODE_HTML_INLINE:
        html_inline.push_back(node);
        break;
      case CMARK_NODE_HTML_BLOCK:
        html_block.push_back(node);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  for (cmark_node* node : html_inline) replace_by_text(node, false);
  for (cmark_node* node : html_block) replace_by_text(node, true);
  // Innermost first would not matter: a link's children are moved, never freed.
  for (cmark_node* node : images) replace_by_children(node);
  for (cmark_node* node : unlink) replace_by_children(node);

  char* html = cmark_render_html(document.get(), CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES,
                                 cmark_parser_get_syntax_extensions(parser.get()));
  std::string out = html ? html : "";
  std::free(html);
  return out;
}

}  // namespace ccnt
