// Segmentation of the sample articles: the sentences a careful human makes.
#include "extract/source.h"
#include "skeleton/document.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <algorithm>

using namespace medloc;
using namespace medloc::test;

namespace {

std::vector<pipeline::DocumentSegment> segments_of(const std::string& name) {
    const fs::path path = corpus_dir() / name;
    pipeline::DocumentExtractor extractor("en-US");
    return extractor.extract(path.string(), name, *pipeline::format_of(path), read_file(path)).segments;
}

std::vector<std::string> plain_texts(const std::vector<pipeline::DocumentSegment>& segments) {
    std::vector<std::string> texts;
    for (const auto& segment : segments) texts.push_back(segment.plain);
    return texts;
}

bool has_segment(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

}  // namespace

TEST_CASE("amps-children.txt is cut into the sentences of its reference TMX", "[segmentation]") {
    // The TMX was aligned by hand-checked sentences; ours must be the same,
    // one for one and in order, or translation memory will not match.
    pugi::xml_document tmx;
    REQUIRE(tmx.load_file((translations_dir() / "amps-children.en-es.tmx").c_str()));
    std::vector<std::string> expected;
    for (const auto& tu : tmx.select_nodes("//tu"))
        expected.push_back(tu.node().select_node("tuv[@xml:lang='en']/seg").node().text().get());
    REQUIRE(expected.size() == 73);
    CHECK(plain_texts(segments_of("amps-children.txt")) == expected);
}

TEST_CASE("headings, bullets and references are segments of their own", "[segmentation]") {
    const auto texts = plain_texts(segments_of("amps-children.txt"));
    CHECK(has_segment(texts, "Symptoms and Causes"));
    CHECK(has_segment(texts, "What causes amplified musculoskeletal pain syndrome in children?"));
    CHECK(has_segment(texts, "Edema (swelling)"));
    CHECK(has_segment(texts, "Music therapists"));
    CHECK(has_segment(texts, "Curr Opin Rheumatol. 2014 Sep;26(5):592-603. doi: 10.1097/BOR.0000000000000097."));
    CHECK_FALSE(has_segment(texts, "Curr Opin Rheumatol."));
}

TEST_CASE("abbreviations do not end sentences, real sentence ends do", "[segmentation]") {
    const auto asthma = plain_texts(segments_of("asthma-action-plan.txt"));
    CHECK(has_segment(asthma, "Dr. Lena Park, a pediatric lung specialist, calls the plan “a map for the bad days.”"));
    CHECK(has_segment(asthma, "Quick-relief medicines (i.e., albuterol) open the airways within 5–15 minutes."));
    CHECK(has_segment(asthma, "Most inhalers hold approx. 200 puffs and have a dose counter."));
    const auto concussion = plain_texts(segments_of("concussion-return-to-play.md"));
    // "etc." and "OK." end these sentences.
    CHECK(has_segment(concussion,
                      "Concussions are common in contact sports such as football, hockey and soccer, but they also "
                      "happen in cheerleading, gymnastics, biking, etc."));
    CHECK(has_segment(concussion, "Avoid ibuprofen for the first 48 hours unless your doctor says it is OK."));
    // A hard line break after a period ends a sentence.
    CHECK(has_segment(concussion, "Bring the letter to the athletic director at least one day before the game."));
}

TEST_CASE("inline markup becomes codes, never text", "[segmentation]") {
    for (const fs::path& path : corpus_documents()) {
        const std::string name = path.filename().string();
        if (name.ends_with(".txt")) continue;
        for (const auto& segment : segments_of(name)) {
            INFO(name << ": " << segment.markup);
            CHECK(segment.plain.find('<') == std::string::npos);
            CHECK(segment.plain.find("**") == std::string::npos);
            CHECK(segment.plain.find("](") == std::string::npos);
        }
    }
    const auto segments = segments_of("eczema-skin-care.html");
    const auto strong = std::find_if(segments.begin(), segments.end(), [](const auto& s) {
        return s.plain == "Eczema is not contagious; you cannot catch it from another person.";
    });
    REQUIRE(strong != segments.end());
    CHECK(strong->markup ==
          "Eczema is <g id=\"1\" ctype=\"strong\">not contagious</g>; you cannot catch it from another person.");
}

TEST_CASE("scripts, styles, comments and URLs are not translatable, but alt and title are", "[segmentation]") {
    const auto eczema = segments_of("eczema-skin-care.html");
    const auto texts = plain_texts(eczema);
    for (const std::string& text : texts) {
        INFO(text);
        CHECK(text.find("pageInfo") == std::string::npos);
        CHECK(text.find("border-left") == std::string::npos);
        CHECK(text.find("BEGIN article body") == std::string::npos);
        CHECK(text.find("https://") == std::string::npos);
    }
    CHECK(has_segment(texts, "A parent applying a thick moisturizer to a toddler’s arm after a bath"));
    CHECK(has_segment(texts, "Moisturize within 3 minutes of bathing"));
    CHECK(has_segment(texts, "fingertip units"));

    const auto asthma = segments_of("asthma-action-plan.txt");
    const auto with_url = std::find_if(asthma.begin(), asthma.end(),
                                       [](const auto& s) { return s.plain.starts_with("Printable plans are at"); });
    REQUIRE(with_url != asthma.end());
    CHECK(with_url->markup ==
          "Printable plans are at <x id=\"1\" ctype=\"url\" "
          "equiv-text=\"https://www.example-childrens.org/asthma-plan\"/>.");
}

TEST_CASE("numbers alone are segments, punctuation alone is not", "[segmentation]") {
    // A dose in a table cell must be reviewed when it changes.
    const auto eczema = plain_texts(segments_of("eczema-skin-care.html"));
    CHECK(has_segment(eczema, "911"));
    CHECK(std::count(eczema.begin(), eczema.end(), "1.5") == 5);
    const auto concussion = plain_texts(segments_of("concussion-return-to-play.md"));
    CHECK_FALSE(has_segment(concussion, "—"));
}
