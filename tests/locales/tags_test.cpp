// Unit tests of language tags as medloc reads them (locales/locales.h).
#include "locales/locales.h"

#include <catch2/catch.hpp>

using medloc::locales::canonical_tag;

TEST_CASE("language tags are read in their BCP 47 form, and as the POSIX or Java ids some tools write",
          "[locales][tags]") {
    REQUIRE(canonical_tag("es-us") == "es-US");
    REQUIRE(canonical_tag("zh-hans") == "zh-Hans");
    REQUIRE(canonical_tag("es_US") == "es-US");
    REQUIRE(canonical_tag("pt_BR") == "pt-BR");
    REQUIRE(canonical_tag("sr_Latn_RS") == "sr-Latn-RS");
    REQUIRE(canonical_tag("ar") == "ar");
    // Not tags: mixed separators, a charset or modifier suffix, punctuation, nothing.
    REQUIRE_FALSE(canonical_tag("es_US-x"));
    REQUIRE_FALSE(canonical_tag("es_US.UTF-8"));
    REQUIRE_FALSE(canonical_tag("es_US@euro"));
    REQUIRE_FALSE(canonical_tag("es US"));
    REQUIRE_FALSE(canonical_tag("_"));
    REQUIRE_FALSE(canonical_tag(""));
}

TEST_CASE("a memory's language serves a project locale when it is the same or its bare language", "[locales]") {
    using medloc::locales::covers;
    REQUIRE(covers("es-US", "es-US"));
    REQUIRE(covers("es", "es-US"));
    REQUIRE(covers("EN", "en-US"));
    REQUIRE(covers("es_US", "es-US"));
    // Another region or script is another variety: not offered as this one.
    REQUIRE_FALSE(covers("es-ES", "es-US"));
    REQUIRE_FALSE(covers("zh-Hant", "zh-Hans"));
    REQUIRE_FALSE(covers("es-US", "es"));
    REQUIRE_FALSE(covers("pt", "es-US"));
    REQUIRE_FALSE(covers("not a tag", "es-US"));
}
