// Unit tests of the workspace's sessions (server/sessions.h, private):
// random tokens, form tokens, idle timeout, sign-out, a bounded table.
#include "sessions.h"

#include <catch2/catch.hpp>

#include <set>

using medloc::server::Sessions;

TEST_CASE("session tokens are 32 random bytes, each session with its own form token", "[server][sessions]") {
    Sessions sessions;
    const auto now = Sessions::Clock::now();
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string token = sessions.open("carla", now);
        REQUIRE(token.size() == 64);
        REQUIRE(token.find_first_not_of("0123456789abcdef") == std::string::npos);
        const auto session = sessions.find(token, now);
        REQUIRE(session);
        REQUIRE(session->person_id == "carla");
        REQUIRE(session->form_token.size() == 64);
        REQUIRE(session->form_token != token);
        REQUIRE(seen.insert(token).second);
        REQUIRE(seen.insert(session->form_token).second);
    }
}

TEST_CASE("a session ends after fifteen minutes without a request, and each request starts the wait again",
          "[server][sessions]") {
    Sessions sessions;
    const auto start = Sessions::Clock::now();
    const std::string token = sessions.open("ana", start);
    REQUIRE(sessions.find(token, start + std::chrono::minutes(14)));
    // Seen at 14 minutes: good until 29.
    REQUIRE(sessions.find(token, start + std::chrono::minutes(28)));
    REQUIRE_FALSE(sessions.find(token, start + std::chrono::minutes(28) + Sessions::kIdle));
    // Ended for good, not only for that request.
    REQUIRE_FALSE(sessions.find(token, start + std::chrono::minutes(29)));
    REQUIRE(sessions.size() == 0);
}

TEST_CASE("sign-out ends the session, and unknown or empty tokens find nothing", "[server][sessions]") {
    Sessions sessions;
    const auto now = Sessions::Clock::now();
    const std::string token = sessions.open("ben", now);
    const std::string other = sessions.open("carla", now);
    sessions.close(token);
    REQUIRE_FALSE(sessions.find(token, now));
    REQUIRE(sessions.find(other, now));
    REQUIRE_FALSE(sessions.find("", now));
    REQUIRE_FALSE(sessions.find(std::string(64, '0'), now));
    REQUIRE_FALSE(sessions.find(other.substr(0, 63), now));
}

TEST_CASE("form tokens are compared whole: empty, shorter, longer or one digit off are refused", "[server][csrf]") {
    const std::string token = Sessions::random_token();
    REQUIRE(Sessions::same_token(token, token));
    REQUIRE_FALSE(Sessions::same_token("", ""));
    REQUIRE_FALSE(Sessions::same_token("", token));
    REQUIRE_FALSE(Sessions::same_token(token.substr(1), token));
    REQUIRE_FALSE(Sessions::same_token(token + "0", token));
    std::string off = token;
    off.back() = off.back() == '0' ? '1' : '0';
    REQUIRE_FALSE(Sessions::same_token(off, token));
}

TEST_CASE("the table of sessions stays bounded: visitors cannot grow it without end", "[server][sessions]") {
    Sessions sessions;
    const auto start = Sessions::Clock::now();
    const std::string kept = sessions.open("carla", start);
    for (std::size_t i = 0; i < Sessions::kMost + 50; ++i) sessions.open("", start + std::chrono::milliseconds(i + 1));
    REQUIRE(sessions.size() <= Sessions::kMost);
    // The least recently used went first.
    REQUIRE_FALSE(sessions.find(kept, start + std::chrono::seconds(30)));
}
