// dates.cpp - review dates with ICU's Gregorian calendar, in UTC.
#include "locales/locales.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

namespace medloc::locales {
namespace {

std::unique_ptr<icu::GregorianCalendar> utc_calendar() {
    UErrorCode status = U_ZERO_ERROR;
    auto calendar = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), status);
    if (U_FAILURE(status)) return nullptr;
    calendar->setLenient(false);  // 2026-02-30 is an error, not March 2nd
    return calendar;
}

std::string format_date(const icu::Calendar& calendar) {
    UErrorCode status = U_ZERO_ERROR;
    char text[48];  // room for any int, so that nothing is ever cut
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", calendar.get(UCAL_YEAR, status),
                  calendar.get(UCAL_MONTH, status) + 1, calendar.get(UCAL_DATE, status));
    return text;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
    int year = 0, month = 0, day = 0;
    char rest = 0;
    const std::string copy(text);
    if (text.size() != 10 || std::sscanf(copy.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &rest) != 3 ||
        text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto calendar = utc_calendar();
    if (!calendar) return std::nullopt;
    calendar->clear();
    calendar->set(year, month - 1, day);
    UErrorCode status = U_ZERO_ERROR;
    calendar->getTime(status);  // validates the fields
    if (U_FAILURE(status)) return std::nullopt;
    return format_date(*calendar);
}

std::string add_months(std::string_view date, int months) {
    const auto valid = parse_date(date);
    const auto calendar = utc_calendar();
    if (!valid || !calendar) return std::string(date);
    calendar->clear();
    calendar->set(std::stoi(valid->substr(0, 4)), std::stoi(valid->substr(5, 2)) - 1, std::stoi(valid->substr(8, 2)));
    UErrorCode status = U_ZERO_ERROR;
    calendar->add(UCAL_MONTH, months, status);  // ICU pins the day to the month's end
    return format_date(*calendar);
}

}  // namespace medloc::locales
