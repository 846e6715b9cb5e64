// sessions: who is signed in to the workspace, by random token.
//
// A session is a token of 32 random bytes (libsodium) that the browser
// keeps in an HttpOnly, SameSite=Strict cookie, and the form token (CSRF)
// that every form of the session carries back. A visitor who has not
// signed in gets a session with no person, so that the sign-in form has a
// form token too; signing in replaces it with a new one. A session ends
// after kIdle without a request, or on sign-out. Sessions live in the
// server's memory only: a restart signs everyone out.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace medloc::server {

class Sessions {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::minutes kIdle{15};
    // Beyond this many, the least recently used session is ended first.
    static constexpr std::size_t kMost = 10'000;

    struct Session {
        std::string person_id;  // "" before sign-in
        std::string form_token;
        Clock::time_point last_seen;
    };

    // Opens a session for `person_id` ("" for a visitor) and returns its token.
    std::string open(const std::string& person_id, Clock::time_point now);
    // The session of `token` if it has not been idle too long; its idle
    // time starts again. An expired session is ended.
    std::optional<Session> find(const std::string& token, Clock::time_point now);
    void close(const std::string& token);
    std::size_t size() const;

    // Compares two tokens in constant time.
    static bool same_token(const std::string& a, const std::string& b);
    // 32 random bytes, as 64 hex digits.
    static std::string random_token();

private:
    void make_room(Clock::time_point now);

    mutable std::mutex mutex_;
    std::map<std::string, Session> sessions_;
};

}  // namespace medloc::server
