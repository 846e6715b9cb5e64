// The clinical checks, each on its own, per locale (pipeline/qa).
#include "qa/qa.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using medloc::qa::Check;
using medloc::qa::Checker;
using medloc::qa::Finding;
using medloc::qa::Severity;

std::vector<Finding> check(const char* target_locale, const std::string& source, const std::string& target) {
    const Checker checker("en-US", target_locale);
    return checker.check(source, target);
}

// The findings of one check, at one severity.
std::vector<Finding> of(const std::vector<Finding>& findings, Check check, Severity severity = Severity::error) {
    std::vector<Finding> out;
    for (const Finding& finding : findings)
        if (finding.check == check && finding.severity == severity) out.push_back(finding);
    return out;
}

std::string describe(const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& finding : findings)
        out +=
            std::string(to_string(finding.check)) + " " + to_string(finding.severity) + ": " + finding.message + "\n";
    return out;
}

// No error of any check.
#define CHECK_CLEAN(findings)                                \
    do {                                                     \
        const auto clean_findings = (findings);              \
        INFO(describe(clean_findings));                      \
        CHECK(medloc::qa::error_count(clean_findings) == 0); \
    } while (false)

const std::string kDose = "The usual dose is 10–15 mg/kg every 4–6 hours as needed.";

}  // namespace

TEST_CASE("numbers: a changed digit in a dose range is an error", "[qa]") {
    CHECK_CLEAN(check("es-US", kDose, "La dosis habitual es de 10 a 15 mg/kg cada 4 a 6 horas, según sea necesario."));
    const auto changed = check("es-US", kDose, "La dosis habitual es de 100–15 mg/kg cada 4–6 horas.");
    const auto errors = of(changed, Check::numbers);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].source_text == "10");
    CHECK(errors[0].target_text == "100");
}

TEST_CASE("numbers: a concentration that lost a digit is an error", "[qa]") {
    const std::string source = "Liquid acetaminophen comes in one strength: 160 mg/5 mL.";
    CHECK_CLEAN(check("es-US", source, "El acetaminofén líquido viene en una concentración: 160 mg/5 mL."));
    const auto errors =
        of(check("es-US", source, "El acetaminofén líquido viene en una concentración: 16 mg/5 mL."), Check::numbers);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].source_text == "160 mg");
}

TEST_CASE("numbers: a dropped range end is an error", "[qa]") {
    CHECK(of(check("es-US", kDose, "La dosis habitual es de 15 mg/kg cada 4 a 6 horas."), Check::numbers).size() == 1);
    CHECK(
        of(check("de-DE", kDose, "Die übliche Dosis beträgt 10 mg/kg alle 4 bis 6 Stunden."), Check::numbers).size() ==
        1);
}

TEST_CASE("numbers: ranges with the target language's own words", "[qa]") {
    CHECK_CLEAN(check("de-DE", kDose, "Die übliche Dosis beträgt 10 bis 15 mg/kg alle 4 bis 6 Stunden nach Bedarf."));
    CHECK_CLEAN(check("fr-FR", kDose, "La dose habituelle est de 10 à 15 mg/kg toutes les 4 à 6 heures si besoin."));
    CHECK_CLEAN(check("ar", kDose, "الجرعة المعتادة هي 10 إلى 15 ملغ/كغ كل 4 إلى 6 ساعات عند الحاجة."));
    CHECK_CLEAN(check("ja", kDose, "通常の量は、必要に応じて4～6時間ごとに10～15 mg/kgです。"));
}

