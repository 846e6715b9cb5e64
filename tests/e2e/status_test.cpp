// status: per document segment and word counts, per locale state counts.
#include "locales/locales.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace medloc;
using namespace medloc::test;

TEST_CASE("status --json counts segments, words and states per document and locale", "[status]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    REQUIRE(run_medloc(db, {"extract", corpus_dir().string(), "--as", "pat"}).exit_code == 0);
    const Result status = run_medloc(db, {"status", "--json"});
    REQUIRE(status.exit_code == 0);
    const auto json = nlohmann::json::parse(status.out);
    REQUIRE(json["documents"].size() == 7);
    std::int64_t segments = 0;
    for (const auto& document : json["documents"]) {
        INFO(document["id"]);
        CHECK(document["segments"].get<int>() > 40);
        CHECK(document["words"].get<int>() > 10 * document["segments"].get<int>() / 2);
        for (const char* locale : {"es-US", "ar", "ja", "zh-Hans"}) {
            CHECK(document["locales"][locale]["new"] == document["segments"]);
            CHECK(document["locales"][locale]["approved"] == 0);
        }
        segments += document["segments"].get<std::int64_t>();
        if (document["id"] == "amps-children.txt") CHECK(document["segments"] == 73);
    }
    CHECK(json["totals"]["segments"] == segments);

    const Result only = run_medloc(db, {"status", "--locale", "ja", "--json"});
    REQUIRE(only.exit_code == 0);
    CHECK(nlohmann::json::parse(only.out)["documents"][0]["locales"].size() == 1);
    CHECK(run_medloc(db, {"status", "--locale", "fr"}).exit_code == 1);
}

TEST_CASE("words are counted by ICU's rules, so Japanese counts sensibly", "[status]") {
    locales::WordCounter english("en-US");
    CHECK(english.count("Give 2.5 mL (80 mg) every 4–6 hours.") == 9);
    locales::WordCounter japanese("ja");
    // "An asthma action plan is a written guide." 15 characters, no spaces.
    const std::size_t words = japanese.count("ぜんそく行動計画は書面のガイドです。");
    CHECK(words >= 4);
    CHECK(words <= 12);
}
