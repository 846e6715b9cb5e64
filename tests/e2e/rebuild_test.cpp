// Every corpus document, rebuilt from its stored skeleton with its own
// source text, is byte-for-byte the original.
#include "reviews/store.h"
#include "skeleton/skeleton.h"
#include "support.h"
#include "xliff/content.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>

using namespace medloc;
using namespace medloc::test;

namespace {

// A document version's segments, by id, as content read from their markup.
std::map<std::string, xliff::Content> stored_sources(reviews::Store& store, const std::string& id,
                                                     std::int64_t version) {
    std::map<std::string, xliff::Content> sources;
    for (const reviews::StoredSegment& segment : store.version_segments(id, version))
        sources[segment.id] = xliff::content_from_markup(segment.source);
    return sources;
}

}  // namespace

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
        std::map<std::string, xliff::Content> sources = stored_sources(store, id, version->version);
        REQUIRE_FALSE(sources.empty());
        const pipeline::Skeleton skeleton = pipeline::Skeleton::from_json(version->skeleton);
        const std::string rebuilt = pipeline::rebuild(skeleton, [&](const std::string& segment_id) {
            const xliff::Content& source = sources.at(segment_id);
            return pipeline::SegmentText{&source, &source};
        });
        CHECK(rebuilt == read_file(path));
    }
}

namespace {

// A skeleton in the form medloc wrote before it left defaults out: every
// slot an object with its id, encoding, codes and spellings.
std::string full_form(const std::string& stored) {
    nlohmann::json skeleton = nlohmann::json::parse(stored);
    const nlohmann::json usual = skeleton.value("encoding", nlohmann::json("text"));
    skeleton.erase("encoding");
    for (nlohmann::json& slot : skeleton.at("slots")) {
        if (slot.is_string()) slot = nlohmann::json{{"id", slot}};
        if (!slot.contains("encoding")) slot["encoding"] = usual;
        if (!slot.contains("codes")) slot["codes"] = nlohmann::json::object();
        if (!slot.contains("spellings")) slot["spellings"] = nlohmann::json::array();
    }
    return skeleton.dump();
}

}  // namespace

// A version's skeleton is stored whole with every version: a slot keeps only
// what is not a default, and the full form of earlier projects still reads.
TEST_CASE("a skeleton is stored without its defaults and the full form of earlier medloc rebuilds alike", "[rebuild]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    REQUIRE(run_medloc(db, {"extract", corpus_dir().string(), "--as", "pat"}).exit_code == 0);
    const auto opened = reviews::open_project(db.string());
    reviews::Store& store = *opened;
    std::size_t stored_bytes = 0, full_bytes = 0;
    for (const fs::path& path : corpus_documents()) {
        const std::string id = path.filename().string();
        INFO(id);
        const auto version = store.current_version(id);
        REQUIRE(version);
        std::map<std::string, xliff::Content> sources = stored_sources(store, id, version->version);
        const auto lookup = [&](const std::string& segment_id) {
            const xliff::Content& source = sources.at(segment_id);
            xliff::Content target = source;
            for (xliff::Run& run : target.runs)
                if (!run.is_code()) run.text = "\"<" + run.text + " & co>*_";
            return pipeline::SegmentText{&source, &sources.emplace("t" + segment_id, target).first->second};
        };
        CHECK(version->skeleton.find("\"codes\":{}") == std::string::npos);
        CHECK(version->skeleton.find("\"spellings\":[]") == std::string::npos);
        const std::string full = full_form(version->skeleton);
        const pipeline::Skeleton compact = pipeline::Skeleton::from_json(version->skeleton);
        const pipeline::Skeleton earlier = pipeline::Skeleton::from_json(full);
        CHECK(pipeline::rebuild(earlier, lookup) == pipeline::rebuild(compact, lookup));
        CHECK(earlier.to_json() == version->skeleton);
        stored_bytes += version->skeleton.size();
        full_bytes += full.size();
    }
    CHECK(stored_bytes * 3 < full_bytes * 2);
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

// The documents past extract's memory budget wait in a scratch file in the
// temporary folder: one that cannot be made stops extract before the write
// lock, naming the folder (exit 4, DESIGN.md), and the project is unchanged.
TEST_CASE("extract that cannot set documents aside in the temporary folder names it and changes nothing",
          "[rebuild][extract]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    for (const fs::path& path : corpus_documents()) write_file(dir / "docs" / path.filename(), read_file(path));
    const fs::path missing = dir / "no-such-folder";
    const std::string before = read_file(db);
    const Result result = run({"env", "TMPDIR=" + missing.string(), "MEDLOC_TEST_EXTRACT_KEPT_BYTES=1", MEDLOC_BINARY,
                               "--db", db.string(), "extract", (dir / "docs").string(), "--as", "pat",
                               "--password-file", passphrase_file(db, "pat").string()});
    INFO(result.err);
    CHECK(result.exit_code == 4);
    CHECK_THAT(result.err, Catch::Contains("a temporary file in " + missing.string() + ": cannot be made"));
    CHECK_THAT(result.err, Catch::Contains("set TMPDIR to a folder with room"));
    CHECK(read_file(db) == before);
    CHECK_FALSE(fs::exists(missing));
    // With a folder to set them aside in, the same documents are extracted.
    fs::create_directories(missing);
    const Result again = run({"env", "TMPDIR=" + missing.string(), "MEDLOC_TEST_EXTRACT_KEPT_BYTES=1", MEDLOC_BINARY,
                              "--db", db.string(), "extract", (dir / "docs").string(), "--as", "pat", "--password-file",
                              passphrase_file(db, "pat").string()});
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK(fs::is_empty(missing));  // the scratch file had no name, and is gone
}