TEST_CASE("numbers: decimal comma, grouping and native digits per locale", "[qa]") {
    const std::string source = "Give 2.5 mL, up to 1,000 mg a day.";
    CHECK_CLEAN(check("de-DE", source, "Geben Sie 2,5 ml, höchstens 1.000 mg am Tag."));
    CHECK_CLEAN(check("fr-FR", source, "Donnez 2,5 ml, jusqu’à 1\u202F000 mg par jour."));
    CHECK_CLEAN(check("fr-FR", source, "Donnez 2,5 ml, jusqu’à 1\u00A0000 mg par jour."));
    CHECK_CLEAN(check("es-US", source, "Dé 2.5 mL, hasta 1,000 mg al día."));
    CHECK_CLEAN(check("ar", source, "أعطِ ٢٫٥ مل، بحد أقصى ١٬٠٠٠ ملغ في اليوم."));
    CHECK_CLEAN(check("fa", source, "۲٫۵ mL بدهید، تا ۱٬۰۰۰ mg در روز."));
    // "1.000" is a thousand in German and one in English.
    CHECK(of(check("de-DE", "Give 1.000 mL.", "Geben Sie 1.000 ml."), Check::numbers).size() == 1);
    CHECK(of(check("de-DE", "Give 1,000 mg.", "Geben Sie 1,000 mg."), Check::numbers).size() == 1);
}

TEST_CASE("numbers: a decimal mark swapped is caught", "[qa]") {
    // 2.5 in German reads as a grouped 25 or nothing: the reader may misdose.
    const auto german = of(check("de-DE", "Give 2.5 mL.", "Geben Sie 2.5 ml."), Check::numbers);
    REQUIRE(german.size() == 1);
    CHECK(german[0].target_text == "2.5");
    CHECK(of(check("es-US", "Give 2.5 mL.", "Dé 2,5 mL."), Check::numbers).size() == 1);
    CHECK(of(check("es-ES", "Give 2.5 mL.", "Dé 25 mL."), Check::numbers).size() == 1);
    CHECK_CLEAN(check("es-ES", "Give 2.5 mL.", "Dé 2,5 mL."));
}

TEST_CASE("numbers: fractions, percentages, times and dates", "[qa]") {
    CHECK_CLEAN(check("es-US", "Give ½ tablet.", "Dé 1/2 tableta."));
    CHECK_CLEAN(check("es-US", "Give 1/2 tablet.", "Dé ½ tableta."));
    CHECK_CLEAN(check("de-DE", "Give 1½ tablets.", "Geben Sie 1,5 Tabletten."));
    CHECK(of(check("es-US", "Give ½ tablet.", "Dé 1 tableta."), Check::numbers).size() == 1);
    CHECK_CLEAN(check("fr-FR", "The yellow zone starts at 80%.", "La zone jaune commence à 80 %."));
    CHECK_CLEAN(check("ar", "The yellow zone starts at 80%.", "تبدأ المنطقة الصفراء عند ٨٠٪."));
    CHECK_CLEAN(check("de-DE", "Call from 8:30 a.m. to 4:30 p.m.", "Rufen Sie von 8:30 bis 16:30 Uhr an."));
    CHECK_CLEAN(check("ja", "Call from 8:30 a.m. to 4:30 p.m.", "午前8時30分～午後4時30分にお電話ください。"));
    CHECK_CLEAN(check("es-US", "Last reviewed on 08/16/2018.", "Última revisión: 16/08/2018."));
    CHECK_CLEAN(check("ja", "Next review due March 4, 2021.", "次回の見直し予定：2021年3月4日。"));
}

TEST_CASE("numbers: a small number spelled out is accepted where word lists exist", "[qa]") {
    CHECK_CLEAN(check("es-US", "Give 2 puffs.", "Dé dos inhalaciones."));
    CHECK_CLEAN(check("de-DE", "Give 2 puffs.", "Geben Sie zwei Hübe."));
    CHECK_CLEAN(check("fr-FR", "Give 2 puffs.", "Donnez deux bouffées."));
    CHECK_CLEAN(check("ar", "Give 3 puffs.", "أعطِ ثلاث بخات."));
    CHECK(of(check("es-US", "Give 2 puffs.", "Dé tres inhalaciones."), Check::numbers).size() == 1);
    CHECK(of(check("es-US", "Give 20 puffs.", "Dé veinte inhalaciones."), Check::numbers).size() == 1);
}

