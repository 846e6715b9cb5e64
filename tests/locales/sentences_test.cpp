// Unit tests of sentence segmentation (locales/locales.h, SentenceBreaker,
// with sentence_rules.h): each category of false break a translator met in
// patient leaflets, with a sentence that must stay whole beside one that
// must end.
#include "locales/locales.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

std::vector<std::string> sentences(const std::string& locale, const std::string& text) {
    medloc::locales::SentenceBreaker breaker(locale);
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
    CHECK(sentences("es-ES", "Abrimos a las 8 a. m. Traiga la tarjeta.") ==
          Sentences{"Abrimos a las 8 a. m.", "Traiga la tarjeta."});
}

TEST_CASE("a German source and its abbreviations", "[sentences]") {
    CHECK(sentences("de-DE", "Geben Sie z. B. Nr. 5 mit max. 5 ml. Rufen Sie Dr. Meier an.") ==
          Sentences{"Geben Sie z. B. Nr. 5 mit max. 5 ml.", "Rufen Sie Dr. Meier an."});
}
