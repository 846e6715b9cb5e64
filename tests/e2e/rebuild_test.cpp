// Every corpus document, rebuilt from its stored skeleton with its own
// source text, is byte-for-byte the original.
#include "reviews/store.h"
#include "skeleton/skeleton.h"
#include "support.h"
#include "xliff/content.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>

using namespace medloc;
using namespace medloc::test;

TEST_CASE("every corpus document rebuilds byte for byte from the project database", "[rebuild]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    const Result extract = run_medloc(db, {"extract", corpus_dir().string(), "--as", "pat"});
    REQUIRE(extract.exit_code == 0);

    const auto opened = reviews::open_project(db.string());
    reviews::Store& store = *opened;
    for (const fs::path& path : corpus_documents()) {
        const std::string id = path.filename().string();
        INFO(id);
        const auto version = store.current_version(id);
        REQUIRE(version);
        std::map<std::string, xliff::Content> sources;
        for (const reviews::StoredSegment& segment : store.version_segments(id, version->version))
            sources[segment.id] = xliff::content_from_markup(segment.source);
        REQUIRE_FALSE(sources.empty());
        const pipeline::Skeleton skeleton = pipeline::Skeleton::from_json(version->skeleton);
        const std::string rebuilt = pipeline::rebuild(skeleton, [&](const std::string& segment_id) {
            const xliff::Content& source = sources.at(segment_id);
            return pipeline::SegmentText{&source, &source};
        });
        CHECK(rebuilt == read_file(path));
    }
}

TEST_CASE("a translated segment is escaped for its place and keeps its codes", "[rebuild]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    REQUIRE(run_medloc(db, {"extract", (corpus_dir() / "eczema-skin-care.html").string(), "--as", "pat"}).exit_code ==
            0);
    const auto opened = reviews::open_project(db.string());
    reviews::Store& store = *opened;
    const auto version = store.current_version("eczema-skin-care.html");
    REQUIRE(version);
    std::map<std::string, xliff::Content> sources, targets;
    for (const reviews::StoredSegment& segment : store.version_segments("eczema-skin-care.html", version->version)) {
        sources[segment.id] = xliff::content_from_markup(segment.source);
        xliff::Content target = sources[segment.id];
        for (xliff::Run& run : target.runs)
            if (!run.is_code()) run.text = "<" + run.text + " & co>";
        targets[segment.id] = target;
    }
    const std::string rebuilt =
        pipeline::rebuild(pipeline::Skeleton::from_json(version->skeleton), [&](const std::string& segment_id) {
            return pipeline::SegmentText{&sources.at(segment_id), &targets.at(segment_id)};
        });
    CHECK(rebuilt.find("&lt;Eczema is  &amp; co&gt;<strong>&lt;not contagious &amp; co&gt;</strong>") !=
          std::string::npos);
    CHECK(rebuilt.find("<script type=\"text/javascript\">") != std::string::npos);
    CHECK(rebuilt.find("<"
                       "Eczema") == std::string::npos);
}

namespace {

// What extract stored of every document: versions, skeletons, segments and
// what each replaced.
std::string stored_documents(const fs::path& db) {
    const auto opened = reviews::open_project(db.string());
    reviews::Store& store = *opened;
    std::string dump;
    for (const std::string& id : store.document_ids()) {
        const auto version = store.current_version(id);
        dump += id + " v" + std::to_string(version->version) + " " + version->source_sha256 + " " +
                std::to_string(version->source_bytes) + "\n" + version->skeleton + "\n";
        for (const reviews::StoredSegment& segment : store.version_segments(id, version->version))
            dump += segment.id + " " + segment.kind + " " + std::to_string(segment.words) + " " + segment.source +
                    " | " + segment.context + " | " + segment.replaces.value_or("-") + "\n";
    }
    return dump;
}

}  // namespace

// Extract keeps what its checking pass took apart for its storing pass up to
// a budget, and reads the rest again: the project is the same either way.
TEST_CASE("extract stores the same project whether it keeps every document between its passes or none",
          "[rebuild][extract]") {
    std::map<std::string, std::string> stored;
    for (const char* kept : {"", "40000", "1"}) {
        INFO("MEDLOC_TEST_EXTRACT_KEPT_BYTES=" << kept);
        TempDir dir;
        const fs::path db = new_project(dir);
        for (const fs::path& path : corpus_documents()) write_file(dir / "docs" / path.filename(), read_file(path));
        setenv("MEDLOC_TEST_EXTRACT_KEPT_BYTES", kept, 1);
        REQUIRE(run_medloc(db, {"extract", (dir / "docs").string(), "--as", "pat"}).exit_code == 0);
        // One sentence edited: a new version whose segment replaces the old.
        const fs::path edited = dir / "docs" / "amps-children.txt";
        std::string text = read_file(edited);
        const std::string before = "Although AMPS can afflict anyone";
        REQUIRE(text.find(before) != std::string::npos);
        text.replace(text.find(before), before.size(), "Although AMPS can affect anyone");
        write_file(edited, text);
        const Result again = run_medloc(db, {"extract", (dir / "docs").string(), "--as", "pat"});
        unsetenv("MEDLOC_TEST_EXTRACT_KEPT_BYTES");
        REQUIRE(again.exit_code == 0);
        CHECK_THAT(again.out, Catch::Contains("1 changed"));
        stored[kept] = stored_documents(db);
    }
    CHECK(stored["40000"] == stored[""]);
    CHECK(stored["1"] == stored[""]);
    CHECK(stored[""].find("amps-children.txt v2") != std::string::npos);
}
