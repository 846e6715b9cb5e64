// The language of a built HTML page: set on its <html> start tag, found
// before the page's head or body, or in the whole page when it is not there.
#include "bundle/html_language.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using medloc::pipeline::with_language;

TEST_CASE("the html start tag takes the locale, wherever the page writes head or body", "[bundle][language]") {
    CHECK(with_language("<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>T</title></head><body>x</body></html>",
                        "es-US") ==
          "<!DOCTYPE html>\n<html lang=\"es-US\">\n<head><title>T</title></head><body>x</body></html>");
    CHECK(with_language("<HTML LANG=en><HEAD></HEAD><BODY>x</BODY></HTML>", "es-US") ==
          "<HTML LANG=\"es-US\"><HEAD></HEAD><BODY>x</BODY></HTML>");
    CHECK(with_language("<html><body>x</body></html>", "ar") == "<html dir=\"rtl\" lang=\"ar\"><body>x</body></html>");
    // "<head" written before the start tag, in a comment or in the tag itself:
    // the page is read whole.
    CHECK(with_language("<!-- <head> --><html lang=\"en\"><head></head><body>x</body></html>", "ja") ==
          "<!-- <head> --><html lang=\"ja\"><head></head><body>x</body></html>");
    CHECK(with_language("<html title=\"<body>\" lang=en dir=rtl><body>x</body></html>", "vi-VN") ==
          "<html title=\"<body>\" lang=\"vi-VN\" dir=\"ltr\"><body>x</body></html>");
    // No start tag written: nothing to say it on.
    CHECK(with_language("<p>Take <b>one</b> tablet.</p>", "es-US") == "<p>Take <b>one</b> tablet.</p>");
    CHECK(with_language("<body><p>x</p></body><html lang=en>", "es-US") == "<body><p>x</p></body><html lang=en>");
}

TEST_CASE("every HTML article of the corpus changes in its html start tag only", "[bundle][language]") {
    std::size_t pages = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(MEDLOC_CORPUS)) {
        if (entry.path().extension() != ".html") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        const std::string page = bytes.str();
        const std::string built = with_language(page, "ar");
        const std::size_t tag = built.find("<html");
        REQUIRE(tag != std::string::npos);
        const std::size_t tag_end = built.find('>', tag);
        const std::string start_tag = built.substr(tag, tag_end - tag + 1);
        CHECK(start_tag.find("lang=\"ar\"") != std::string::npos);
        CHECK(start_tag.find("dir=\"rtl\"") != std::string::npos);
        CHECK(built.substr(0, tag) == page.substr(0, tag));
        CHECK(built.substr(tag_end) == page.substr(page.find('>', tag)));
        ++pages;
    }
    CHECK(pages > 0);
}
