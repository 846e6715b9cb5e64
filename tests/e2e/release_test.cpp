// The gate binds what was signed (issue 11): a document's clinical review
// is four eyes too, covers only what its act names, and stands only while
// the document version, its whole source and every target are what it
// signed.
#include "support.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <nlohmann/json.hpp>

using namespace medloc::test;

namespace {

const std::string kPage = "eczema-skin-care.html";
const std::string kText = "amps-children.txt";

// The two documents extracted by pat, translated by `translator`, revised
// by ben.
struct Revised {
    TempDir dir;
    fs::path db = new_project(dir, "es-US");
    fs::path docs = dir / "docs";

    explicit Revised(const std::string& translator = "ana") {
        for (const std::string& name : {kPage, kText}) write_file(docs / name, read_file(corpus_dir() / name));
        REQUIRE(ok({"extract", docs.string(), "--as", "pat"}));
        REQUIRE(ok({"export", "--locale", "es-US", "--out", (dir / "pseudo").string(), "--pseudo"}));
        REQUIRE(
            ok({"import", (dir / "pseudo" / "es-US" / (kPage + ".xlf")).string(),
                (dir / "pseudo" / "es-US" / (kText + ".xlf")).string(), "--as", translator, "--role", "translator"}));
        REQUIRE(ok({"review", "revise", "--locale", "es-US", "--all", "--as", "ben"}));
    }

    bool ok(const std::vector<std::string>& args) const { return succeeds(db, args); }

    std::vector<std::string> approve(const std::string& scope, const std::string& who) const {
        std::vector<std::string> args = {"review", "approve", "--locale", "es-US", "--as", who};
        if (scope == "--all") args.push_back("--all");
        else args.insert(args.end(), {"--doc", scope});
        return args;
    }

    Result build() const {
        return run_medloc(db, {"build", "--locale", "es-US", "--out", (dir / "dist").string(), "--as", "pat"});
    }

    // How many whole-document reviews the log holds for `document`.
    int document_reviews(const std::string& document) const {
        const Result history = run_medloc(db, {"history", "--doc", document, "--json"});
        int count = 0;
        for (const nlohmann::json& entry : nlohmann::json::parse(history.out))
            count += entry["segment"].is_null() ? 1 : 0;
        return count;
    }

    nlohmann::json review_of(const std::string& document) const {
        const nlohmann::json status = nlohmann::json::parse(run_medloc(db, {"status", "--json"}).out);
        for (const nlohmann::json& entry : status["documents"])
            if (entry["id"] == document) return entry["locales"]["es-US"]["review"];
        return {};
    }
};

}  // namespace

TEST_CASE("the translator of a document cannot sign its clinical review, even once its segments are approved",
          "[release][four-eyes]") {
    Revised project("dan");  // dan holds every role
    REQUIRE(project.ok(project.approve(kText, "carla")));
    CHECK(project.document_reviews(kText) == 1);
    // Every segment is approved already; before, this recorded a review by dan.
    check_refused(project.db, project.approve(kText, "dan"), "refused",
                  kText +
                      "  (document)  -: Dan Alder wrote or revised targets of this document in es-US; its "
                      "clinical review must be someone else's",
                  3);
    CHECK(project.document_reviews(kText) == 1);
}

TEST_CASE("nor through XLIFF: a clinician's all-final file from the translator signs no review",
          "[release][four-eyes]") {
    Revised project("dan");
    REQUIRE(project.ok(project.approve(kText, "carla")));
    REQUIRE(project.ok({"export", "--locale", "es-US", "--out", (project.dir / "final").string()}));
    const fs::path file = project.dir / "final" / "es-US" / (kText + ".xlf");
    REQUIRE(read_file(file).find("state=\"final\"") != std::string::npos);
    check_refused(project.db, {"import", file.string(), "--as", "dan", "--role", "clinical"}, "refused",
                  "Dan Alder wrote or revised targets of this document in es-US; its clinical review must be "
                  "someone else's",
                  3);
    CHECK(project.document_reviews(kText) == 1);
}

