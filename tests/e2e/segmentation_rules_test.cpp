// A project's own segmentation rules (SRX): set at init or later by a
// publisher, logged, applied by the next extract to every document with the
// usual change report, and refused whole when they cannot serve.
#include "exported.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace medloc::test;

namespace {

const std::string kDocument = "fever-acetaminophen-dosing.txt";
const std::string kChewable =
    "Chewable tablets contain 160 mg each; the dose chart in Fig. 2 of your discharge packet shows how many to give.";

fs::path rules(const std::string& name) { return fs::path(MEDLOC_TESTS) / "segmentation" / name; }

// The source texts of the document's export for es-US, one a line.
std::string sources(const Exported& project) {
    const fs::path out = project.dir / "again";
    fs::remove_all(out);
    REQUIRE(run_medloc(project.db, {"export", "--locale", "es-US", "--out", out.string()}).exit_code == 0);
    std::string xliff = read_file(out / "es-US" / (kDocument + ".xlf"));
    // Only the units' own sources, not those of the old pairs kept for reference.
    for (std::size_t at = xliff.find("<alt-trans"); at != std::string::npos; at = xliff.find("<alt-trans"))
        xliff.erase(at, xliff.find("</alt-trans>", at) + 12 - at);
    std::string texts;
    for (std::size_t at = xliff.find("<source>"); at != std::string::npos; at = xliff.find("<source>", at + 1)) {
        const std::size_t begin = at + 8;
        texts += xliff.substr(begin, xliff.find("</source>", begin) - begin) + "\n";
    }
    return texts;
}

bool has_line(const std::string& lines, const std::string& line) {
    return lines.find("\n" + line + "\n") != std::string::npos || lines.starts_with(line + "\n");
}

Result extract(const Exported& project) {
    return run_medloc(project.db, {"extract", (project.dir / "docs").string(), "--as", "pat"});
}

Result set_rules(const Exported& project, const std::string& name) {
    return run_medloc(project.db, {"segmentation", "set", rules(name).string(), "--as", "pat"});
}

}  // namespace

TEST_CASE("segmentation rules that add a break cut the next extract, and the translation starts over",
          "[segmentation-rules]") {
    Exported project(kDocument);
    CHECK(has_line(sources(project), kChewable));
    // Ana translates the sentence as medloc cut it.
    const std::string target = "<target state=\"new\">" + kChewable + "</target>";
    project.write_changed(target,
                          "<target state=\"translated\">Las tabletas masticables contienen 160 mg cada una; "
                          "la tabla de la Fig. 2 indica cuántas dar.</target>");
    REQUIRE(run_medloc(project.db, project.import()).exit_code == 0);

    const Result set = set_rules(project, "semicolon-breaks.srx");
    REQUIRE(set.exit_code == 0);
    CHECK(set.out.find("1 rules for en-US from \"English clauses\"") != std::string::npos);
    CHECK(set.out.find("1 document(s) were cut by other rules; the next medloc extract of them cuts them by these") !=
          std::string::npos);
    // Nothing is cut again until the publisher extracts; status says so.
    CHECK(has_line(sources(project), kChewable));
    CHECK(run_medloc(project.db, {"status"}).out.find("1 document(s) were cut by other segmentation rules") !=
          std::string::npos);

    const Result cut = extract(project);
    REQUIRE(cut.exit_code == 0);
    CHECK(cut.out.find(kDocument + ": version 2 (source unchanged, cut again by the new segmentation rules)") !=
          std::string::npos);
    const std::string after = sources(project);
    CHECK(has_line(after, "Chewable tablets contain 160 mg each;"));
    CHECK(has_line(after, "the dose chart in Fig. 2 of your discharge packet shows how many to give."));
    CHECK_FALSE(has_line(after, kChewable));
    // The translation of the sentence that was cut is no longer in force:
    // kept for reference, to be translated again.
    const Result status = run_medloc(project.db, {"status", "--doc", kDocument, "--locale", "es-US"});
    CHECK(status.out.find("needs-translation 1  translated 0") != std::string::npos);

    CHECK(run_medloc(project.db, {"status"}).out.find("cut by other segmentation rules") == std::string::npos);
    // The same rules again cut nothing again.
    const Result again = extract(project);
    CHECK(again.out.find(kDocument + ": version 2 (source unchanged)") != std::string::npos);
    REQUIRE(succeeds(project.db, {"audit", "verify"}));
}

