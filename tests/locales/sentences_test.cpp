// Unit tests of sentence segmentation (locales/locales.h, SentenceBreaker,
// with sentence_rules.h): each category of false break a translator met in
// patient leaflets, with a sentence that must stay whole beside one that
// must end.
#include "locales/locales.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using medloc::locales::BreakRule;

std::vector<std::string> sentences(const std::string& locale, const std::string& text,
                                   const std::vector<BreakRule>& rules = {}) {
    medloc::locales::SentenceBreaker breaker(locale, rules);
    std::vector<std::string> out;
    std::size_t start = 0;
    for (const std::size_t end : breaker.boundaries(text)) {
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    out.push_back(text.substr(start));
    for (std::string& sentence : out)
        while (!sentence.empty() && sentence.back() == ' ') sentence.pop_back();
    return out;
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_CASE("an abbreviation before a capitalized word that continues the sentence", "[sentences]") {
    CHECK(sentences("en-US", "In the U.S. Croup accounts for many visits. Call us.") ==
          Sentences{"In the U.S. Croup accounts for many visits.", "Call us."});
    CHECK(sentences("en-US", "See Dr. Lee e.g. on Monday. Bring the card.") ==
          Sentences{"See Dr. Lee e.g. on Monday.", "Bring the card."});
}

TEST_CASE("a run of initials and degrees", "[sentences]") {
    CHECK(sentences("en-US", "Written by Dr. J. R. Alvarez, Ph.D., M.D. He is a pediatrician.") ==
          Sentences{"Written by Dr. J. R. Alvarez, Ph.D., M.D.", "He is a pediatrician."});
    // An initial at a sentence's end still ends it.
    CHECK(sentences("en-US", "Take vitamin D. Call us if it hurts.") ==
          Sentences{"Take vitamin D.", "Call us if it hurts."});
}

TEST_CASE("i.e. and max. before a number", "[sentences]") {
    CHECK(sentences("en-US", "Give epinephrine (racemic epi, 0.05 mL/kg of 2.25 % solution; max. 0.5 mL). Call us.") ==
          Sentences{"Give epinephrine (racemic epi, 0.05 mL/kg of 2.25 % solution; max. 0.5 mL).", "Call us."});
    CHECK(sentences("en-US", "Use the lower dose, i.e. 5 mL twice a day. Stop if sick.") ==
          Sentences{"Use the lower dose, i.e. 5 mL twice a day.", "Stop if sick."});
    // Without a number after it, "max." ends a sentence like any word.
    CHECK(sentences("en-US", "Four doses a day is the max. Call us for more.") ==
          Sentences{"Four doses a day is the max.", "Call us for more."});
}

TEST_CASE("address and time abbreviations", "[sentences]") {
    CHECK(sentences("en-US",
                    "Visit us at Bldg. C, Ste. 210. We are open 7:00 a.m. Sat.\u2013Sun. Come by 7:00 a.m. "
                    "Bring the card.") == Sentences{"Visit us at Bldg. C, Ste. 210.",
                                                    "We are open 7:00 a.m. Sat.\u2013Sun.", "Come by 7:00 a.m.",
                                                    "Bring the card."});
    CHECK(sentences("en-US", "The clinic opens Jan. 5 at 8 a.m. Monday through Friday. Call first.") ==
          Sentences{"The clinic opens Jan. 5 at 8 a.m. Monday through Friday.", "Call first."});
    CHECK(sentences("en-US", "Call from 9 a.m. Eastern to 5 p.m. PST on weekdays. We close at 5 p.m. Come early.") ==
          Sentences{"Call from 9 a.m. Eastern to 5 p.m. PST on weekdays.", "We close at 5 p.m.", "Come early."});
}

TEST_CASE("units and dose words before a number", "[sentences]") {
    CHECK(sentences("en-US", "Use approx. 2 tsp. of the medicine. Take 1 tab. by mouth. See Fig. 2 and No. 5.") ==
          Sentences{"Use approx. 2 tsp. of the medicine.", "Take 1 tab. by mouth.", "See Fig. 2 and No. 5."});
    CHECK(sentences("en-US", "Give 2 tsp. Then let your child rest.") ==
          Sentences{"Give 2 tsp.", "Then let your child rest."});
}

TEST_CASE("a Spanish source and its abbreviations", "[sentences]") {
    CHECK(sentences("es-ES", "La Sra. Pérez debe tomar, p. ej. con la cena, máx. 5 ml al día. Llame a la Dra. Ruiz.") ==
          Sentences{"La Sra. Pérez debe tomar, p. ej. con la cena, máx. 5 ml al día.", "Llame a la Dra. Ruiz."});
    CHECK(sentences("es-ES", "En los EE. UU. Medicaid lo cubre. Pregunte en la farmacia.") ==
          Sentences{"En los EE. UU. Medicaid lo cubre.", "Pregunte en la farmacia."});
    CHECK(sentences("es-ES", "Abrimos a las 8 a. m. Traiga la tarjeta.") ==
          Sentences{"Abrimos a las 8 a. m.", "Traiga la tarjeta."});
}

TEST_CASE("a German source and its abbreviations", "[sentences]") {
    CHECK(sentences("de-DE", "Geben Sie z. B. Nr. 5 mit max. 5 ml. Rufen Sie Dr. Meier an.") ==
          Sentences{"Geben Sie z. B. Nr. 5 mit max. 5 ml.", "Rufen Sie Dr. Meier an."});
}

TEST_CASE("German abbreviations before a capitalized noun, and usw. at a sentence's end", "[sentences]") {
    // German capitalizes every noun, so "z. B. Tee" is no sentence end,
    // while "usw." ends one as "etc." does.
    CHECK(sentences("de-DE", "Trinken Sie z. B. Tee, d. h. viel Wasser. Bei Husten usw. Ruhe halten.") ==
          Sentences{"Trinken Sie z. B. Tee, d. h. viel Wasser.", "Bei Husten usw.", "Ruhe halten."});
    CHECK(sentences("de-DE", "Fieber, Husten usw. sind häufig. Rufen Sie an.") ==
          Sentences{"Fieber, Husten usw. sind häufig.", "Rufen Sie an."});
}

TEST_CASE("a French source and its abbreviations", "[sentences]") {
    CHECK(sentences("fr-FR", "M. Dupont et Mme Martin donnent max. 5 ml, p. ex. Doliprane. Appelez le cabinet.") ==
          Sentences{"M. Dupont et Mme Martin donnent max. 5 ml, p. ex. Doliprane.", "Appelez le cabinet."});
}

TEST_CASE("a Portuguese source and its abbreviations", "[sentences]") {
    CHECK(sentences("pt-BR", "A Dra. Souza indica aprox. 5 ml, máx. 4 doses. Ligue para a Sra. Lima.") ==
          Sentences{"A Dra. Souza indica aprox. 5 ml, máx. 4 doses.", "Ligue para a Sra. Lima."});
}

TEST_CASE("an abbreviated journal title before the date of its citation", "[sentences]") {
    for (const char* date : {"2014 Sep;26(5):592-603.", "2017;51(11):838-847.", "2013 Oct 15;185(15):1317-1323.",
                             "2019 Jan-Feb;14(1):1-9."})
        CHECK(sentences("en-US", std::string("Bjornson CL. Croup. CMAJ. ") + date) ==
              Sentences{"Bjornson CL.", "Croup.", std::string("CMAJ. ") + date});
    // A sentence that starts with a year is no citation.
    CHECK(sentences("en-US", "We opened in May. 2014 Annual Report: see page 3.") ==
          Sentences{"We opened in May.", "2014 Annual Report: see page 3."});
}

// A project's own rules (SRX): they decide where they match, the first
// that matches first; medloc's rules decide everywhere else.
TEST_CASE("a project rule adds a break", "[sentences]") {
    const std::vector<BreakRule> rules{{true, ";", R"(\s+\p{Ll})"}};
    CHECK(sentences("en-US", "Tablets hold 160 mg each; the chart shows how many. Call Dr. Lee today.", rules) ==
          Sentences{"Tablets hold 160 mg each;", "the chart shows how many.", "Call Dr. Lee today."});
    // Without the rule medloc does not break there.
    CHECK(sentences("en-US", "Tablets hold 160 mg each; the chart shows how many.").size() == 1);
}

TEST_CASE("a project rule prevents a break", "[sentences]") {
    const std::vector<BreakRule> rules{{false, R"(\bet al\.)", R"(\s)"}};
    const std::string reference = "Varga L, et al. Parent knowledge of fever thresholds. Clin Pediatr. Next one.";
    CHECK(sentences("en-US", reference).front() == "Varga L, et al.");
    CHECK(sentences("en-US", reference, rules) ==
          Sentences{"Varga L, et al. Parent knowledge of fever thresholds.", "Clin Pediatr.", "Next one."});
}

TEST_CASE("the first project rule that matches decides", "[sentences]") {
    const BreakRule keep{false, R"(\bet al\.)", R"(\s)"};
    const BreakRule cut{true, R"(\.)", R"(\s)"};
    const std::string text = "Lee K, et al. Fever in children.";
    CHECK(sentences("en-US", text, {keep, cut}).size() == 1);
    CHECK(sentences("en-US", text, {cut, keep}).size() == 2);
}

TEST_CASE("a project rule decides the whole space between two sentences", "[sentences]") {
    // One rule matches before the spaces, one after them: both speak of the
    // same break, and the space goes with neither sentence.
    const std::string text = "Rest at home.   Drink water.";
    CHECK(sentences("en-US", text, {{false, R"(home\.)", R"(\s)"}}).size() == 1);
    CHECK(sentences("en-US", text, {{false, R"(home\.\s+)", ""}}).size() == 1);
    CHECK(sentences("en-US", text, {{false, R"(water\.)", ""}}) == Sentences{"Rest at home.", "Drink water."});
}

TEST_CASE("project rules that are no regular expressions are refused", "[sentences]") {
    using medloc::locales::break_rule_problem;
    CHECK(break_rule_problem({true, "(", ""}).find("beforebreak") != std::string::npos);
    CHECK(break_rule_problem({true, "a", "[b"}).find("afterbreak") != std::string::npos);
    CHECK(break_rule_problem({true, "", ""}).find("match everywhere") != std::string::npos);
    CHECK(break_rule_problem({false, R"(\bDr\.)", R"(\s)"}).empty());
    CHECK_THROWS_AS(medloc::locales::SentenceBreaker("en-US", {{true, "(", ""}}), std::invalid_argument);
}

TEST_CASE("a project rule that backtracks without end stops instead of hanging", "[sentences]") {
    medloc::locales::SentenceBreaker breaker("en-US", {{true, "(a+)+b", ""}});
    const std::string text = std::string(64, 'a') + " c.";
    CHECK_THROWS_AS(breaker.boundaries(text), medloc::locales::BreakRuleTimeout);
}