TEST_CASE("approve --all reviews only the documents whose segments it approved", "[release]") {
    Revised project;
    REQUIRE(project.ok(project.approve(kText, "carla")));
    REQUIRE(project.ok(project.approve("--all", "carla")));  // approves the page's segments
    CHECK(project.document_reviews(kText) == 1);             // not renewed by an act that approved none of it
    CHECK(project.document_reviews(kPage) == 1);
}

TEST_CASE("a change outside the text withdraws the document's review until a clinician signs again", "[release]") {
    Revised project;
    REQUIRE(project.ok(project.approve("--all", "carla")));
    REQUIRE(project.build().exit_code == 0);
    // The clinic's phone number changes in a link; no sentence does.
    std::string page = read_file(project.docs / kPage);
    page.replace(page.find("tel:+12165550121"), 16, "tel:+12165550999");
    write_file(project.docs / kPage, page);
    const Result extract = run_medloc(project.db, {"extract", project.docs.string(), "--as", "pat"});
    REQUIRE(extract.exit_code == 0);
    CHECK(extract.out.find(kPage + ": version 2, ") != std::string::npos);
    CHECK(extract.out.find("0 new, 0 changed, ") != std::string::npos);
    CHECK(extract.out.find("changed outside the text") != std::string::npos);
    CHECK(extract.out.find("withdraws the clinical review of es-US: ") != std::string::npos);
    CHECK(project.review_of(kPage)["standing"] == "withdrawn");

    const Result refused = project.build();
    CHECK(refused.exit_code == 3);
    CHECK(refused.err.find(kPage + "  (document)  -: the clinical review of ") != std::string::npos);
    CHECK(refused.err.find("is withdrawn: it signed version 1; the document is at version 2") != std::string::npos);
    CHECK(read_file(project.dir / "dist" / "es-US" / kPage).find("tel:+12165550121") != std::string::npos);

    REQUIRE(project.ok(project.approve(kPage, "carla")));
    CHECK(project.review_of(kPage)["standing"] == "current");
    REQUIRE(project.build().exit_code == 0);
    CHECK(read_file(project.dir / "dist" / "es-US" / kPage).find("tel:+12165550999") != std::string::npos);
}

TEST_CASE("a target changed and signed again withdraws the document's review", "[release]") {
    Revised project;
    REQUIRE(project.ok(project.approve("--all", "carla")));
    const std::string segment =
        run({"sqlite3", project.db.string(),
             "SELECT s.id FROM segment s JOIN document d ON d.id = s.document_id WHERE d.id = '" + kText +
                 "' LIMIT 1 OFFSET 3"})
            .out.substr(0, 16);
    REQUIRE(project.ok({"review", "reject", "--locale", "es-US", "--segment", segment, "--as", "carla", "--comment",
                        "Say it as the clinic does"}));
    const fs::path file = project.dir / "again";
    REQUIRE(project.ok({"export", "--locale", "es-US", "--pending", "--pseudo", "--out", file.string()}));
    REQUIRE(
        project.ok({"import", (file / "es-US" / (kText + ".xlf")).string(), "--as", "eve", "--role", "translator"}));
    REQUIRE(project.ok({"review", "revise", "--locale", "es-US", "--segment", segment, "--as", "ben"}));
    REQUIRE(project.ok({"review", "approve", "--locale", "es-US", "--segment", segment, "--as", "carla"}));
    // Every segment is approved again, but the review signed other targets.
    const nlohmann::json review = project.review_of(kText);
    CHECK(review["standing"] == "withdrawn");
    CHECK(review["withdrawn_because"] == "a target was changed, rejected or signed again since");
    const Result refused = project.build();
    CHECK(refused.exit_code == 3);
    CHECK(refused.err.find(kText + "  (document)  -: the clinical review of ") != std::string::npos);
    REQUIRE(project.ok(project.approve(kText, "carla")));
    CHECK(project.build().exit_code == 0);
}

