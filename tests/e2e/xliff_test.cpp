// XLIFF export and import on the whole corpus: valid against the official
// schemas, read by real consumers (translate-toolkit, OmegaT, npm xliff),
// and a pseudo-translation round trip that keeps every document's structure.
#include "reviews/store.h"
#include "shapes.h"
#include "skeleton/skeleton.h"
#include "support.h"
#include "xliff/content.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <map>
#include <sstream>

using namespace medloc;
using namespace medloc::test;

namespace {

struct CorpusProject {
    TempDir dir;
    fs::path db;
    explicit CorpusProject(const std::string& targets = "es-US,ar,ja,zh-Hans") : db(new_project(dir, targets)) {
        REQUIRE(run_medloc(db, {"extract", corpus_dir().string(), "--as", "pat"}).exit_code == 0);
    }
    fs::path exported(const std::vector<std::string>& options) {
        std::vector<std::string> args = {"export", "--out", (dir / "out").string()};
        args.insert(args.end(), options.begin(), options.end());
        const Result result = run_medloc(db, args);
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return dir / "out";
    }
    nlohmann::json status() {
        const Result result = run_medloc(db, {"status", "--json"});
        REQUIRE(result.exit_code == 0);
        return nlohmann::json::parse(result.out);
    }
};

std::vector<fs::path> xliff_files(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.path().extension() == ".xlf") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void check_valid(const std::vector<fs::path>& files) {
    REQUIRE(files.size() == corpus_documents().size());
    std::vector<std::string> argv = {shared_script("validate-xliff").string()};
    for (const fs::path& file : files) argv.push_back(file.string());
    const Result result = run(argv);
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    CHECK(static_cast<std::size_t>(std::count(result.out.begin(), result.out.end(), '\n')) == files.size());
}

std::size_t count_units(const fs::path& file, const char* element) {
    pugi::xml_document xml;
    REQUIRE(xml.load_file(file.c_str()));
    return xml.select_nodes((std::string("//*[local-name()='") + element + "']").c_str()).size();
}

nlohmann::json peer_json(const std::vector<std::string>& argv) {
    const Result result = run(argv);
    INFO(argv.back() << "\n" << result.out << result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

// A document of the project rebuilt with its targets in `locale`.
std::string rebuilt(reviews::Store& store, const std::string& document_id, const std::string& locale) {
    const auto version = store.current_version(document_id);
    std::map<std::string, xliff::Content> sources, targets;
    for (const reviews::StoredSegment& segment : store.version_segments(document_id, version->version)) {
        sources[segment.id] = xliff::content_from_markup(segment.source);
        const auto translation = store.translation(segment.id, locale);
        REQUIRE(translation);
        REQUIRE(translation->target);
        targets[segment.id] = xliff::content_from_markup(*translation->target);
    }
    const pipeline::Skeleton skeleton = pipeline::Skeleton::from_json(version->skeleton);
    return pipeline::rebuild(skeleton, [&](const std::string& id) {
        return pipeline::SegmentText{&sources.at(id), &targets.at(id)};
    });
}

}  // namespace

TEST_CASE("every exported corpus file is valid XLIFF 1.2 and 2.0", "[xliff][export]") {
    CorpusProject project;
    for (const char* format : {"xliff-1.2", "xliff-2.0"}) {
        INFO(format);
        // Pending units (source copies), then pseudo targets, then after a
        // translation was imported: every state and element export writes.
        const fs::path plain = project.exported({"--locale", "es-US", "--format", format});
        check_valid(xliff_files(plain / "es-US"));
        const fs::path pseudo = project.exported({"--locale", "ja", "--format", format, "--pseudo"});
        check_valid(xliff_files(pseudo / "ja"));
    }
}

TEST_CASE("an export that cannot write a document's file names it and writes none after it", "[xliff][export]") {
    CorpusProject project;
    // The files in the order export writes them, as an export that worked lists them.
    const Result listed =
        run_medloc(project.db, {"export", "--locale", "es-US", "--out", (project.dir / "x").string()});
    REQUIRE(listed.exit_code == 0);
    std::vector<std::string> order;
    std::istringstream lines(listed.out);
    for (std::string line; std::getline(lines, line);)
        if (const auto end = line.find(".xlf: "); end != std::string::npos)
            order.push_back(fs::path(line.substr(0, end + 4)).filename().string());
    REQUIRE(order.size() == corpus_documents().size());
    const fs::path out = project.dir / "again";
    // The second document's file cannot be put in place: a folder is there.
    write_file(out / "es-US" / order[1] / "kept", "a file");
    const Result failed = run_medloc(project.db, {"export", "--locale", "es-US", "--out", out.string()});
    INFO(failed.out << failed.err);
    CHECK(failed.exit_code == 4);
    CHECK(failed.err.find(order[1]) != std::string::npos);
    CHECK(fs::is_regular_file(out / "es-US" / order[0]));
    for (std::size_t i = 2; i < order.size(); ++i) CHECK_FALSE(fs::exists(out / "es-US" / order[i]));
    CHECK(read_file(out / "es-US" / order[1] / "kept") == "a file");
}

TEST_CASE("a stale translation goes out as a reference, in both versions, still valid", "[xliff][export]") {
    CorpusProject project;
    const fs::path out = project.exported({"--locale", "es-US", "--pseudo"});
    std::vector<std::string> import = {"import", "--as", "ana", "--role", "translator"};
    for (const fs::path& file : xliff_files(out / "es-US")) import.push_back(file.string());
    REQUIRE(run_medloc(project.db, import).exit_code == 0);

    // Edit one sentence of the article and extract again.
    const fs::path docs = project.dir / "docs";
    std::string article = read_file(corpus_dir() / "amps-children.txt");
    fs::create_directories(docs);
    for (const fs::path& document : corpus_documents()) fs::copy(document, docs / document.filename());
    const std::string old_sentence = "Although AMPS can afflict anyone";
    article.replace(article.find(old_sentence), old_sentence.size(), "Although AMPS can affect anyone");
    write_file(docs / "amps-children.txt", article);
    REQUIRE(run_medloc(project.db, {"extract", docs.string(), "--as", "pat"}).exit_code == 0);

    for (const char* format : {"xliff-1.2", "xliff-2.0"}) {
        INFO(format);
        fs::remove_all(project.dir / "out");
        const fs::path pending = project.exported({"--locale", "es-US", "--format", format, "--pending"});
        const std::vector<fs::path> files = xliff_files(pending / "es-US");
        REQUIRE(files.size() == 1);  // only the edited article has work left
        const std::string text = read_file(files.front());
        CHECK(text.find("can affect anyone") != std::string::npos);
        CHECK(text.find("can afflict anyone") != std::string::npos);  // the old source, with its translation
        CHECK(text.find("Åļţĥöûĝĥ ÅṀÞŠ çåñ åƒƒļîçţ åñýöñé") != std::string::npos);
        if (std::string(format) == "xliff-1.2") {
            CHECK(count_units(files.front(), "trans-unit") == 1);
            CHECK(text.find("state=\"needs-review-translation\"") != std::string::npos);
            CHECK(text.find("<alt-trans alttranstype=\"previous-version\"") != std::string::npos);
        } else {
            CHECK(count_units(files.front(), "unit") == 1);
            CHECK(text.find("subState=\"medloc:needs-translation\"") != std::string::npos);
            CHECK(text.find("<mtc:match ") != std::string::npos);
        }
        const Result valid = run({shared_script("validate-xliff").string(), files.front().string()});
        INFO(valid.out << valid.err);
        CHECK(valid.exit_code == 0);
    }
}

TEST_CASE("translate-toolkit reads every 1.2 export: same units, words within 10%", "[xliff][peer]") {
    CorpusProject project;
    const fs::path out = project.exported({"--locale", "es-US"});
    const nlohmann::json status = project.status();
    for (const nlohmann::json& document : status["documents"]) {
        const fs::path file = out / "es-US" / (document["id"].get<std::string>() + ".xlf");
        const nlohmann::json seen = peer_json({shared_script("peer-translate-toolkit").string(), file.string()});
        INFO(file << " " << seen.dump());
        CHECK(seen["units"] == document["segments"]);
        CHECK(seen["units"] == count_units(file, "trans-unit"));
        const double ratio = seen["source_words"].get<double>() / document["words"].get<double>();
        CHECK(ratio > 0.9);
        CHECK(ratio < 1.1);
    }
}

TEST_CASE("the npm xliff package parses every 2.0 export with all its units", "[xliff][peer]") {
    CorpusProject project;
    const fs::path out = project.exported({"--locale", "ar", "--format", "xliff-2.0", "--pseudo"});
    for (const fs::path& file : xliff_files(out / "ar")) {
        const nlohmann::json seen = peer_json({"node", shared_script("peer-npm-xliff.js").string(), file.string()});
        INFO(seen.dump());
        CHECK(seen["version"] == "2.0");
        CHECK(seen["units"] == count_units(file, "unit"));
        CHECK(seen["units_with_target"] == seen["units"]);
    }
}

TEST_CASE("OmegaT translates the sample's 1.2 export from the TMX and medloc imports it", "[xliff][peer]") {
    CorpusProject project;
    const fs::path out = project.exported({"--locale", "es-US"});
    const fs::path tmx = shared_dir() / "corpus" / "translations" / "amps-children.en-es.tmx";
    const fs::path returned = project.dir / "omegat" / "amps-children.txt.xlf";
    const Result omegat =
        run({shared_script("peer-omegat-roundtrip").string(), (out / "es-US" / "amps-children.txt.xlf").string(),
             tmx.string(), "en-US", "es-US", returned.string()});
    INFO(omegat.out << omegat.err);
    REQUIRE(omegat.exit_code == 0);

    const Result imported =
        run_medloc(project.db, {"import", returned.string(), "--as", "ana", "--role", "translator"});
    INFO(imported.out << imported.err);
    REQUIRE(imported.exit_code == 0);

    // Every TMX pair: a Spanish text that differs from the English is stored
    // exactly; one equal to the English comes back indistinguishable from
    // the pre-filled copy (OmegaT keeps state) and stays untranslated.
    pugi::xml_document memory;
    REQUIRE(memory.load_file(tmx.c_str()));
    std::map<std::string, std::string> spanish;
    for (const pugi::xpath_node tu : memory.select_nodes("//tu"))
        spanish[tu.node().select_node("tuv[starts-with(@xml:lang,'en')]/seg").node().text().get()] =
            tu.node().select_node("tuv[starts-with(@xml:lang,'es')]/seg").node().text().get();
    const auto opened = reviews::open_project(project.db.string());
    reviews::Store& store = *opened;
    const auto version = store.current_version("amps-children.txt");
    std::size_t stored = 0, same = 0;
    std::vector<std::string> reference_titles;
    for (const reviews::StoredSegment& segment : store.version_segments("amps-children.txt", version->version)) {
        const auto match = spanish.find(segment.plain);
        REQUIRE(match != spanish.end());
        const auto translation = store.translation(segment.id, "es-US");
        INFO(segment.plain);
        if (match->second == segment.plain) {
            CHECK_FALSE(translation);
            reference_titles.push_back(segment.id);
            ++same;
            continue;
        }
        REQUIRE(translation);
        CHECK(translation->state == reviews::State::translated);
        CHECK(translation->updated_by == "Ana Ruiz");
        CHECK(translation->target == xliff::Content{{{xliff::Run::Kind::text, match->second, 0, {}}}}.to_markup());
        ++stored;
    }
    CHECK(stored + same == 73);
    CHECK(stored == 64);
    CHECK(imported.out.find("64 translated") != std::string::npos);
    CHECK(imported.out.find(std::to_string(same) + " still the source copy") != std::string::npos);
    CHECK(same == 9);

    // Ana confirms that each of them is its own translation; the whole
    // document then goes through revision and approval, and is built alone
    // (the corpus's other documents retired from this release).
    for (const std::string& id : reference_titles)
        REQUIRE(succeeds(project.db, {"review", "keep-source", "--locale", "es-US", "--segment", id, "--as", "ana"}));
    REQUIRE(
        succeeds(project.db, {"review", "revise", "--locale", "es-US", "--doc", "amps-children.txt", "--as", "ben"}));
    REQUIRE(succeeds(project.db,
                     {"review", "approve", "--locale", "es-US", "--doc", "amps-children.txt", "--as", "carla"}));
    const nlohmann::json status = project.status();
    for (const nlohmann::json& document : status["documents"])
        if (document["id"] == "amps-children.txt") CHECK(document["locales"]["es-US"]["approved"] == 73);
        else REQUIRE(succeeds(project.db, {"retire", document["id"].get<std::string>(), "--as", "pat"}));
    const Result built =
        run_medloc(project.db, {"build", "--locale", "es-US", "--out", (project.dir / "dist").string(), "--as", "pat"});
    INFO(built.out << built.err);
    REQUIRE(built.exit_code == 0);
    CHECK(read_file(project.dir / "dist" / "es-US" / "amps-children.txt") ==
          read_file(shared_dir() / "corpus" / "translations" / "amps-children.es.txt"));
    for (const std::string& id : reference_titles) {
        const Result history = run_medloc(project.db, {"history", "--segment", id, "--locale", "es-US"});
        CHECK(history.out.find("translated as the source text") != std::string::npos);
    }
}

TEST_CASE("pseudo-translation round trip keeps every document's structure", "[xliff][roundtrip]") {
    CorpusProject project("en-XA,ar");
    // 1.2 for one locale, 2.0 for the other: both readers are exercised.
    const std::vector<std::pair<std::string, std::string>> runs = {{"en-XA", "xliff-1.2"}, {"ar", "xliff-2.0"}};
    for (const auto& [locale, format] : runs) {
        const fs::path out = project.exported({"--locale", locale, "--format", format, "--pseudo"});
        std::vector<std::string> import = {"import", "--as", "ana", "--role", "translator"};
        for (const fs::path& file : xliff_files(out / locale)) import.push_back(file.string());
        const Result result = run_medloc(project.db, import);
        INFO(result.out << result.err);
        REQUIRE(result.exit_code == 0);
    }
    const auto opened = reviews::open_project(project.db.string());
    reviews::Store& store = *opened;
    for (const fs::path& document : corpus_documents()) {
        const std::string source = read_file(document);
        for (const auto& [locale, format] : runs) {
            INFO(document.filename() << " " << locale);
            const std::string built = rebuilt(store, document.filename().string(), locale);
            CHECK(built != source);
            CHECK(built.find("·") != std::string::npos);
            CHECK(shape_of(document, built) == shape_of(document, source));
        }
    }
}

namespace {

pugi::xml_node append_copy_of_children(pugi::xml_node to, pugi::xml_node from) {
    for (pugi::xml_node child : from.children()) to.append_copy(child);
    return to;
}

// Every element of the file under prefix `prefix` instead of the default namespace.
void prefix_elements(pugi::xml_node node, const std::string& prefix) {
    if (node.type() != pugi::node_element) return;
    node.set_name((prefix + ":" + node.name()).c_str());
    for (pugi::xml_node child : node.children()) prefix_elements(child, prefix);
}

// Saves `xml` with the XLIFF namespace under `prefix` instead of the default.
void save_prefixed(pugi::xml_document& xml, const fs::path& file, const std::string& prefix) {
    pugi::xml_node root = xml.document_element();
    const std::string xliff_namespace = root.attribute("xmlns").value();
    prefix_elements(root, prefix);
    root.remove_attribute("xmlns");
    root.append_attribute(("xmlns:" + prefix).c_str()) = xliff_namespace.c_str();
    REQUIRE(xml.save_file(file.c_str(), "", pugi::format_raw));
}

Result import_all(const fs::path& db, const fs::path& folder, const std::string& role = "translator") {
    std::vector<std::string> args = {"import", "--as", "ana", "--role", role};
    for (const fs::path& file : xliff_files(folder)) args.push_back(file.string());
    return run_medloc(db, args);
}

// Every file of the locale's folder imports, and every unit is translated.
void imports_every_unit(CorpusProject& project, const fs::path& out, const std::string& locale) {
    const Result result = import_all(project.db, out / locale);
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    const nlohmann::json status = project.status();  // kept alive while iterated
    for (const nlohmann::json& document : status["documents"])
        CHECK(document["locales"][locale]["translated"] == document["segments"]);
}

}  // namespace

TEST_CASE("import reads XLIFF 1.2 reshaped as tools return it", "[xliff][import]") {
    CorpusProject project("en-XA");
    const fs::path out = project.exported({"--locale", "en-XA", "--pseudo"});
    for (const fs::path& file : xliff_files(out / "en-XA")) {
        pugi::xml_document xml;
        REQUIRE(xml.load_file(file.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
        pugi::xml_node root = xml.document_element();
        root.append_attribute("xmlns:okp") = "okapi-framework:xliff-extensions";
        pugi::xml_node body = root.child("file").child("body");
        pugi::xml_node group = body.prepend_child("group");
        group.append_attribute("id") = "g1";
        group.append_attribute("okp:kind") = "section";
        for (pugi::xml_node unit = group.next_sibling("trans-unit"); unit; unit = group.next_sibling("trans-unit")) {
            unit.append_attribute("okp:engine") = "test";
            // Sentence segmentation with <mrk mtype="seg">, source and target.
            pugi::xml_node seg_source = unit.insert_child_after("seg-source", unit.child("source"));
            pugi::xml_node mrk = seg_source.append_child("mrk");
            mrk.append_attribute("mtype") = "seg";
            mrk.append_attribute("mid") = "0";
            append_copy_of_children(mrk, unit.child("source"));
            pugi::xml_node target = unit.child("target");
            pugi::xml_node wrapped = unit.insert_child_after("target", target);
            wrapped.append_attribute("state") = "translated";
            pugi::xml_node target_mrk = wrapped.append_child("mrk");
            target_mrk.append_attribute("mtype") = "seg";
            target_mrk.append_attribute("mid") = "0";
            append_copy_of_children(target_mrk, target);
            unit.remove_child(target);
            group.append_move(unit);
        }
        save_prefixed(xml, file, "xlf");
    }
    imports_every_unit(project, out, "en-XA");
}

TEST_CASE("import reads XLIFF 2.0 reshaped as tools return it", "[xliff][import]") {
    CorpusProject project("ar");
    const fs::path out = project.exported({"--locale", "ar", "--format", "xliff-2.0", "--pseudo"});
    for (const fs::path& file : xliff_files(out / "ar")) {
        pugi::xml_document xml;
        REQUIRE(xml.load_file(file.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
        pugi::xml_node root = xml.document_element();
        // medloc's namespace under another prefix, a group, foreign elements, an ignorable.
        root.remove_attribute("xmlns:medloc");
        root.append_attribute("xmlns:m") = "urn:medloc:xliff";
        root.append_attribute("xmlns:tool") = "urn:example:tool";
        pugi::xml_node file_node = root.child("file");
        for (const char* name : {"project", "version", "format"}) {
            pugi::xml_attribute old = file_node.attribute((std::string("medloc:") + name).c_str());
            file_node.append_attribute((std::string("m:") + name).c_str()) = old.value();
            file_node.remove_attribute(old);
        }
        pugi::xml_node group = file_node.prepend_child("group");
        group.append_attribute("id") = "g1";
        for (pugi::xml_node unit = group.next_sibling("unit"); unit; unit = group.next_sibling("unit")) {
            unit.prepend_child("tool:meta").text() = "checked";
            pugi::xml_node ignorable = unit.append_child("ignorable");
            ignorable.append_child("source");
            group.append_move(unit);
        }
        save_prefixed(xml, file, "x2");
    }
    imports_every_unit(project, out, "ar");
}

TEST_CASE("a file translated and saved by translate-toolkit imports", "[xliff][peer]") {
    CorpusProject project("es-US");
    const fs::path out = project.exported({"--locale", "es-US"});
    const fs::path file = out / "es-US" / "eczema-skin-care.html.xlf";
    const Result filled =
        run({"/usr/bin/python3", (fs::path(MEDLOC_TESTS) / "peers" / "tt-fill.py").string(), file.string()});
    INFO(filled.out << filled.err);
    REQUIRE(filled.exit_code == 0);
    const Result result = run_medloc(project.db, {"import", file.string(), "--as", "ana", "--role", "translator"});
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    const std::string translated = filled.out.substr(0, filled.out.find('\n'));
    CHECK(std::stoi(translated) > 50);
    CHECK(result.out.find(translated + " translated") != std::string::npos);
    const nlohmann::json status = project.status();
    for (const nlohmann::json& document : status["documents"])
        if (document["id"] == "eczema-skin-care.html")
            CHECK(document["locales"]["es-US"]["translated"] == std::stoi(translated));
}