TEST_CASE("units: equivalent spellings pass, a changed or dropped unit is an error", "[qa]") {
    const std::string source = "A 20 kg child taking 1 mg/kg would get 6.7 mL of 15 mg/5 mL syrup (90 mcg per puff).";
    CHECK_CLEAN(
        check("ar", source,
              "يحصل الطفل الذي يزن 20 كغ ويأخذ 1 ملغ/كغ على 6.7 مل من شراب 15 ملغ/5 مل (90 ميكروغرامًا لكل بخة)."));
    CHECK_CLEAN(check("ja", source,
                      "体重20 kgのお子さんが1 mg/kgを飲む場合は15 mg/5 mLのシロップ6.7 mLです（1吸入あたり90 mcg）。"));
    const auto changed = of(check("es-US", "Give 5 mL.", "Dé 5 mg."), Check::units);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].source_text == "5 mL");
    CHECK(changed[0].target_text == "5 mg");
    CHECK(of(check("es-US", "Give 5 mL.", "Dé 5 de jarabe."), Check::units).size() == 1);
    CHECK_CLEAN(check("es-US", "Give 5 mL.", "Dé 5 ml."));
    CHECK_CLEAN(check("es-US", "Give 2 units of insulin.", "Dé 2 unidades de insulina."));
    CHECK_CLEAN(check("de-DE", "10 mg/kg a day", "10 mg/kg/Tag"));
}

TEST_CASE("units: a converted unit is an error for a human to confirm", "[qa]") {
    const auto pounds =
        check("es-US", "If your child weighs 22 lb, give 3.75 mL.", "Si su hijo pesa 10 kg, dé 3.75 mL.");
    const auto converted = of(pounds, Check::units);
    REQUIRE(converted.size() == 1);
    CHECK(converted[0].message.find("converted") != std::string::npos);
    CHECK(of(pounds, Check::numbers).empty());
    CHECK(of(check("fr-FR", "a fever of 100.4°F or higher", "une fièvre de 38 °C ou plus"), Check::units).size() == 1);
}

TEST_CASE("dose designations: ISMP's error-prone forms", "[qa]") {
    CHECK(of(check("es-US", "Give 1 mg.", "Dé 1.0 mg."), Check::dose_designation).size() == 1);
    CHECK(of(check("es-US", "Give 0.5 mg.", "Dé .5 mg."), Check::dose_designation).size() == 1);
    CHECK(of(check("es-ES", "Give 0.5 mg.", "Dé ,5 mg."), Check::dose_designation).size() == 1);
    CHECK(of(check("es-US", "Give 10 units.", "Dé 10 U."), Check::dose_designation).size() == 1);
    CHECK(of(check("es-US", "Give 10 units.", "Dé 10 IU."), Check::dose_designation).size() == 1);
    CHECK(of(check("es-US", "Give 5 mL daily.", "Dé 5 mL qd."), Check::dose_designation).size() == 1);
    CHECK(of(check("es-US", "Give 5 mL every other day.", "Dé 5 mL QOD."), Check::dose_designation).size() == 1);
    CHECK(of(check("es-US", "Give 5 mL.", "Dé 5 cc."), Check::dose_designation).size() == 1);
    CHECK(of(check("es-US", "Give 90 mcg.", "Dé 90 µg."), Check::dose_designation).size() == 1);
    CHECK(of(check("es-US", "Give 10 mg.", "Dé 10mg."), Check::dose_designation).size() == 1);
    // The source wrote it so: a warning, not an error.
    CHECK(of(check("es-US", "Give 10mg.", "Dé 10mg."), Check::dose_designation, Severity::warning).size() == 1);
    CHECK(of(check("es-US", "Give 10mg.", "Dé 10mg."), Check::dose_designation).empty());
    CHECK_CLEAN(check("es-US", "Give 2.5 mL.", "Dé 2.5 mL."));
}