namespace {

// One page, extracted by pat, pseudo-translated by ana, revised by ben and
// approved by carla: ready to build if nothing else stops it.
struct Page {
    TempDir dir;
    fs::path db = new_project(dir, "es-US");

    explicit Page(const std::string& html) {
        write_file(dir / "docs" / "page.html", html);
        REQUIRE(ok({"extract", (dir / "docs").string(), "--as", "pat"}));
        REQUIRE(ok({"export", "--locale", "es-US", "--out", (dir / "pseudo").string(), "--pseudo"}));
        REQUIRE(ok(
            {"import", (dir / "pseudo" / "es-US" / "page.html.xlf").string(), "--as", "ana", "--role", "translator"}));
        REQUIRE(ok({"review", "revise", "--locale", "es-US", "--all", "--as", "ben"}));
        REQUIRE(ok({"review", "approve", "--locale", "es-US", "--all", "--as", "carla"}));
    }

    bool ok(const std::vector<std::string>& args) const { return succeeds(db, args); }

    Result build() const {
        return run_medloc(db, {"build", "--locale", "es-US", "--out", (dir / "dist").string(), "--as", "pat"});
    }
};

}  // namespace

TEST_CASE("an unclosed paragraph inside <noscript> no longer hides the rest of the page", "[release][html]") {
    Page page(
        "<!DOCTYPE html><html><head><title>Fever</title></head><body><h1>Fever</h1>"
        "<noscript><p>Turn on JavaScript to use the dose calculator.</noscript>"
        "<p>Give 5 mL every 6 hours.</p><p>Call 911 if breathing is hard.</p></body></html>");
    const nlohmann::json status = nlohmann::json::parse(run_medloc(page.db, {"status", "--json"}).out);
    CHECK(status["totals"]["segments"] == 5);
    const Result built = page.build();
    INFO(built.err);
    REQUIRE(built.exit_code == 0);
    const std::string html = read_file(page.dir / "dist" / "es-US" / "page.html");
    CHECK(html.find("Give 5 mL") == std::string::npos);
    CHECK(html.find("Call 911") == std::string::npos);
}

TEST_CASE("text the extraction passed over blocks the build, with its place", "[release][html]") {
    // Text in <pre> is not extracted; a reader still sees it.
    Page page(
        "<!DOCTYPE html><html><head><title>Dosing</title></head><body><h1>Dosing</h1>\n"
        "<p>Use the syringe that comes with the medicine.</p>\n<pre>Give 10 mL at bedtime.</pre>\n</body></html>");
    const Result built = page.build();
    CHECK(built.exit_code == 3);
    CHECK(built.err.find("page.html  (document)  -: the built document has text no approved target accounts for, "
                         "at line 3, column 6: \"Give 10 mL at bedtime.\"") != std::string::npos);
    CHECK_FALSE(fs::exists(page.dir / "dist" / "es-US"));
}

TEST_CASE("a document id that would write outside the bundle is refused", "[release]") {
    Page page("<!DOCTYPE html><html><head><title>T</title></head><body><p>Rest at home.</p></body></html>");
    // Only an edit outside medloc makes such an id; the build must still refuse it.
    REQUIRE(run({"sqlite3", page.db.string(),
                 "INSERT INTO document (id, format, current_version) VALUES ('../../pwned.html', 'html', 1); "
                 "INSERT INTO document_version (document_id, version, source_sha256, source_bytes, skeleton, "
                 "extracted_at) VALUES ('../../pwned.html', 1, 'x', 9, "
                 "'{\"body\":[\"<p>pwned</p>\"],\"slots\":[]}', '2026-01-01T00:00:00Z');"})
                .exit_code == 0);
    const Result built = page.build();
    CHECK(built.exit_code == 3);
    CHECK(
        built.err.find("../../pwned.html  (document)  -: document id \"../../pwned.html\" would escape the project") !=
        std::string::npos);
    CHECK_FALSE(fs::exists(page.dir / "pwned.html"));
    CHECK_FALSE(fs::exists(page.dir / "dist"));
}

