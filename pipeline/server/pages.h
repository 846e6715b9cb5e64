// pages: the workspace's pages and the review packet, rendered from what
// the application layer returns. Nothing here decides anything: which acts
// a person may do is app's (roles_for), and the page only offers them.
#pragma once

#include "app/document_view.h"
#include "app/history.h"
#include "app/review.h"
#include "app/status.h"
#include "reviews/store.h"

#include <optional>
#include <string>
#include <vector>

namespace medloc::server {

// Who the page is for: the person signed in (none on the sign-in page) and
// the form token every form of theirs carries.
struct Viewer {
    std::optional<reviews::Person> person;
    std::string form_token;
};

// A message at the top of a page: a refusal, an error, or what was done.
struct Notice {
    enum class Kind { info, refused, error };
    Kind kind = Kind::info;
    std::string text;
};

std::string sign_in_page(const Viewer& viewer, const std::string& person_id, const std::optional<Notice>& notice);

std::string dashboard_page(const Viewer& viewer, const reviews::ProjectSettings& settings,
                           const pipeline::ProjectStatus& status);

std::string review_page(const Viewer& viewer, const reviews::ProjectSettings& settings,
                        const pipeline::DocumentView& view, const std::optional<Notice>& notice);

// What a signing asks for, as the review page links to it.
struct SigningRequest {
    reviews::Act act = reviews::Act::approve;
    std::string locale;
    std::string document;  // the document the segment is in, or the one signed off
    std::string segment;   // "" for the document's sign-off
    std::string shown;     // the fingerprint of what the page showed
};

// The signature manifestation (name, role, meaning, date and time), what is
// being signed, and the passphrase asked again.
std::string signing_page(const Viewer& viewer, const reviews::ProjectSettings& settings, const SigningRequest& request,
                         const pipeline::DocumentView& view, const std::string& now,
                         const std::optional<Notice>& notice);

// The signature as recorded, after the act.
std::string signed_page(const Viewer& viewer, const SigningRequest& request, const pipeline::ReviewOutcome& outcome);

std::string history_fragment(const pipeline::History& history);

std::string message_page(const Viewer& viewer, const std::string& title, const Notice& notice);

// The printable review packet of a document in a locale.
std::string packet_page(const reviews::ProjectSettings& settings, const pipeline::DocumentView& view,
                        const pipeline::History& history, const std::string& printed_at);

// Query-string encoding of one value.
std::string url_encode(std::string_view text);

}  // namespace medloc::server
