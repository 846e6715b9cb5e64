// The translation memory (issue 15): the sample's TMX into a new project,
// leverage at export (exact, in context, fuzzy) on a copy of the article
// edited by gen-corpus --mutate, analysis by band, and the project's own
// memory written as TMX and read back by translate-toolkit and OmegaT.
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <map>
#include <set>
#include <sstream>

using namespace medloc::test;

namespace {

const std::string kDoc = "amps-children.txt";

fs::path sample_memory() { return fs::path(MEDLOC_TRANSLATIONS) / "amps-children.en-es.tmx"; }

// English -> Spanish of the sample's memory.
std::map<std::string, std::string> sample_pairs() {
    pugi::xml_document tmx;
    REQUIRE(tmx.load_file(sample_memory().c_str()));
    std::map<std::string, std::string> pairs;
    for (const pugi::xpath_node tu : tmx.select_nodes("//tu"))
        pairs[tu.node().select_node("tuv[@xml:lang='en']/seg").node().text().get()] =
            tu.node().select_node("tuv[@xml:lang='es']/seg").node().text().get();
    return pairs;
}

struct Unit {
    std::string source;
    std::string target;
    std::string state_qualifier;
    std::vector<std::pair<int, std::string>> alternatives;  // match-quality, target
};

// The units of an exported XLIFF 1.2 file, by id.
std::map<std::string, Unit> units_of(const fs::path& file) {
    pugi::xml_document xliff;
    REQUIRE(xliff.load_file(file.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    std::map<std::string, Unit> units;
    for (const pugi::xpath_node node : xliff.select_nodes("//trans-unit")) {
        Unit unit;
        unit.source = node.node().child("source").text().get();
        unit.target = node.node().child("target").text().get();
        unit.state_qualifier = node.node().child("target").attribute("state-qualifier").value();
        for (const pugi::xml_node alt : node.node().children("alt-trans"))
            unit.alternatives.emplace_back(alt.attribute("match-quality").as_int(), alt.child("target").text().get());
        units[node.node().attribute("id").value()] = unit;
    }
    return units;
}

// A project holding the sample article in es-US.
struct Sample {
    TempDir dir;
    fs::path db = new_project(dir, "es-US");

    Sample() {
        write_file(dir / "docs" / kDoc, read_file(corpus_dir() / kDoc));
        REQUIRE(succeeds(db, {"extract", (dir / "docs").string(), "--as", "pat"}));
    }

    fs::path exported(const std::string& name, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"export", "--locale", "es-US", "--out", (dir / name).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const Result result = run_medloc(db, args);
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return dir / name / "es-US";
    }

    // The sample translated from its TMX, revised and approved.
    void approve_from_memory() {
        REQUIRE(succeeds(db, {"tm", "import", sample_memory().string(), "--as", "pat"}));
        const fs::path file = exported("leveraged") / (kDoc + ".xlf");
        REQUIRE(
            succeeds(db, {"import", file.string(), "--as", "ana", "--role", "translator", "--confirm-source-copies"}));
        REQUIRE(succeeds(db, {"review", "revise", "--locale", "es-US", "--all", "--as", "ben"}));
        REQUIRE(succeeds(db, {"review", "approve", "--locale", "es-US", "--all", "--as", "carla"}));
    }

    nlohmann::json analysis() {
        const Result result = run_medloc(db, {"analyze", "--locale", "es-US", "--json"});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return nlohmann::json::parse(result.out);
    }
};

std::int64_t band_words(const nlohmann::json& bands, const std::vector<std::string>& names) {
    std::int64_t words = 0;
    for (const std::string& name : names) words += bands[name]["words"].get<std::int64_t>();
    return words;
}

}  // namespace

TEST_CASE("the sample's TMX in a new project pre-fills all 73 units as exact matches", "[memory]") {
    Sample sample;
    const Result imported = run_medloc(sample.db, {"tm", "import", sample_memory().string(), "--as", "pat"});
    INFO(imported.out << imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out.find("73 translation unit(s)") != std::string::npos);

    // Analysis: every pending word is a 100% match; the bands add up.
    const nlohmann::json analysis = sample.analysis();
    const nlohmann::json& total = analysis["total"];
    CHECK(total["segments"] == 73);
    CHECK(band_words(total["bands"], {"100%"}) == total["words"]);
    std::int64_t all = 0;
    for (const auto& [band, counts] : total["bands"].items()) all += counts["words"].get<std::int64_t>();
    CHECK(all == total["words"]);

    const std::map<std::string, std::string> spanish = sample_pairs();
    const std::map<std::string, Unit> units = units_of(sample.exported("out") / (kDoc + ".xlf"));
    REQUIRE(units.size() == 73);
    for (const auto& [id, unit] : units) {
        INFO(unit.source);
        CHECK(unit.state_qualifier == "leveraged-tm");
        CHECK(unit.target == spanish.at(unit.source));
        REQUIRE_FALSE(unit.alternatives.empty());
        CHECK(unit.alternatives.front().first == 100);
    }
    // Leverage approves nothing, and translates nothing until a person imports it.
    const nlohmann::json status = nlohmann::json::parse(run_medloc(sample.db, {"status", "--json"}).out);
    CHECK(status["documents"][0]["locales"]["es-US"]["new"] == 73);
}

TEST_CASE("leveraged text becomes the importer's translation, reviewed and approved as any, then built", "[memory]") {
    Sample sample;
    sample.approve_from_memory();
    const Result history = run_medloc(sample.db, {"history", "--doc", kDoc, "--locale", "es-US"});
    CHECK(history.out.find("Ana Ruiz") != std::string::npos);
    const Result built =
        run_medloc(sample.db, {"build", "--locale", "es-US", "--out", (sample.dir / "dist").string(), "--as", "pat"});
    INFO(built.out << built.err);
    REQUIRE(built.exit_code == 0);
    CHECK(read_file(sample.dir / "dist" / "es-US" / kDoc) ==
          read_file(fs::path(MEDLOC_TRANSLATIONS) / "amps-children.es.txt"));
    const Result audit = run_medloc(sample.db, {"audit", "verify"});
    INFO(audit.out << audit.err);
    CHECK(audit.exit_code == 0);
}

TEST_CASE("a mutated copy gets in-context matches for its unchanged sentences and fuzzy ones for its edits",
          "[memory]") {
    Sample sample;
    sample.approve_from_memory();
    // gen-corpus --mutate edits some sentences of a copy and logs the originals.
    const fs::path in = sample.dir / "mutate-in", out = sample.dir / "mutate-out", log = sample.dir / "mutations.tsv";
    write_file(in / kDoc, read_file(corpus_dir() / kDoc));
    const Result mutated = run({"python3", shared_script("gen-corpus").string(), "--mutate", "10", "--from",
                                in.string(), "--out", out.string(), "--seed", "3", "--log", log.string()});
    INFO(mutated.out << mutated.err);
    REQUIRE(mutated.exit_code == 0);
    std::set<std::string> edited_originals;
    std::istringstream lines(read_file(log));
    std::string line;
    std::getline(lines, line);  // the header
    while (std::getline(lines, line)) edited_originals.insert(line.substr(line.rfind('\t') + 1));
    REQUIRE(edited_originals.size() >= 3);
    write_file(sample.dir / "docs" / "amps-children-2026.txt", read_file(out / kDoc));
    REQUIRE(succeeds(sample.db, {"extract", (sample.dir / "docs").string(), "--as", "pat"}));

    const std::map<std::string, std::string> spanish = sample_pairs();
    const std::map<std::string, Unit> units =
        units_of(sample.exported("copy", {"--pending"}) / "amps-children-2026.txt.xlf");
    std::size_t unchanged = 0, in_context = 0, edited = 0, fuzzy_with_old = 0;
    for (const auto& [id, unit] : units) {
        INFO(unit.source);
        if (spanish.contains(unit.source)) {
            // Unchanged: pre-filled with its approved translation, in context.
            ++unchanged;
            CHECK(unit.target == spanish.at(unit.source));
            CHECK((unit.state_qualifier == "exact-match" || unit.state_qualifier == "leveraged-tm"));
            in_context += unit.state_qualifier == "exact-match";
            continue;
        }
        // Edited: never pre-filled; offered the old translation when close enough.
        ++edited;
        CHECK(unit.state_qualifier.empty());
        CHECK(unit.target == unit.source);
        for (const auto& [quality, target] : unit.alternatives) {
            CHECK(quality >= 75);
            CHECK(quality <= 99);
            for (const std::string& original : edited_originals)
                if (spanish.contains(original) && target == spanish.at(original)) {
                    ++fuzzy_with_old;
                    break;
                }
        }
    }
    CHECK(edited == edited_originals.size());
    CHECK(unchanged + edited == units.size());
    // Only a sentence between two edits has neither neighbour it had.
    CHECK(in_context + 1 >= unchanged);
    CHECK(fuzzy_with_old >= edited / 2);

    // The analysis of the same job: in-context and 100% words are the
    // unchanged sentences', fuzzy and new the edited ones'; all add up.
    const nlohmann::json analysis = sample.analysis();
    REQUIRE(analysis["documents"].size() == 1);
    const nlohmann::json& bands = analysis["total"]["bands"];
    CHECK(bands["in-context"]["segments"].get<std::size_t>() == in_context);
    CHECK(bands["in-context"]["segments"].get<std::size_t>() + bands["100%"]["segments"].get<std::size_t>() ==
          unchanged);
    std::int64_t all = 0;
    for (const auto& [band, counts] : bands.items()) all += counts["words"].get<std::int64_t>();
    CHECK(all == analysis["total"]["words"]);
    const nlohmann::json status = nlohmann::json::parse(run_medloc(sample.db, {"status", "--json"}).out);
    for (const nlohmann::json& document : status["documents"])
        if (document["id"] == "amps-children-2026.txt") CHECK(document["words"] == analysis["total"]["words"]);
    const Result csv = run_medloc(sample.db, {"analyze", "--locale", "es-US", "--csv"});
    CHECK(csv.out.find("total,") != std::string::npos);
}

TEST_CASE("the project's memory as TMX is read by translate-toolkit and by OmegaT", "[memory][peer]") {
    Sample sample;
    sample.approve_from_memory();
    const fs::path tmx = sample.dir / "project.tmx";
    const Result written = run_medloc(sample.db, {"tm", "export", "--locale", "es-US", "--out", tmx.string()});
    INFO(written.out << written.err);
    REQUIRE(written.exit_code == 0);
    const std::map<std::string, std::string> spanish = sample_pairs();

    // translate-toolkit's TMX reader: every pair, with its text.
    const Result read =
        run({"/usr/bin/python3", (fs::path(MEDLOC_TESTS) / "peers" / "tt-tmx.py").string(), tmx.string()});
    INFO(read.out << read.err);
    REQUIRE(read.exit_code == 0);
    const nlohmann::json pairs = nlohmann::json::parse(read.out);
    CHECK(pairs.size() == 71);  // 73 segments, two pairs of them repeated
    for (const nlohmann::json& pair : pairs) CHECK(spanish.at(pair["source"]) == pair["target"]);

    // OmegaT: a new project's export, translated from the memory alone.
    Sample fresh;
    const fs::path file = fresh.exported("out") / (kDoc + ".xlf");
    const fs::path returned = fresh.dir / "omegat" / (kDoc + ".xlf");
    const Result omegat = run({shared_script("peer-omegat-roundtrip").string(), file.string(), tmx.string(), "en-US",
                               "es-US", returned.string()});
    INFO(omegat.out << omegat.err);
    REQUIRE(omegat.exit_code == 0);
    std::size_t translated = 0;
    for (const auto& [id, unit] : units_of(returned))
        if (unit.target == spanish.at(unit.source) && unit.target != unit.source) ++translated;
    CHECK(translated == 64);  // every pair whose Spanish is not the English itself
}

TEST_CASE("tm import is a publisher's act and refuses a memory medloc cannot read", "[memory][bad-input]") {
    Sample sample;
    check_refused(sample.db, {"tm", "import", sample_memory().string(), "--as", "ana"}, "Ana Ruiz", "publisher", 3);
    const fs::path bad = sample.dir / "bad.tmx";
    write_file(bad, "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY dose \"50 mL\">]>\n<tmx version=\"1.4\"/>\n");
    check_refused(sample.db, {"tm", "import", bad.string(), "--as", "pat"}, bad.string() + ":2:", "internal subset");
    write_file(bad, "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>\n");
    check_refused(sample.db, {"tm", "import", bad.string(), "--as", "pat"}, bad.string(), "not a TMX file");
    write_file(bad,
               "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>G\xe9"
               "</seg></tuv></tu></body></tmx>\n");
    check_refused(sample.db, {"tm", "import", bad.string(), "--as", "pat"}, bad.string(), "invalid UTF-8");
}

TEST_CASE("a unit slipped into the memory outside medloc fails the audit", "[memory][audit]") {
    constexpr const char* kColumns =
        "INSERT INTO memory_unit (event, source_language, target_language, source, plain, target, translator, "
        "translator_id, approver, created_at, changed_at, document_id, context, origin, tuid, unit_key) ";
    // The people, dates and origin of a unit medloc wrote: only its texts are forged.
    constexpr const char* kReal =
        "(SELECT * FROM memory_unit WHERE origin = (SELECT id FROM text WHERE content = "
        "'project') LIMIT 1) u";
    const std::vector<std::string> forgeries = {
        // A "project approval" no clinician gave, for leverage to pre-fill.
        "INSERT INTO text (key, content) VALUES (1, 'Give 5 mL.'), (2, 'Dé 50 mL.'); " + std::string(kColumns) +
            "SELECT (SELECT MAX(id) FROM event), u.source_language, u.target_language, (SELECT id FROM text WHERE "
            "key = 1), (SELECT id FROM text WHERE key = 1), (SELECT id FROM text WHERE key = 2), u.translator, "
            "u.translator_id, u.approver, u.created_at, u.changed_at, u.document_id, '', u.origin, u.tuid, 1 FROM " +
            kReal,
        // A real approval's target offered for another sentence.
        "INSERT INTO text (key, content) VALUES (3, 'Give 50 mL every hour.'); " + std::string(kColumns) +
            "SELECT e.id, u.source_language, u.target_language, e.source, (SELECT id FROM text WHERE key = 3), "
            "e.target, u.translator, u.translator_id, u.approver, u.created_at, u.changed_at, u.document_id, '', "
            "u.origin, u.tuid, 2 FROM event e, " +
            kReal + " WHERE e.stamp IN (SELECT id FROM stamp WHERE meaning = 'approved for clinical accuracy') LIMIT 1",
        // A unit said to come from a TMX file no one imported.
        "INSERT INTO text (key, content) VALUES (4, 'forged.tmx'); " + std::string(kColumns) +
            "SELECT u.event, u.source_language, u.target_language, u.source, u.plain, u.target, u.translator, "
            "u.translator_id, u.approver, u.created_at, u.changed_at, u.document_id, '', (SELECT id FROM text "
            "WHERE key = 4), u.tuid, 3 FROM " +
            kReal};
    for (const std::string& forgery : forgeries) {
        INFO(forgery);
        Sample sample;
        sample.approve_from_memory();
        REQUIRE(succeeds(sample.db, {"audit", "verify"}));
        const Result forged = run({"sqlite3", sample.db.string(), forgery});
        REQUIRE(forged.exit_code == 0);
        const Result audit = run_medloc(sample.db, {"audit", "verify"});
        INFO(audit.out << audit.err);
        CHECK(audit.exit_code != 0);
        CHECK((audit.out + audit.err).find("translation memory") != std::string::npos);
    }
}

TEST_CASE("text taken from the memory is also its translator's: they cannot revise it", "[memory][four-eyes]") {
    Sample sample;
    // Dan (translator, reviser and clinician) translates the sample; Ben
    // revises, Carla approves: the memory remembers Dan's translations.
    REQUIRE(succeeds(sample.db, {"tm", "import", sample_memory().string(), "--as", "pat"}));
    const fs::path file = sample.exported("leveraged") / (kDoc + ".xlf");
    REQUIRE(succeeds(sample.db,
                     {"import", file.string(), "--as", "dan", "--role", "translator", "--confirm-source-copies"}));
    REQUIRE(succeeds(sample.db, {"review", "revise", "--locale", "es-US", "--all", "--as", "ben"}));
    REQUIRE(succeeds(sample.db, {"review", "approve", "--locale", "es-US", "--all", "--as", "carla"}));
    // A copy of the article, pre-filled from the memory, imported by Ana as it came.
    write_file(sample.dir / "docs" / "amps-copy.txt", read_file(corpus_dir() / kDoc));
    REQUIRE(succeeds(sample.db, {"extract", (sample.dir / "docs").string(), "--as", "pat"}));
    const fs::path copy = sample.exported("copy", {"--pending"}) / "amps-copy.txt.xlf";
    REQUIRE(succeeds(sample.db,
                     {"import", copy.string(), "--as", "ana", "--role", "translator", "--confirm-source-copies"}));
    const Result history = run_medloc(sample.db, {"history", "--doc", "amps-copy.txt", "--locale", "es-US"});
    CHECK(history.out.find("from the translation memory (project, translated by Dan Alder)") != std::string::npos);
    check_refused(
        sample.db,
        {"review", "revise", "--locale", "es-US", "--doc", "amps-copy.txt", "--as", "dan", "--role", "reviser"},
        "amps-copy.txt", "Dan Alder translated it", 3);
    REQUIRE(succeeds(sample.db, {"review", "revise", "--locale", "es-US", "--doc", "amps-copy.txt", "--as", "ben"}));
}
