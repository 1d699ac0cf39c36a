// Dates as precise as their source: a year, a year and month, or a full day.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ccnt {

// A calendar date whose month or day may be unknown (0).
struct PartialDate {
  int year = 0;
  int month = 0;  // 1-12, or 0 when only the year is known
  int day = 0;    // 1-31, or 0 when the day is unknown

  // Parses YYYY, YYYY-MM or YYYY-MM-DD; nullopt when the text has another shape.
  static std::optional<PartialDate> parse(std::string_view text);
  // True when the month and day exist in the calendar (2023-02-30 does not).
  bool is_real() const;
  // Back to YYYY[-MM[-DD]].
  std::string to_string() const;
  // Compares at the precision both dates have: 2023-03 is not before 2023-03-15.
  int compare_coarse(const PartialDate& other) const;
  // Orders unknown parts first, for sorting.
  auto operator<=>(const PartialDate&) const = default;
};

// Today's date in UTC, or the date in the CCNT_TODAY environment variable (for reproducible runs).
PartialDate today();

}  // namespace ccnt
