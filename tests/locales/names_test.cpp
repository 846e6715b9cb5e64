// Printed names and ids (locales/names.h).
#include "locales/names.h"

#include <catch2/catch.hpp>

using namespace medloc::locales;

TEST_CASE("names are NFC with single spaces, and control and format characters are refused", "[locales][names]") {
    CHECK(check_name("  Ana   Ruiz ").name == "Ana Ruiz");
    CHECK(check_name("Jose\xCC\x81").name == "Jos\xC3\xA9");  // e + combining acute -> é
    CHECK(check_name("Ana\xC2\xA0Ruiz").name == "Ana Ruiz");  // NBSP
    CHECK_THAT(check_name("Ana\nRuiz").problem, Catch::Contains("U+000A"));
    CHECK_THAT(check_name("Ana\xE2\x80\x8BRuiz").problem, Catch::Contains("U+200B"));
    CHECK_THAT(check_name("\xE2\x80\xAE"
                          "ziuR anA")
                   .problem,
               Catch::Contains("U+202E"));
    CHECK(check_name("   ").problem == "it is empty");
}

TEST_CASE("look-alike names are one person to a reader", "[locales][names]") {
    CHECK(names_confusable("Ana Ruiz", "\xD0\x90na Ruiz"));  // Cyrillic А
    CHECK(names_confusable("Ana Ruiz", "Ana Ruiz."));
    CHECK(names_confusable("Ana Ruiz", "Dr. Ana Ruiz"));
    CHECK(names_confusable("Ana Ruiz", "ANA RUIZ"));
    CHECK(names_confusable("Dr. Carla Chen", "Carla Chen, M.D."));
    CHECK_FALSE(names_confusable("Ana Ruiz",
                                 "Ana Ruiz Garc\xC3\xAD"
                                 "a"));
    CHECK_FALSE(names_confusable("Ana Ruiz", "Ana Ruz"));
}

TEST_CASE("ids are plain, and look-alike ids are caught", "[locales][names]") {
    CHECK(id_problem("ana.ruiz-2").empty());
    CHECK_FALSE(id_problem("Ana").empty());
    CHECK_FALSE(id_problem("1ana").empty());
    CHECK_FALSE(id_problem("").empty());
    CHECK(ids_confusable("carla", "car1a"));
    CHECK(ids_confusable("ana", "\xD0\xB0na"));
    CHECK_FALSE(ids_confusable("ana", "ann"));
}

TEST_CASE("what people typed is printed without control characters", "[locales][names]") {
    CHECK(visible("plain text, accents \xC3\xA9") == "plain text, accents \xC3\xA9");
    CHECK(visible("a\nb") == "a\\nb");
    CHECK(visible("\x1b[2K") == "\\u{001B}[2K");
    CHECK(visible("x\xE2\x80\xAEy") == "x\\u{202E}y");
    CHECK(visible("bad \xFF byte") == "bad \\u{FFFD} byte");
}