TEST_CASE("negation: a lost not is an error in every language with word lists", "[qa]") {
    const std::string source = "Do not give aspirin to children.";
    CHECK_CLEAN(check("es-US", source, "No dé aspirina a los niños."));
    CHECK_CLEAN(check("fr-FR", source, "Ne donnez pas d’aspirine aux enfants."));
    CHECK_CLEAN(check("fr-FR", source, "N'administrez jamais d’aspirine aux enfants."));
    CHECK_CLEAN(check("de-DE", source, "Geben Sie Kindern kein Aspirin."));
    CHECK_CLEAN(check("pt-BR", source, "Não dê aspirina a crianças."));
    CHECK_CLEAN(check("ar", source, "لا تعطِ الأسبرين للأطفال."));
    CHECK_CLEAN(check("ja", source, "子どもにアスピリンを与えないでください。"));
    CHECK_CLEAN(check("zh-Hans", source, "不要给儿童服用阿司匹林。"));
    for (const auto& [locale, lost] :
         std::vector<std::pair<const char*, const char*>>{{"es-US", "Dé aspirina a los niños."},
                                                          {"fr-FR", "Donnez de l’aspirine aux enfants."},
                                                          {"de-DE", "Geben Sie Kindern Aspirin."},
                                                          {"pt-BR", "Dê aspirina a crianças."},
                                                          {"ar", "أعطِ الأسبرين للأطفال."},
                                                          {"ja", "子どもにアスピリンを与えてください。"},
                                                          {"zh-Hans", "给儿童服用阿司匹林。"}}) {
        INFO(locale);
        CHECK(of(check(locale, source, lost), Check::negation).size() == 1);
    }
    CHECK(of(check("es-US", "Avoid ibuprofen.", "Use ibuprofeno."), Check::negation).size() == 1);
    CHECK(of(check("es-US", "Never leave the child alone.", "Deje al niño solo."), Check::negation).size() == 1);
    CHECK_CLEAN(check("es-US", "Item No. 5 is for older children.", "El artículo n.º 5 es para niños mayores."));
}

TEST_CASE("untranslated and empty targets", "[qa]") {
    const std::string source = "Always use the oral syringe that comes with the bottle.";
    CHECK(of(check("es-US", source, source), Check::untranslated).size() == 1);
    CHECK(of(check("es-US", source, "  "), Check::empty).size() == 1);
    CHECK(of(check("es-US", "Albuterol", "Albuterol"), Check::untranslated, Severity::warning).size() == 1);
    const Checker checker("en-US", "es-US");
    CHECK(checker.check(source, source, true).empty());
}

TEST_CASE("untranslated: references and text with nothing to translate stay as their source", "[qa]") {
    using medloc::qa::SegmentText;
    const std::vector<bool> kept = medloc::qa::kept_as_source({
        {"Outlook", "Outlook", false},
        {"Use a digital thermometer.", "Outlook", true},
        {"Call 911 if your child cannot breathe.", "Outlook", true},
        {"Last reviewed on 08/16/2018.", "Outlook", false},
        {"National Institute of Neurological Disorders and Stroke.", "Outlook", true},
        {"( Accessed 8/20/2018.", "Outlook", true},
        {"Hoffart CM, Wallace DP.", "Outlook", true},
        {"Amplified pain syndromes in children: treatment and new insights.", "Outlook", true},
        {"Pediatr Pulmonol. 2017 Jun;52(6):741-748.", "Outlook", true},
        {"911", "When to call", false},
        {"See doi: 10.5555/ppul.2017.0611", "", false},
        {"Written action plans and emergency visits.", "Sources", false},
    });
    CHECK(kept == std::vector<bool>{false, false, false, false, true, true, true, true, true, true, true, true});
}

TEST_CASE("addresses: a changed URL, e-mail address or phone number is an error", "[qa]") {
    const std::string source =
        "Call (216) 555-0187 or email asthma.team@example-childrens.org. Plans are at "
        "https://www.example-childrens.org/asthma-plan.";
    CHECK_CLEAN(check("es-US", source,
                      "Llame al 216-555-0187 o escriba a asthma.team@example-childrens.org. Los planes están en "
                      "https://www.example-childrens.org/asthma-plan."));
    const auto phone =
        check("es-US", source,
              "Llame al (216) 555-0178 o escriba a asthma.team@example-childrens.org. Los planes están en "
              "https://www.example-childrens.org/asthma-plan.");
    CHECK(of(phone, Check::addresses).size() == 1);
    const auto url = check("es-US", source,
                           "Llame al (216) 555-0187 o escriba a asthma.team@example-children.org. Los planes están en "
                           "https://www.example-childrens.org/plan-asma.");
    CHECK(of(url, Check::addresses).size() == 2);
}

