// vocabulary.cpp - the stored spelling of each word, in one table per enum.
#include "reviews/vocabulary.h"

#include <utility>

namespace medloc::reviews {
namespace {

template <typename Enum, std::size_t N>
const char* spelling(const std::pair<Enum, const char*> (&table)[N], Enum value) {
    for (const auto& [each, text] : table)
        if (each == value) return text;
    return "";
}

template <typename Enum, std::size_t N>
std::optional<Enum> parsed(const std::pair<Enum, const char*> (&table)[N], std::string_view text) {
    for (const auto& [each, spelled] : table)
        if (text == spelled) return each;
    return std::nullopt;
}

constexpr std::pair<State, const char*> kStateWords[] = {{State::new_, "new"},
                                                         {State::needs_translation, "needs-translation"},
                                                         {State::translated, "translated"},
                                                         {State::revised, "revised"},
                                                         {State::approved, "approved"}};

constexpr std::pair<Role, const char*> kRoleWords[] = {{Role::translator, "translator"},
                                                       {Role::reviser, "reviser"},
                                                       {Role::clinical, "clinical"},
                                                       {Role::publisher, "publisher"},
                                                       {Role::system, "system"}};

constexpr std::pair<Act, const char*> kActWords[] = {{Act::revise, "revise"},
                                                     {Act::approve, "approve"},
                                                     {Act::reject, "reject"},
                                                     {Act::waive, "waive"},
                                                     {Act::keep_source, "keep-source"}};

constexpr std::pair<Meaning, const char*> kMeaningWords[] = {{Meaning::translated, "translated"},
                                                             {Meaning::revised, "revised"},
                                                             {Meaning::approved, "approved for clinical accuracy"},
                                                             {Meaning::rejected, "rejected"},
                                                             {Meaning::invalidated, "invalidated: source text changed"},
                                                             {Meaning::waived, "waived"},
                                                             {Meaning::kept_source, "translated as the source text"}};

}  // namespace

bool is_untranslated(State state) { return state == State::new_ || state == State::needs_translation; }

const char* to_string(State state) { return spelling(kStateWords, state); }
const char* to_string(Role role) { return spelling(kRoleWords, role); }
const char* to_string(Act act) { return spelling(kActWords, act); }
const char* to_string(Meaning meaning) { return spelling(kMeaningWords, meaning); }

std::optional<State> parse_state(std::string_view text) { return parsed(kStateWords, text); }
std::optional<Role> parse_role(std::string_view text) { return parsed(kRoleWords, text); }
std::optional<Act> parse_act(std::string_view text) { return parsed(kActWords, text); }
std::optional<Meaning> parse_meaning(std::string_view text) { return parsed(kMeaningWords, text); }

}  // namespace medloc::reviews