TEST_CASE("a build is a publisher's signed release, and the manifest cites what releases each document",
          "[release][audit]") {
    Page page("<!DOCTYPE html><html><head><title>Rest</title></head><body><p>Rest at home.</p></body></html>");
    // Not without a person, and not by someone who is not a publisher.
    CHECK(run_medloc(page.db, {"build", "--locale", "es-US", "--out", (page.dir / "dist").string()}).exit_code == 1);
    const Result by_carla =
        run_medloc(page.db, {"build", "--locale", "es-US", "--out", (page.dir / "dist").string(), "--as", "carla"});
    CHECK(by_carla.exit_code == 3);
    CHECK(by_carla.err.find("build needs the publisher role") != std::string::npos);
    CHECK_FALSE(fs::exists(page.dir / "dist" / "es-US"));

    const Result built = page.build();
    REQUIRE(built.exit_code == 0);
    CHECK(built.out.find("released by Pat Publisher (pat)") != std::string::npos);
    const std::string manifest_bytes = read_file(page.dir / "dist" / "es-US" / "manifest.json");
    const nlohmann::json manifest = nlohmann::json::parse(manifest_bytes);
    const nlohmann::json& signatures = manifest["documents"][0]["signatures"];
    REQUIRE(signatures.size() == 2);
    CHECK(signatures[0]["name"] == "Dr. Carla Chen");
    CHECK(signatures[0]["role"] == "clinical");
    CHECK(signatures[0]["meaning"] == "approved for clinical accuracy (whole document)");
    CHECK(signatures[0]["event"].get<std::string>().size() == 64);
    CHECK(signatures[1]["meaning"] == "approved for clinical accuracy");

    const Result audit = run_medloc(page.db, {"audit", "verify", "--bundle", (page.dir / "dist" / "es-US").string()});
    INFO(audit.out);
    CHECK(audit.exit_code == 0);
    CHECK(audit.out.find("released 20") != std::string::npos);
    CHECK(audit.out.find("bundle: 1 document(s) as their approved text rebuilds them, 2 cited signature(s) in the "
                         "log, nothing missing, nothing extra") != std::string::npos);
}

TEST_CASE("audit verify --bundle finds a byte changed, a file added and a file removed", "[release][audit]") {
    Page page("<!DOCTYPE html><html><head><title>Rest</title></head><body><p>Rest at home.</p></body></html>");
    REQUIRE(page.build().exit_code == 0);
    const fs::path bundle = page.dir / "dist" / "es-US";
    const auto audit = [&] { return run_medloc(page.db, {"audit", "verify", "--bundle", bundle.string()}); };
    SECTION("a byte changed") {
        std::string html = read_file(bundle / "page.html");
        html[html.find("</p>") - 1] = '!';
        write_file(bundle / "page.html", html);
        const Result result = audit();
        CHECK(result.exit_code == 4);
        CHECK(result.out.find("page.html: its bytes are not the ones the manifest lists") != std::string::npos);
        CHECK(result.out.find("page.html: not what its approved text rebuilds to") != std::string::npos);
    }
    SECTION("a file added") {
        write_file(bundle / "extra.html", "<p>Take 1000 mg now.</p>");
        const Result result = audit();
        CHECK(result.exit_code == 4);
        CHECK(result.out.find("extra.html: in the bundle, not in its manifest") != std::string::npos);
    }
    SECTION("a file removed") {
        fs::remove(bundle / "page.html");
        const Result result = audit();
        CHECK(result.exit_code == 4);
        CHECK(result.out.find("page.html: listed in the manifest, missing from the bundle") != std::string::npos);
    }
    SECTION("a manifest edited to match an edited file") {
        std::string manifest = read_file(bundle / "manifest.json");
        manifest.replace(manifest.find("\"version\": 1"), 12, "\"version\": 1 ");
        write_file(bundle / "manifest.json", manifest);
        const Result result = audit();
        CHECK(result.exit_code == 4);
        CHECK(result.out.find("was never released by this project") != std::string::npos);
    }
    SECTION("a manifest citing a signature the log does not hold") {
        std::string manifest = read_file(bundle / "manifest.json");
        const std::size_t first = manifest.find("\"event\": \"") + 10;
        const std::size_t second = manifest.find("\"event\": \"", first) + 10;
        REQUIRE(second > first + 64);
        manifest[first] = manifest[first] == '0' ? '1' : '0';  // another entry's hash, or none's
        for (std::size_t i = second; i < second + 64; ++i)     // the same entry, spelled in capitals
            manifest[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(manifest[i])));
        write_file(bundle / "manifest.json", manifest);
        const Result result = audit();
        CHECK(result.exit_code == 4);
        const std::string not_logged = ") that is not in the log";
        const std::size_t found = result.out.find(not_logged);
        CHECK(found != std::string::npos);
        CHECK(result.out.find(not_logged, found + 1) == std::string::npos);  // the capitals are that entry's
    }
}

