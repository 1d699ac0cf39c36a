#include "core/site/site_charts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/output/html_escape.hpp"

namespace ccnt {
namespace {

// The number as drawn: whole numbers without a decimal point.
std::string number_text(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{}", value);
  return fmt::format("{:.4g}", value);
}

std::string shown(const ChartBar& bar) {
  return bar.value_text.empty() ? number_text(bar.value) : bar.value_text;
}

// A round number at or above `value` (1, 2 or 5 times a power of ten), for the top of an axis.
double nice_ceiling(double value) {
  if (value <= 0) return 1;
  const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 5.0, 10.0})
    if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

std::string svg_open(const ChartText& text, int width, int height) {
  return fmt::format(
      "<svg class=\"chart-svg\" id=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">"
      "<title>{}</title>\n",
      html_escape(text.id), width, height, html_escape(text.title), html_escape(text.title));
}

// The chart's numbers as a table, folded away under the picture.
std::string data_table(const ChartText& text, const std::vector<ChartBar>& bars) {
  std::string out = fmt::format(
      "<details class=\"chart-data\"><summary>{}</summary>\n<table>\n<thead><tr><th "
      "scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
      html_escape(text.table_caption), html_escape(text.label_column),
      html_escape(text.value_column));
  for (const ChartBar& bar : bars) {
    out += "<tr><th scope=\"row\">";
    if (!bar.url.empty())
      out += fmt::format("<a href=\"{}\">{}</a>", html_escape(bar.url), html_escape(bar.label));
    else
      out += html_escape(bar.label);
    out += fmt::format("</th><td class=\"num\">{}</td></tr>\n", html_escape(shown(bar)));
  }
  out += "</tbody>\n</table>\n</details>\n";
  return out;
}

// The horizontal bars of a chart, a row each from `y0` down: the label (a link when the bar has a
// URL) on the left, the bar scaled so that `top` fills `width`, and its value after it.
constexpr int kRow = 24, kLabel = 190;
void append_rows(std::string& out, const std::vector<ChartBar>& bars, double top, int y0,
                 double width) {
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& bar = bars[i];
    const int y = static_cast<int>(i) * kRow + y0;
    const double w = std::max(width * bar.value / top, bar.value > 0 ? 1.0 : 0.0);
    std::string label =
        fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                    kLabel - 8, y + 16, html_escape(bar.label));
    if (!bar.url.empty()) label = fmt::format("<a href=\"{}\">{}</a>", html_escape(bar.url), label);
    out += label;
    out += fmt::format(
        "<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"/>"
        "<text class=\"value\" x=\"{:.1f}\" y=\"{}\">{}</text>\n",
        html_escape(bar.css_class), kLabel, y + 3, w, kRow - 8, kLabel + w + 6, y + 16,
        html_escape(shown(bar)));
  }
}

}  // namespace

std::string svg_column_chart(const ChartText& text, const std::vector<ChartBar>& bars,
                             std::size_t label_every) {
  constexpr int kWidth = 720, kHeight = 220, kLeft = 40, kRight = 8, kTop = 10, kBottom = 30;
  if (bars.empty()) return {};
  const double top = nice_ceiling(
      std::max_element(bars.begin(), bars.end(), [](const ChartBar& a, const ChartBar& b) {
        return a.value < b.value;
      })->value);
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const double step = bars.empty() ? plot_w : plot_w / static_cast<double>(bars.size());
  std::string out = svg_open(text, kWidth, kHeight);
  for (int i = 0; i <= 2; ++i) {  // grid lines at 0, half and the top
    const double value = top * i / 2;
    const double y = kTop + plot_h - plot_h * i / 2;
    out += fmt::format(
        "<line class=\"grid\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>"
        "<text class=\"axis\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
        kLeft, y, kWidth - kRight, y, kLeft - 4, y + 4, number_text(value));
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double h = plot_h * bars[i].value / top;
    const double x = kLeft + step * static_cast<double>(i);
    out += fmt::format(
        "<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\">"
        "<title>{}: {}</title></rect>\n",
        x + step * 0.1, kTop + plot_h - h, std::max(step * 0.8, 0.5), h, html_escape(bars[i].label),
        html_escape(shown(bars[i])));
    if (label_every > 0 && i % label_every == 0)
      out += fmt::format("<text class=\"axis\" x=\"{:.1f}\" y=\"{}\">{}</text>\n", x, kHeight - 10,
                         html_escape(bars[i].label));
  }
  out += "</svg>\n";
  return out + data_table(text, bars);
}

std::string svg_bar_chart(const ChartText& text, const std::vector<ChartBar>& bars) {
  constexpr int kWidth = 720, kRight = 60;
  const int height = static_cast<int>(bars.size()) * kRow + 8;
  double top = 0;
  for (const ChartBar& bar : bars) top = std::max(top, bar.value);
  if (top <= 0) top = 1;
  const double plot_w = kWidth - kLabel - kRight;
  std::string out = svg_open(text, kWidth, height);
  append_rows(out, bars, top, 4, plot_w);
  out += "</svg>\n";
  return out + data_table(text, bars);
}

