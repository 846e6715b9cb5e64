// states.cpp - the state table, both ways.
#include "states.h"

namespace medloc::pipeline {

xliff::UnitState unit_state(reviews::State state) {
    switch (state) {
    case reviews::State::new_: return xliff::UnitState::initial;
    case reviews::State::needs_translation: return xliff::UnitState::needs_translation;
    case reviews::State::translated: return xliff::UnitState::translated;
    case reviews::State::revised: return xliff::UnitState::reviewed;
    case reviews::State::approved: return xliff::UnitState::final;
    }
    return xliff::UnitState::initial;
}

reviews::State state_of(xliff::UnitState state) {
    switch (state) {
    case xliff::UnitState::initial: return reviews::State::new_;
    case xliff::UnitState::needs_translation: return reviews::State::needs_translation;
    case xliff::UnitState::translated: return reviews::State::translated;
    case xliff::UnitState::reviewed: return reviews::State::revised;
    case xliff::UnitState::final: return reviews::State::approved;
    }
    return reviews::State::new_;
}

}  // namespace medloc::pipeline
