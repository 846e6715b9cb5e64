// Segment ids survive edits elsewhere: a corpus is extracted, then a copy
// with 10% of its sentences edited by gen-corpus; only the edited sentences
// get new ids, and each is reported as the changed form of the old one.
#include "reviews/store.h"
#include "support.h"
#include "xliff/content.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

using namespace medloc;
using namespace medloc::test;

namespace {

std::set<std::string> ids_of(reviews::Store& store, const std::string& document_id, std::int64_t version) {
    std::set<std::string> ids;
    for (const auto& segment : store.version_segments(document_id, version)) ids.insert(segment.id);
    return ids;
}

// The segment's text with its placeholders shown (a URL, an e-mail address),
// as gen-corpus sees the sentence.
std::string shown_text(const std::string& markup) {
    std::string text;
    for (const xliff::Run& run : xliff::content_from_markup(markup).runs)
        if (run.kind == xliff::Run::Kind::text || run.kind == xliff::Run::Kind::placeholder) text += run.text;
    return text;
}

}  // namespace

TEST_CASE("only edited sentences get new ids, and they are reported as changed", "[identity]") {
    TempDir dir;
    const fs::path original = dir / "original", edited = dir / "edited", log = dir / "edits.tsv";
    const std::string gen = (shared_dir() / "scripts" / "gen-corpus").string();
    REQUIRE(run({"python3", gen, "--docs", "12", "--seed", "7", "--out", original.string()}).exit_code == 0);
    REQUIRE(run({"python3", gen, "--mutate", "10", "--from", original.string(), "--out", edited.string(), "--log",
                 log.string()})
                .exit_code == 0);

    const fs::path db = new_project(dir);
    REQUIRE(run_medloc(db, {"extract", original.string(), "--as", "pat"}).exit_code == 0);
    const Result second = run_medloc(db, {"extract", edited.string(), "--as", "pat"});
    REQUIRE(second.exit_code == 0);

    // The edits gen-corpus made: file -> original sentences.
    std::map<std::string, std::vector<std::string>> edits;
    std::istringstream lines(read_file(log));
    std::string line;
    std::getline(lines, line);  // header
    std::size_t edit_count = 0;
    while (std::getline(lines, line)) {
        const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
        edits[line.substr(0, tab1)].push_back(line.substr(tab2 + 1));
        ++edit_count;
    }
    REQUIRE(edit_count > 20);

    const auto opened = reviews::open_project(db.string());
    reviews::Store& store = *opened;
    std::size_t lost = 0, gained = 0;
    for (const auto& entry : fs::directory_iterator(original)) {
        const std::string id = entry.path().filename().string();
        const auto version = store.current_version(id);
        REQUIRE(version);
        const std::set<std::string> before = ids_of(store, id, 1);
        const std::set<std::string> after = ids_of(store, id, version->version);
        if (!edits.contains(id)) {
            CHECK(version->version == 1);  // untouched file: same source, same segments
            continue;
        }
        for (const std::string& segment_id : before) {
            if (after.contains(segment_id)) continue;
            ++lost;
            const auto segment = store.segment(segment_id);
            REQUIRE(segment);
            const std::string text = shown_text(segment->source);
            INFO(id << ": lost the id of \"" << text << "\"");
            bool edited_sentence = false;
            for (const std::string& sentence : edits[id])
                edited_sentence = edited_sentence || sentence.find(text) != std::string::npos ||
                                  text.find(sentence) != std::string::npos;
            CHECK(edited_sentence);
            CHECK(segment->retired_in == version->version);
        }
        for (const std::string& segment_id : after) gained += before.contains(segment_id) ? 0 : 1;
    }
    CHECK(lost == edit_count);
    CHECK(gained == edit_count);

    // Every new id replaces the id of the sentence it was edited from.
    std::size_t replacing = 0;
    for (const auto& entry : fs::directory_iterator(original)) {
        const std::string id = entry.path().filename().string();
        const std::set<std::string> before = ids_of(store, id, 1);
        for (const std::string& segment_id : ids_of(store, id, store.current_version(id)->version)) {
            const auto segment = store.segment(segment_id);
            if (!segment->replaces) continue;
            ++replacing;
            CHECK(before.contains(*segment->replaces));
            CHECK_FALSE(before.contains(segment_id));
        }
    }
    CHECK(replacing == edit_count);
    CHECK(second.out.find(std::to_string(edit_count) + " changed") != std::string::npos);
}

TEST_CASE("extracting the same documents again changes nothing", "[identity]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    REQUIRE(run_medloc(db, {"extract", corpus_dir().string(), "--as", "pat"}).exit_code == 0);
    const std::string before = read_file(db);
    const Result again = run_medloc(db, {"extract", corpus_dir().string(), "--as", "pat"});
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find(" 0 new, 0 changed, ") != std::string::npos);
    CHECK(again.out.find(" 0 removed\n7 document(s)") != std::string::npos);
    CHECK(read_file(db) == before);
}
