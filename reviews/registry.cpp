// registry.cpp - people and their roles, as stored.
#include "reviews/store.h"

namespace medloc::reviews {

bool Person::holds(Role role) const {
    for (const Role held : roles)
        if (held == role) return true;
    return false;
}

std::string role_list(const std::vector<Role>& roles) {
    std::string text;
    for (const Role role : roles) text += (text.empty() ? "" : ",") + std::string(to_string(role));
    return text;
}

std::optional<std::vector<Role>> parse_role_list(std::string_view text) {
    std::vector<Role> roles;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const auto role = parse_role(text.substr(0, comma));
        if (!role || *role == Role::system) return std::nullopt;
        bool known = false;
        for (const Role held : roles) known = known || held == *role;
        if (!known) roles.push_back(*role);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    if (roles.empty()) return std::nullopt;
    return roles;
}

const char* to_string(PersonChange::Kind kind) {
    switch (kind) {
    case PersonChange::Kind::registered: return "person registered";
    case PersonChange::Kind::disabled: return "person disabled";
    case PersonChange::Kind::passphrase_changed: return "passphrase changed";
    }
    return "person registered";
}

}  // namespace medloc::reviews
