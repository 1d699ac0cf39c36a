#include <catch2/catch.hpp>

#include "core/util/han_variants.hpp"
#include "core/util/search_fold.hpp"

using namespace ccnt;

TEST_CASE("search_fold: case, full-width forms and compatibility characters") {
  CHECK(search_fold("GuangZhou PV") == "guangzhou pv");
  CHECK(search_fold("ＰＶ１００") == "pv100");
  CHECK(search_fold("（2023—2025年）") == "(2023—2025年)");  // the dash is no compatibility form
  CHECK(search_fold("光伏\u3000储能") == "光伏 储能");       // the ideographic space
  CHECK(search_fold("①") == "1");
  CHECK(search_fold("Ä") == search_fold("ä"));
  CHECK(search_fold("caf\u00e9") == search_fold("cafe\u0301"));  // composed or not
  CHECK(search_fold("\uFA10") == "\u585A");  // a CJK compatibility ideograph: 塚
}

TEST_CASE("search_fold: traditional characters become simplified ones") {
  CHECK(search_fold("碳達峰碳中和") == "碳达峰碳中和");
  CHECK(search_fold("廣東省發展和改革委員會") == "广东省发展和改革委员会");
  CHECK(search_fold("電力 儲能 綠色") == "电力 储能 绿色");
  // Characters that are simplified characters of their own are left alone.
  CHECK(search_fold("乾於覆") == "乾於覆");
  CHECK(simplified_of(U'國') == U'国');
  CHECK(simplified_of(U'国') == U'国');
  CHECK(simplified_of(U'a') == U'a');
  CHECK(han_variant_count() == 627);
}

TEST_CASE("search_fold: bytes that are not UTF-8 become U+FFFD") {
  CHECK(search_fold(std::string("a\xFF") + "b") == "a\uFFFDb");
}
