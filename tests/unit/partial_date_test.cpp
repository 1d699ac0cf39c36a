#include <catch2/catch.hpp>

#include "core/util/partial_date.hpp"

using ccnt::PartialDate;

TEST_CASE("PartialDate parses the three precisions and nothing else") {
  CHECK(PartialDate::parse("2023")->to_string() == "2023");
  CHECK(PartialDate::parse("2023-03")->to_string() == "2023-03");
  CHECK(PartialDate::parse("2023-03-15")->to_string() == "2023-03-15");
  CHECK_FALSE(PartialDate::parse("2023-3"));
  CHECK_FALSE(PartialDate::parse("2023/03"));
  CHECK_FALSE(PartialDate::parse("2023-00"));
  CHECK_FALSE(PartialDate::parse("20230315"));
}

TEST_CASE("PartialDate knows real calendar dates") {
  CHECK(PartialDate::parse("2024-02-29")->is_real());
  CHECK_FALSE(PartialDate::parse("2023-02-29")->is_real());
  CHECK_FALSE(PartialDate::parse("2023-02-30")->is_real());
  CHECK_FALSE(PartialDate::parse("2023-13")->is_real());
}

TEST_CASE("PartialDate compares at the precision both dates have") {
  const auto month = *PartialDate::parse("2023-03");
  CHECK(month.compare_coarse(*PartialDate::parse("2023-03-15")) == 0);
  CHECK(month.compare_coarse(*PartialDate::parse("2023-02-28")) > 0);
  CHECK(month.compare_coarse(*PartialDate::parse("2023")) == 0);
  CHECK(month.compare_coarse(*PartialDate::parse("2024")) < 0);
}
