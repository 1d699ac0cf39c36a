#include "core/util/partial_date.hpp"

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

namespace ccnt {
namespace {

bool parse_digits(std::string_view text, int& out) {
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !text.empty();
}

}  // namespace

std::optional<PartialDate> PartialDate::parse(std::string_view text) {
  PartialDate date;
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  if (!parse_digits(text.substr(0, 4), date.year)) return std::nullopt;
  if (text.size() >= 7 && (text[4] != '-' || !parse_digits(text.substr(5, 2), date.month)))
    return std::nullopt;
  if (text.size() == 10 && (text[7] != '-' || !parse_digits(text.substr(8, 2), date.day)))
    return std::nullopt;
  if (text.size() >= 7 && date.month == 0) return std::nullopt;
  if (text.size() == 10 && date.day == 0) return std::nullopt;
  return date;
}

bool PartialDate::is_real() const {
  if (year < 1 || month < 0 || month > 12) return false;
  if (day == 0) return true;
  if (month == 0) return false;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  return ymd.ok();
}

std::string PartialDate::to_string() const {
  if (month == 0) return fmt::format("{:04}", year);
  if (day == 0) return fmt::format("{:04}-{:02}", year, month);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

int PartialDate::compare_coarse(const PartialDate& other) const {
  if (year != other.year) return year < other.year ? -1 : 1;
  if (month == 0 || other.month == 0 || month == other.month) {
    if (month == 0 || other.month == 0) return 0;
  } else {
    return month < other.month ? -1 : 1;
  }
  if (day == 0 || other.day == 0 || day == other.day) return 0;
  return day < other.day ? -1 : 1;
}

PartialDate today() {
  if (const char* forced = std::getenv("CCNT_TODAY")) {
    if (auto date = PartialDate::parse(forced); date && date->day != 0 && date->is_real())
      return *date;
  }
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{now};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace ccnt
