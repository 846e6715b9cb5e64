// sessions.cpp - random tokens, idle timeout, sign-out (see sessions.h).
#include "sessions.h"

#include <sodium.h>

#include <stdexcept>

namespace medloc::server {

std::string Sessions::random_token() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[2 * sizeof bytes + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

bool Sessions::same_token(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Sessions::open(const std::string& person_id, Clock::time_point now) {
    std::string token = random_token();
    const std::lock_guard lock(mutex_);
    make_room(now);
    sessions_[token] = {person_id, random_token(), now};
    return token;
}

std::optional<Sessions::Session> Sessions::find(const std::string& token, Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    // Looked up by the token's exact bytes; a map's comparisons leak no more
    // than the prefix shared with another random token.
    const auto it = sessions_.find(token);
    if (it == sessions_.end()) return std::nullopt;
    if (now - it->second.last_seen >= kIdle) {
        sessions_.erase(it);
        return std::nullopt;
    }
    it->second.last_seen = now;
    return it->second;
}

void Sessions::close(const std::string& token) {
    const std::lock_guard lock(mutex_);
    sessions_.erase(token);
}

std::size_t Sessions::size() const {
    const std::lock_guard lock(mutex_);
    return sessions_.size();
}

void Sessions::make_room(Clock::time_point now) {
    std::erase_if(sessions_, [now](const auto& entry) { return now - entry.second.last_seen >= kIdle; });
    while (sessions_.size() >= kMost) {
        auto oldest = sessions_.begin();
        for (auto it = sessions_.begin(); it != sessions_.end(); ++it)
            if (it->second.last_seen < oldest->second.last_seen) oldest = it;
        sessions_.erase(oldest);
    }
}

}  // namespace medloc::server