TEST_CASE("invisible and direction-control characters the source lacks are errors", "[qa]") {
    const std::string source = "Give 5 mL.";
    for (const char* character : {"\u202E", "\u202D", "\u200B", "\u2066", "\u200F", "\uFEFF"}) {
        const auto found = of(check("ar", source, std::string("أعطِ 5 ") + character + "مل."), Check::invisible);
        INFO(character);
        REQUIRE(found.size() == 1);
        CHECK(found[0].target_text == character);
    }
    CHECK_CLEAN(check("ar", "Give \u200F5 mL.", "أعطِ \u200F5 مل."));
}

TEST_CASE("glossary: a missing approved term warns, a forbidden term is an error", "[qa]") {
    const Checker checker("en-US", "es-US",
                          {{"acetaminophen", "paracetamol", medloc::qa::Term::Kind::approved},
                           {"acetaminophen", "acetaminofén", medloc::qa::Term::Kind::forbidden},
                           {"Tylenol", "Tylenol", medloc::qa::Term::Kind::do_not_translate}});
    const std::string source = "Give acetaminophen (Tylenol).";
    CHECK(checker.check(source, "Dé paracetamol (Tylenol).").empty());
    CHECK(of(checker.check(source, "Dé acetaminofén (Tylenol)."), Check::glossary).size() == 1);
    CHECK(of(checker.check(source, "Dé acetaminofén (Tylenol)."), Check::glossary, Severity::warning).size() == 1);
    CHECK(of(checker.check(source, "Dé paracetamol (Tilenol)."), Check::glossary, Severity::warning).size() == 1);
}

TEST_CASE("numbers: a number only the target has", "[qa]") {
    // A dose no one gave is an error, whatever the language.
    for (const auto& [locale, target] :
         std::vector<std::pair<const char*, std::string>>{{"es-US", "Dé la dosis 5 mL cada 6 horas."},
                                                          {"de", "Geben Sie die Dosis 5 ml alle 6 Stunden."},
                                                          {"ja", "6時間ごとに5 mLを与えてください。"}}) {
        INFO(locale);
        const auto found = of(check(locale, "Give the dose every 6 hours.", target), Check::numbers);
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::error);
        CHECK(found[0].target_text.starts_with("5 m"));
    }
    // The source's own word for it is no finding; a word for another number is an error.
    CHECK_CLEAN(check("es-US", "Use it twice a day.", "Úselo 2 veces al día."));
    CHECK(check("fr", "Use it twice a day.", "Utilisez-le 2 fois par jour.").empty());
    const auto other = of(check("ja", "It comes in one strength.", "濃度は2種類です。"), Check::numbers);
    REQUIRE(other.size() == 1);
    CHECK(other[0].message.find("“two”") == std::string::npos);
    CHECK(other[0].source_text == "one");
    // A number too large for any word is compared, not cast (found by fuzz_qa).
    const std::string huge = "999999999999999999999999999999999";
    CHECK(of(check("de", "Give " + huge + " mL.", "Geben Sie 5 ml."), Check::numbers).size() == 1);
    // Anything else is a warning: it may belong ("March" as "3月").
    const auto date = check("ja", "Next review due March 4, 2021.", "次回の見直し予定：2021年3月4日。");
    CHECK_CLEAN(date);
    CHECK(of(date, Check::numbers, Severity::warning).size() == 1);
}

TEST_CASE("finding keys name the check and both pieces of text", "[qa]") {
    const auto a = of(check("es-US", "Give 5 mL.", "Dé 50 mL."), Check::numbers);
    const auto b = of(check("es-US", "Give 5 mL.", "Dé 500 mL."), Check::numbers);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].key() != b[0].key());
    CHECK(medloc::qa::parse_check("dose-designation") == Check::dose_designation);
    CHECK_FALSE(medloc::qa::parse_check("dose"));
}
