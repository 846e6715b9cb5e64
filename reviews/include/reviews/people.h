// people: who stands behind a translation's current target, read from its
// log. Used by the four-eyes rules and by the credits of a bundle.
#pragma once

#include "reviews/store.h"

#include <optional>
#include <string>
#include <string_view>

namespace medloc::reviews {

struct People {
    std::string translator;         // who wrote the current target
    std::string reviser;            // who revised it since, if anyone
    std::optional<Event> approval;  // its clinical approval since, if any
};

People people_of(Store& store, std::string_view segment_id, std::string_view locale);

}  // namespace medloc::reviews