TEST_CASE("segmentation rules that prevent a break, and back to medloc's own", "[segmentation-rules]") {
    Exported project(kDocument);
    CHECK(has_line(sources(project), "Varga L, et al."));
    REQUIRE(set_rules(project, "references-whole.srx").exit_code == 0);
    REQUIRE(extract(project).exit_code == 0);
    const std::string whole = sources(project);
    CHECK(has_line(whole, "Varga L, et al. Parent knowledge of fever thresholds."));
    CHECK_FALSE(has_line(whole, "Varga L, et al."));
    CHECK(has_line(whole, kChewable));  // where the rules say nothing, medloc's own decide

    const Result reset = run_medloc(project.db, {"segmentation", "reset", "--as", "pat"});
    REQUIRE(reset.exit_code == 0);
    CHECK(reset.out.find("Sentences are cut by medloc's own rules for en-US") != std::string::npos);
    REQUIRE(extract(project).exit_code == 0);
    CHECK(has_line(sources(project), "Varga L, et al."));
    const Result show = run_medloc(project.db, {"segmentation", "show"});
    CHECK(show.out.find("medloc's own rules") != std::string::npos);
    CHECK(show.out.find("were cut by other rules") == std::string::npos);
    REQUIRE(succeeds(project.db, {"audit", "verify"}));
}

TEST_CASE("rules that cut a document as before leave its version standing", "[segmentation-rules]") {
    Exported project(kDocument);
    const fs::path srx = project.dir / "quiet.srx";
    write_file(
        srx, read_file(rules("semicolon-breaks.srx"))
                 .replace(read_file(rules("semicolon-breaks.srx")).find("<beforebreak>;"), 14, "<beforebreak>#never#"));
    REQUIRE(run_medloc(project.db, {"segmentation", "set", srx.string(), "--as", "pat"}).exit_code == 0);
    const Result cut = extract(project);
    CHECK(cut.out.find(kDocument + ": version 1 (source unchanged; the new segmentation rules cut it as before)") !=
          std::string::npos);
    CHECK(extract(project).out.find(kDocument + ": version 1 (source unchanged)") != std::string::npos);
    const Result same = run_medloc(project.db, {"segmentation", "set", srx.string(), "--as", "pat"});
    CHECK(same.out.find("These rules are in force already; nothing changed") != std::string::npos);
}