namespace {

// Build writes the manifest as its documents are built, not as one JSON
// value: its text must still be what that value's dump(2) is, key for key.
void check_manifest_text(const fs::path& bundle) {
    const std::string text = read_file(bundle / "manifest.json");
    INFO(text);
    CHECK(text == nlohmann::ordered_json::parse(text).dump(2) + "\n");
}

}  // namespace

TEST_CASE("a document gone from its folder is reported, and once retired is in no later bundle", "[release]") {
    Revised project;
    REQUIRE(project.ok(project.approve("--all", "carla")));
    REQUIRE(project.build().exit_code == 0);
    const fs::path bundle = project.dir / "dist" / "es-US";
    REQUIRE(fs::exists(bundle / kText));
    CHECK(nlohmann::json::parse(read_file(bundle / "manifest.json"))["documents"].size() == 2);
    check_manifest_text(bundle);

    fs::remove(project.docs / kText);
    const Result extract = run_medloc(project.db, {"extract", project.docs.string(), "--as", "pat"});
    REQUIRE(extract.exit_code == 0);
    CHECK(extract.out.find("1 document(s) extracted from here before are no longer in it: " + kText) !=
          std::string::npos);
    // Not retired by extract: a publisher decides.
    check_refused(project.db, {"retire", kText, "--as", "ben"}, "refused", "retire needs the publisher role", 3);
    REQUIRE(project.ok({"retire", kText, "--as", "pat", "--comment", "Replaced by the new pain leaflet"}));

    REQUIRE(project.build().exit_code == 0);
    CHECK_FALSE(fs::exists(bundle / kText));
    const nlohmann::json manifest = nlohmann::json::parse(read_file(bundle / "manifest.json"));
    CHECK(manifest["documents"].size() == 1);
    REQUIRE(manifest["removed"].size() == 1);
    CHECK(manifest["removed"][0]["id"] == kText);
    CHECK(manifest["removed"][0]["retired_by"] == "Pat Publisher");
    check_manifest_text(bundle);
    // Its history stays; the next release removes nothing more.
    CHECK(run_medloc(project.db, {"history", "--doc", kText}).out.find("retired") != std::string::npos);
    REQUIRE(project.build().exit_code == 0);
    CHECK(nlohmann::json::parse(read_file(bundle / "manifest.json"))["removed"].empty());
    check_manifest_text(bundle);
    CHECK(run_medloc(project.db, {"audit", "verify", "--bundle", bundle.string()}).exit_code == 0);
}
