// Review date arithmetic (locales/locales.h): what "next review due" means.
#include "locales/locales.h"

#include <catch2/catch.hpp>

using medloc::locales::add_months;
using medloc::locales::parse_date;

TEST_CASE("a review period ends on the same day of the month, or the month's last day", "[locales][dates]") {
    CHECK(add_months("2026-03-15", 36) == "2029-03-15");
    CHECK(add_months("2026-01-31", 1) == "2026-02-28");
    CHECK(add_months("2026-08-31", 1) == "2026-09-30");
    CHECK(add_months("2026-12-15", 1) == "2027-01-15");
    CHECK(add_months("2026-03-31", -1) == "2026-02-28");
}

TEST_CASE("leap days: Feb 29 exists only in leap years, and a period from it ends on Feb 28", "[locales][dates]") {
    CHECK(add_months("2028-02-29", 36) == "2031-02-28");
    CHECK(add_months("2028-02-29", 48) == "2032-02-29");
    CHECK(add_months("2027-01-31", 13) == "2028-02-29");
    CHECK(add_months("2100-01-31", 1) == "2100-02-28");  // not a leap year
    CHECK(add_months("2000-01-31", 1) == "2000-02-29");  // a leap year
}

TEST_CASE("only real dates are dates", "[locales][dates]") {
    CHECK(parse_date("2028-02-29") == "2028-02-29");
    CHECK_FALSE(parse_date("2027-02-29"));
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("26-01-01"));
    CHECK_FALSE(parse_date("2026-1-1"));
    CHECK_FALSE(parse_date(""));
}