TEST_CASE("init takes segmentation rules, and refuses ones that cannot serve before making anything",
          "[segmentation-rules]") {
    TempDir dir;
    const fs::path db = dir / "medloc.db";
    const fs::path bad = dir / "bad.srx";
    write_file(bad, read_file(rules("semicolon-breaks.srx"))
                        .replace(read_file(rules("semicolon-breaks.srx")).find("\\s+\\p{Ll}"), 9, "\\s+\\p{Ll"));
    const Result refused =
        run_medloc(db, {"init", "--source", "en-US", "--targets", "es-US", "--owner", "pat", "--name", "Pat Publisher",
                        "--segmentation", bad.string(), "--new-password-file", passphrase_file(db, "pat").string()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find(bad.string() + ":11:") != std::string::npos);
    CHECK(refused.err.find("its afterbreak pattern is not an ICU regular expression") != std::string::npos);
    CHECK_FALSE(fs::exists(db));

    const Result made = run_medloc(db, {"init", "--source", "en-US", "--targets", "es-US", "--owner", "pat", "--name",
                                        "Pat Publisher", "--segmentation", rules("semicolon-breaks.srx").string(),
                                        "--new-password-file", passphrase_file(db, "pat").string()});
    REQUIRE(made.exit_code == 0);
    CHECK(made.out.find("Sentences are cut by the project's SRX file") != std::string::npos);
    write_file(dir / "docs" / kDocument, read_file(corpus_dir() / kDocument));
    REQUIRE(run_medloc(db, {"extract", (dir / "docs").string(), "--as", "pat"}).exit_code == 0);
    REQUIRE(run_medloc(db, {"export", "--locale", "es-US", "--out", (dir / "out").string()}).exit_code == 0);
    CHECK(read_file(dir / "out" / "es-US" / (kDocument + ".xlf"))
              .find("<source>Chewable tablets contain 160 mg each;</source>") != std::string::npos);
}

TEST_CASE("segmentation rules that cannot serve are refused and change nothing", "[segmentation-rules]") {
    Exported project(kDocument);
    const fs::path bad = project.dir / "bad.srx";
    const std::string good = read_file(rules("semicolon-breaks.srx"));
    std::string text = good;
    write_file(bad, text.replace(text.find("<beforebreak>;"), 14, "<beforebreak>(;"));
    check_refused(project.db, {"segmentation", "set", bad.string(), "--as", "pat"},
                  bad.string() + ":10:", "its beforebreak pattern is not an ICU regular expression");
    text = good;
    write_file(bad, text.replace(text.find("en.*"), 4, "es.*"));
    check_refused(project.db, {"segmentation", "set", bad.string(), "--as", "pat"}, bad.string(),
                  "no <languagemap> of the file matches the project's source language en-US");
    write_file(bad, read_file(translations_dir() / "amps-children.en-es.tmx"));
    check_refused(project.db, {"segmentation", "set", bad.string(), "--as", "pat"}, bad.string(), "not an SRX file");
    // Every rule runs over every paragraph: a file of thousands is refused.
    std::string many;
    for (int i = 0; i < 2001; ++i)
        many += "<rule break=\"no\"><beforebreak>x" + std::to_string(i) + "\\.</beforebreak></rule>";
    text = good;
    write_file(bad, text.replace(text.find("<rule break=\"yes\">"), 0, many));
    check_refused(project.db, {"segmentation", "set", bad.string(), "--as", "pat"}, bad.string(),
                  "2002 rules apply to en-US, more than the 2000 medloc runs over every paragraph");
    // Only a publisher sets them.
    check_refused(project.db, {"segmentation", "set", rules("semicolon-breaks.srx").string(), "--as", "ana"},
                  "Ana Ruiz", "publisher", 3);
}

TEST_CASE("segmentation rules changed outside medloc are found by audit verify", "[segmentation-rules]") {
    Exported project(kDocument);
    REQUIRE(set_rules(project, "references-whole.srx").exit_code == 0);
    REQUIRE(succeeds(project.db, {"audit", "verify"}));
    REQUIRE(run({"sqlite3", project.db.string(),
                 "DROP TRIGGER segmentation_rules_are_append_only_update; UPDATE segmentation_rules SET content = "
                 "replace(content, 'break=\"no\"', 'break=\"yes\"')"})
                .exit_code == 0);
    const Result verify = run_medloc(project.db, {"audit", "verify"});
    CHECK(verify.exit_code == 4);
    CHECK(verify.out.find("the segmentation rules file in force is not the file event") != std::string::npos);
}

// Item 3 of issue 16: the source locale drives segmentation, so a Spanish
// hospital translates its leaflets into English through the whole chain.
TEST_CASE("a Spanish leaflet cut by Spanish rules is translated into English and built", "[segmentation-rules]") {
    TempDir dir;
    const fs::path db = new_project(dir, "en-US", "es-ES");
    const std::string name = "fiebre-en-ninos.es.txt";
    write_file(dir / "docs" / name, read_file(rules(name)));
    REQUIRE(run_medloc(db, {"extract", (dir / "docs").string(), "--as", "pat"}).exit_code == 0);
    REQUIRE(run_medloc(db, {"export", "--locale", "en-US", "--out", (dir / "out").string()}).exit_code == 0);
    const std::pair<const char*, const char*> english[] = {
        {"La fiebre en los niños", "Fever in children"},
        {"¿Qué es la fiebre?", "What is a fever?"},
        {"La fiebre es una temperatura de 38 °C o más.", "A fever is a temperature of 38 °C or higher."},
        {"En la mayoría de los casos no es peligrosa.", "In most cases it is not dangerous."},
        {"La Dra. Ana Ruiz, pediatra del hospital, explica que la fiebre ayuda al cuerpo a combatir una infección.",
         "Dr. Ana Ruiz, a pediatrician at the hospital, explains that fever helps the body fight an infection."},
        {"¿Cómo se da el paracetamol?", "How is acetaminophen given?"},
        {"La dosis habitual es de 15 mg/kg cada 6 horas (máx. 4 dosis al día).",
         "The usual dose is 15 mg/kg every 6 hours (max. 4 doses a day)."},
        {"Por ej., un niño de 20 kg toma aprox. 300 mg por dosis.",
         "For example, a 20 kg child takes approx. 300 mg per dose."},
        {"Use siempre la jeringa dosificadora, p. ej. la que viene con el medicamento.",
         "Always use the dosing syringe, e.g. the one that comes with the medicine."},
        {"No use cucharas de cocina.", "Do not use kitchen spoons."},
        {"¿Cuándo debo llamar?", "When should I call?"},
        {"Llame a la consulta de la Sra. Pérez, tel. 555 0187, de lunes a viernes.",
         "Call Mrs. Pérez's office, phone 555 0187, Monday to Friday."},
        {"Abrimos a las 8 a. m. y cerramos a las 5 p. m.", "We open at 8 a.m. and close at 5 p.m."},
        {"Traiga la tarjeta sanitaria.", "Bring the health card."},
        {"Llame al 911 si su hijo tiene menos de 3 meses y fiebre.",
         "Call 911 if your child is under 3 months old and has a fever."},
        {"También debe llamar si la fiebre dura más de 3 días.", "Also call if the fever lasts more than 3 days."},
        {"Revisado por el Dr. J. L. Gómez el 12 de marzo de 2024.", "Reviewed by Dr. J. L. Gómez on March 12, 2024."},
    };
    const fs::path xliff = dir / "out" / "en-US" / (name + ".xlf");
    std::string text = read_file(xliff);
    for (const auto& [spanish, translation] : english) {
        const std::string copy = std::string("<target state=\"new\">") + spanish + "</target>";
        const std::size_t at = text.find(copy);
        INFO(spanish);
        REQUIRE(at != std::string::npos);  // each reference sentence is a unit of its own
        text.replace(at, copy.size(), std::string("<target state=\"translated\">") + translation + "</target>");
    }
    CHECK(text.find("state=\"new\"") == std::string::npos);
    write_file(xliff, text);
    REQUIRE(run_medloc(db, {"import", xliff.string(), "--as", "ana", "--role", "translator"}).exit_code == 0);
    for (const auto& [act, person] : {std::pair{"revise", "ben"}, std::pair{"approve", "carla"}}) {
        const Result done = run_medloc(db, {"review", act, "--locale", "en-US", "--doc", name, "--as", person});
        INFO(done.out + done.err);
        REQUIRE(done.exit_code == 0);
    }
    const Result built =
        run_medloc(db, {"build", "--locale", "en-US", "--out", (dir / "bundle").string(), "--as", "pat"});
    INFO(built.out + built.err);
    REQUIRE(built.exit_code == 0);
    const std::string leaflet = read_file(dir / "bundle" / "en-US" / name);
    CHECK(leaflet.starts_with("Fever in children\n"));
    CHECK(leaflet.find("The usual dose is 15 mg/kg every 6 hours (max. 4 doses a day). For example, a 20 kg child "
                       "takes approx. 300 mg per dose.") != std::string::npos);
    CHECK(leaflet.find("Reviewed by Dr. J. L. Gómez on March 12, 2024.") != std::string::npos);
}
