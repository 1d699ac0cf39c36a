// The website's pictures, drawn by ccnt as inline SVG (no chart library, nothing fetched): bars
// per month, per region and per sector, targets against the national benchmark, and a tile map
// of the provincial-level divisions. Each comes with its numbers as a table in a <details>, for
// readers who cannot see it. Every label is HTML-escaped here.
#pragma once

#include <string>
#include <vector>

namespace ccnt {

// One bar: its label, its value and, when it is a link, the page it leads to (relative URL).
struct ChartBar {
  std::string label;
  double value = 0;
  std::string url;
  std::string value_text;  // as shown; empty: the number
  std::string css_class;   // e.g. stricter, weaker, benchmark
};

// What every chart needs: an id unique on its page, an accessible title, the caption of the
// table of numbers and the column names of that table.
struct ChartText {
  std::string id;
  std::string title;
  std::string table_caption;
  std::string label_column;
  std::string value_column;
};

// Vertical bars, one per item, in order (months); only every `label_every`-th label is drawn.
std::string svg_column_chart(const ChartText& text, const std::vector<ChartBar>& bars,
                             std::size_t label_every);

// Horizontal bars, one per item, in order, each label a link when it has a URL.
std::string svg_bar_chart(const ChartText& text, const std::vector<ChartBar>& bars);

// Horizontal bars of targets with a vertical line at the benchmark's value.
std::string svg_target_chart(const ChartText& text, const std::vector<ChartBar>& bars,
                             double benchmark, const std::string& benchmark_label);

// One tile of the map: a provincial-level division by its GB/T 2260 code.
struct MapTile {
  std::string code;  // 330000
  std::string label;
  std::size_t count = 0;
  std::string url;  // empty: no page (no policies)
};

// A tile-grid map of China's 34 provincial-level divisions, each tile shaded by its count and a
// link to its page; a tile whose code the layout does not know is left out.
std::string svg_tile_map(const ChartText& text, const std::vector<MapTile>& tiles,
                         const std::string& legend_title, const std::string& none_label);

}  // namespace ccnt