std::string svg_target_chart(const ChartText& text, const std::vector<ChartBar>& bars,
                             double benchmark, const std::string& benchmark_label) {
  constexpr int kWidth = 720, kRight = 90, kTop = 22;
  const int height = static_cast<int>(bars.size()) * kRow + kTop + 8;
  double top = benchmark;
  for (const ChartBar& bar : bars) top = std::max(top, bar.value);
  top = nice_ceiling(top);
  const double plot_w = kWidth - kLabel - kRight;
  std::string out = svg_open(text, kWidth, height);
  append_rows(out, bars, top, kTop, plot_w);
  const double x = kLabel + plot_w * benchmark / top;
  out += fmt::format(
      "<line class=\"benchmark\" x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\"/>"
      "<text class=\"benchmark-label\" x=\"{:.1f}\" y=\"14\" text-anchor=\"middle\">{}</text>\n",
      x, kTop - 4, x, height - 4, x, html_escape(benchmark_label));
  out += "</svg>\n";
  return out + data_table(text, bars);
}

namespace {

// Where each provincial-level division sits on the tile grid (column, row), by the first two
// digits of its GB/T 2260 code: roughly where it lies on the map, north up.
struct TilePlace {
  const char* prefix;
  int column;
  int row;
};
constexpr TilePlace kTiles[] = {
    {"23", 7, 0},                              // 黑龙江
    {"15", 4, 1}, {"11", 5, 1}, {"22", 7, 1},  // 内蒙古 北京 吉林
    {"65", 0, 2}, {"62", 2, 2}, {"64", 3, 2}, {"14", 4, 2},
    {"13", 5, 2},                                            // 新疆 甘肃 宁夏 山西 河北
    {"12", 6, 2}, {"21", 7, 2},                              // 天津 辽宁
    {"63", 1, 3}, {"61", 3, 3}, {"41", 4, 3}, {"37", 5, 3},  // 青海 陕西 河南 山东
    {"54", 0, 4}, {"51", 2, 4}, {"50", 3, 4}, {"42", 4, 4},
    {"34", 5, 4},                // 西藏 四川 重庆 湖北 安徽
    {"32", 6, 4}, {"31", 7, 4},  // 江苏 上海
    {"53", 2, 5}, {"52", 3, 5}, {"43", 4, 5}, {"36", 5, 5},
    {"33", 6, 5},                                            // 云南 贵州 湖南 江西 浙江
    {"45", 3, 6}, {"44", 4, 6}, {"35", 5, 6}, {"71", 7, 6},  // 广西 广东 福建 台湾
    {"46", 3, 7}, {"82", 4, 7}, {"81", 5, 7},                // 海南 澳门 香港
};

// The shade of a count: 0 for none, else 1 to 5 by its share of the largest count.
int shade(std::size_t count, std::size_t largest) {
  if (count == 0 || largest == 0) return 0;
  const double share = static_cast<double>(count) / static_cast<double>(largest);
  return std::clamp(static_cast<int>(std::ceil(share * 5)), 1, 5);
}

}  // namespace

std::string svg_tile_map(const ChartText& text, const std::vector<MapTile>& tiles,
                         const std::string& legend_title, const std::string& none_label) {
  constexpr int kTile = 62, kGap = 4, kColumns = 8, kRows = 8, kLegend = 44;
  const int width = kColumns * (kTile + kGap), height = kRows * (kTile + kGap) + kLegend;
  std::size_t largest = 0;
  for (const MapTile& tile : tiles) largest = std::max(largest, tile.count);
  std::string out = svg_open(text, width, height);
  std::vector<ChartBar> rows;
  for (const MapTile& tile : tiles) {
    const TilePlace* place = nullptr;
    for (const TilePlace& p : kTiles)
      if (tile.code.size() >= 2 && tile.code.compare(0, 2, p.prefix) == 0) place = &p;
    if (!place) continue;
    const int x = place->column * (kTile + kGap), y = place->row * (kTile + kGap);
    const int level = shade(tile.count, largest);
    std::string cell = fmt::format(
        "<rect class=\"tile shade-{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\"/>"
        "<text class=\"tile-name shade-{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>"
        "<text class=\"tile-count shade-{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
        level, x, y, kTile, kTile, level, x + kTile / 2, y + 27, html_escape(tile.label), level,
        x + kTile / 2, y + 47, tile.count > 0 ? std::to_string(tile.count) : "–");
    if (!tile.url.empty())
      cell = fmt::format("<a href=\"{}\"><title>{}: {}</title>{}</a>", html_escape(tile.url),
                         html_escape(tile.label), tile.count, cell);
    out += cell + "\n";
    if (tile.count > 0)
      rows.push_back({tile.label, static_cast<double>(tile.count), tile.url, {}, {}});
  }
  // The legend: each shade that some count can have, with its range, and "none".
  const int ly = kRows * (kTile + kGap) + 8;
  out += fmt::format("<text class=\"axis\" x=\"0\" y=\"{}\">{}</text>", ly + 14,
                     html_escape(legend_title));
  int lx = 120;
  const auto legend_entry = [&](int level, const std::string& label) {
    out += fmt::format(
        "<rect class=\"tile shade-{}\" x=\"{}\" y=\"{}\" width=\"18\" height=\"18\" rx=\"3\"/>"
        "<text class=\"axis\" x=\"{}\" y=\"{}\">{}</text>",
        level, lx, ly, lx + 22, ly + 14, html_escape(label));
    lx += 72;
  };
  legend_entry(0, none_label);
  for (std::size_t low = 1; low <= largest;) {
    const int level = shade(low, largest);
    std::size_t high = low;  // the largest count with this shade
    while (high < largest && shade(high + 1, largest) == level) ++high;
    legend_entry(level, low == high ? std::to_string(low) : fmt::format("{}–{}", low, high));
    low = high + 1;
  }
  out += "\n</svg>\n";
  std::sort(rows.begin(), rows.end(),
            [](const ChartBar& a, const ChartBar& b) { return a.value > b.value; });
  return out + data_table(text, rows);
}

}  // namespace ccnt
