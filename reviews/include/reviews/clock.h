// clock: where medloc learns the time. Every command that stamps an event
// or judges a review date is handed a Clock, so that tests can fix the date
// (see tests/) while the shipped binary only ever reads the system clock.
#pragma once

#include <string>

namespace medloc::reviews {

class Clock {
public:
    virtual ~Clock() = default;
    // Now in UTC, "YYYY-MM-DDTHH:MM:SSZ".
    virtual std::string now() const = 0;
    // Today in UTC, "YYYY-MM-DD".
    std::string today() const { return now().substr(0, 10); }
};

class SystemClock final : public Clock {
public:
    std::string now() const override;
};

}  // namespace medloc::reviews
