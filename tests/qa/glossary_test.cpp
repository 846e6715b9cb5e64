// The glossary: TBX v2 and v3 read into terms per pair of locales, and the
// glossary check with them (pipeline/qa/glossary.h).
#include "qa/glossary.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using medloc::qa::Check;
using medloc::qa::Checker;
using medloc::qa::Finding;
using medloc::qa::Glossary;
using medloc::qa::GlossaryError;
using medloc::qa::Severity;
using medloc::qa::Term;

std::string fixture(const char* name) {
    std::ifstream in(std::filesystem::path(MEDLOC_TESTS) / "qa" / "glossary" / name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool has(const std::vector<Term>& terms, const std::string& source, const std::string& target, Term::Kind kind) {
    for (const Term& term : terms)
        if (term.source == source && term.target == target && term.kind == kind) return true;
    return false;
}

std::vector<Finding> glossary_findings(const Glossary& glossary, const char* locale, const std::string& source,
                                       const std::string& target) {
    const Checker checker("en-US", locale, glossary.terms("en-US", locale));
    std::vector<Finding> out;
    for (const Finding& finding : checker.check(source, target))
        if (finding.check == Check::glossary) out.push_back(finding);
    return out;
}

// The GlossaryError that reading `tbx` throws.
GlossaryError refusal(const std::string& tbx) {
    try {
        Glossary::read_tbx(tbx);
    } catch (const GlossaryError& e) {
        return e;
    }
    FAIL("read without a GlossaryError: " << tbx);
    return GlossaryError(0, 0, "");
}

}  // namespace

TEST_CASE("a TBX v2 glossary gives approved, forbidden and not-to-be-translated terms per locale", "[qa][glossary]") {
    const Glossary glossary = Glossary::read_tbx(fixture("fever-v2.tbx"));
    CHECK(glossary.concepts() == 3);
    CHECK(glossary.term_count() == 14);
    const std::vector<Term> spanish = glossary.terms("en-US", "es-US");
    CHECK(has(spanish, "fever", "fiebre", Term::Kind::approved));
    CHECK(has(spanish, "fever", "calentura", Term::Kind::forbidden));
    CHECK(has(spanish, "Tylenol", "Tylenol", Term::Kind::do_not_translate));
    // The closest variety: es-US over es-ES, en-US over en-GB.
    CHECK(has(spanish, "acetaminophen", "acetaminofén", Term::Kind::approved));
    CHECK_FALSE(has(spanish, "acetaminophen", "paracetamol", Term::Kind::approved));
    CHECK_FALSE(has(spanish, "paracetamol", "acetaminofén", Term::Kind::approved));
    CHECK(has(glossary.terms("en-GB", "es-ES"), "paracetamol", "paracetamol", Term::Kind::approved));
    // An ntig (termGrp) term, and a language the file does not have.
    CHECK(has(glossary.terms("en-US", "de"), "acetaminophen", "Paracetamol", Term::Kind::approved));
    CHECK(glossary.terms("en-US", "zh-Hans").size() == 1);  // only Tylenol, kept as it is
}

TEST_CASE("a TBX v3 glossary reads in DCA and DCT style", "[qa][glossary]") {
    const Glossary glossary = Glossary::read_tbx(fixture("fever-v3.tbx"));
    CHECK(glossary.concepts() == 2);
    const std::vector<Term> french = glossary.terms("en-US", "fr");
    CHECK(has(french, "rectal thermometer", "thermomètre rectal", Term::Kind::approved));
    CHECK(has(french, "rectal thermometer", "thermomètre anal", Term::Kind::forbidden));
    const std::vector<Term> german = glossary.terms("en-US", "de-DE");
    CHECK(has(german, "ibuprofen", "Ibuprofen", Term::Kind::approved));
    CHECK(has(german, "ibuprofen", "Ibu", Term::Kind::forbidden));
}

TEST_CASE("the glossary check: a forbidden term is an error, a missing approved term a warning", "[qa][glossary]") {
    const Glossary glossary = Glossary::read_tbx(fixture("fever-v2.tbx"));
    SECTION("es: the forbidden term, named with its place in the target") {
        const auto found = glossary_findings(glossary, "es-US", "What is a fever?", "¿Qué es la Calentura?");
        REQUIRE(found.size() == 2);
        CHECK(found[0].severity == Severity::error);
        CHECK(found[0].target_text == "Calentura");
        CHECK(found[1].severity == Severity::warning);
        CHECK(found[1].message.find("fiebre") != std::string::npos);
    }
    SECTION("es: the approved term, whatever its case") {
        CHECK(glossary_findings(glossary, "es-US", "A fever is not an illness.", "La Fiebre no es una enfermedad.")
                  .empty());
    }
    SECTION("ja: either approved term will do, and a word inside another is no term") {
        CHECK(glossary_findings(glossary, "ja", "A high fever.", "高い熱。").empty());
        CHECK(glossary_findings(glossary, "ja", "A high fever.", "高い発熱。").empty());
        CHECK(glossary_findings(glossary, "es-US", "Feverish children.", "Niños afiebrados.").empty());
    }
    SECTION("de, fr, ar: missing approved terms are warnings, never errors") {
        for (const auto& [locale, target] : std::vector<std::pair<const char*, std::string>>{
                 {"de", "Eine Temperatur."}, {"fr", "Une température."}, {"ar", "درجة حرارة."}}) {
            const auto found = glossary_findings(glossary, locale, "A fever.", target);
            REQUIRE(found.size() == 1);
            CHECK(found[0].severity == Severity::warning);
        }
    }
    SECTION("a term not to be translated must stay as it is") {
        const auto found = glossary_findings(glossary, "fr", "Give Tylenol.", "Donnez du Tylénol.");
        REQUIRE(found.size() == 1);
        CHECK(found[0].message.find("not to be translated") != std::string::npos);
        CHECK(glossary_findings(glossary, "fr", "Give Tylenol.", "Donnez du Tylenol.").empty());
    }
}

TEST_CASE("a file that is no usable TBX is refused with its place", "[qa][glossary]") {
    CHECK(refusal("<martif><text><body>").line == 1);
    const GlossaryError root = refusal("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>");
    CHECK(root.line == 2);
    CHECK(std::string(root.what()).find("not a TBX file") != std::string::npos);
    const GlossaryError language = refusal(
        "<martif>\n<text><body><termEntry>\n<langSet><tig><term>x</term></tig></langSet>"
        "</termEntry></body></text></martif>");
    CHECK(language.line == 3);
    CHECK(std::string(language.what()).find("xml:lang") != std::string::npos);
    const GlossaryError empty = refusal(
        "<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term> </term></tig></langSet>"
        "</termEntry></body></text></martif>");
    CHECK(std::string(empty.what()).find("empty") != std::string::npos);
    CHECK(std::string(refusal("<tbx><text><body/></text></tbx>").what()).find("holds no terms") != std::string::npos);
    std::string deep = "<martif><text><body><termEntry>";
    for (int i = 0; i < 100000; ++i) deep += "<descripGrp>";
    for (int i = 0; i < 100000; ++i) deep += "</descripGrp>";
    deep += "</termEntry></body></text></martif>";
    CHECK(std::string(refusal(deep).what()).find("nest deeper") != std::string::npos);
}
