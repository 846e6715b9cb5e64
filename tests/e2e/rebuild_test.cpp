// Every corpus document, rebuilt from its stored skeleton with its own
// source text, is byte-for-byte the original.
#include "reviews/store.h"
#include "skeleton/skeleton.h"
#include "support.h"
#include "xliff/content.h"

#include <catch2/catch.hpp>

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
