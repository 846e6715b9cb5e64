// states: medloc's translation states and XLIFF's unit states, mapped in
// this one place (DESIGN.md's table). Private to app/.
#pragma once

#include "reviews/vocabulary.h"
#include "xliff/xliff.h"

namespace medloc::pipeline {

xliff::UnitState unit_state(reviews::State state);
reviews::State state_of(xliff::UnitState state);

}  // namespace medloc::pipeline
