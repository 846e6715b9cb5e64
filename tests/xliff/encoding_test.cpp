// Unit tests of how an XML file's encoding is found (xliff/xliff.h).
#include "xliff/xliff.h"

#include <catch2/catch.hpp>

using medloc::xliff::declared_encoding;

TEST_CASE("an XML file's encoding is its byte order mark's, else its declaration's, else UTF-8", "[xliff][encoding]") {
    using namespace std::string_view_literals;
    REQUIRE(declared_encoding("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xliff/>") == "");
    REQUIRE(declared_encoding("<?xml version='1.0' encoding = 'utf8'?><xliff/>") == "");
    REQUIRE(declared_encoding("\xEF\xBB\xBF<?xml version=\"1.0\"?><xliff/>") == "");
    REQUIRE(declared_encoding("<xliff/>") == "");
    REQUIRE(declared_encoding("<?xml version=\"1.0\" encoding=\"windows-1252\"?><xliff/>") == "windows-1252");
    REQUIRE(declared_encoding("<?xml version=\"1.0\" encoding='ISO-8859-1' standalone=\"yes\"?>") == "ISO-8859-1");
    REQUIRE(declared_encoding("\xFF\xFE<\0?\0x\0"sv) == "UTF-16LE");
    REQUIRE(declared_encoding("\xFE\xFF\0<\0?"sv) == "UTF-16BE");
    REQUIRE(declared_encoding("<\0?\0x\0m\0l\0"sv) == "UTF-16LE");
    REQUIRE(declared_encoding("\0<\0?\0x"sv) == "UTF-16BE");
    REQUIRE(declared_encoding("\xFF\xFE\0\0<\0\0\0"sv) == "UTF-32LE");
    REQUIRE(declared_encoding("\0\0\xFE\xFF\0\0\0<"sv) == "UTF-32BE");
    // A mark wins over what the declaration says.
    REQUIRE(declared_encoding("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"windows-1252\"?>") == "");
    // An encoding named outside the declaration is not the file's.
    REQUIRE(declared_encoding("<?xml version=\"1.0\"?><note>encoding=\"latin1\"</note>") == "");
}
