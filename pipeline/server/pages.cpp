// pages.cpp - the workspace's pages and the review packet (see pages.h).
#include "pages.h"

#include "assets.h"
#include "html.h"
#include "locales/locales.h"
#include "reviews/keys.h"

#include <variant>

namespace medloc::server {
namespace {

using pipeline::DocumentView;
using pipeline::SegmentFinding;
using pipeline::SegmentView;

std::string notice_html(const std::optional<Notice>& notice) {
    if (!notice) return {};
    const char* kind = notice->kind == Notice::Kind::info      ? "info"
                       : notice->kind == Notice::Kind::refused ? "refused"
                                                               : "error";
    return std::string("<div class=\"notice ") + kind + "\" role=\"" +
           (notice->kind == Notice::Kind::info ? "status" : "alert") + "\">" + escape(notice->text) + "</div>\n";
}

std::string hidden(const char* name, const std::string& value) {
    return std::string("<input type=\"hidden\" name=\"") + name + "\" value=\"" + escape(value) + "\">";
}

std::string layout(const Viewer& viewer, const std::string& title, const std::string& body) {
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>" +
        escape(title) +
        " - medloc</title><link rel=\"stylesheet\" href=\"/static/style.css\">"
        "<script src=\"/static/app.js\" defer></script></head>\n<body>\n"
        "<header class=\"top\"><a class=\"brand\" href=\"/\">medloc workspace</a>";
    if (viewer.person) {
        page += "<span class=\"who\">Signed in as <strong>" + escape(viewer.person->name) + "</strong> (" +
                escape(viewer.person->id) + ", " + escape(reviews::role_list(viewer.person->roles)) + ")</span>";
        page += "<form method=\"post\" action=\"/signout\">" + hidden("csrf", viewer.form_token) +
                "<button class=\"secondary\" type=\"submit\">Sign out</button></form>";
    }
    page += "</header>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    return page;
}

// "2026-11-26T17:18:41Z" as "2026-11-26 17:18 UTC".
std::string readable_time(const std::string& at) {
    if (at.size() < 16 || at[10] != 'T') return at;
    return at.substr(0, 10) + " " + at.substr(11, 5) + " UTC";
}

std::string direction(const std::string& locale) { return locales::is_right_to_left(locale) ? "rtl" : "ltr"; }

std::string review_link(const std::string& document, const std::string& locale) {
    return "/review?doc=" + url_encode(document) + "&amp;locale=" + url_encode(locale);
}

std::string state_badge(reviews::State state) {
    const std::string name = reviews::to_string(state);
    return "<span class=\"state state-" + name + "\" data-state=\"" + name + "\">" + name + "</span>";
}

// The highlights of a text's findings: of the source, or of the target.
std::vector<Highlight> highlights(const std::vector<SegmentFinding>& findings, bool target) {
    std::vector<Highlight> marks;
    for (const SegmentFinding& found : findings) {
        const qa::Span span = target ? found.finding.target : found.finding.source;
        if (!span.empty()) marks.push_back({span, found.blocks() ? qa::Severity::error : qa::Severity::warning});
    }
    return marks;
}

std::string findings_list(const std::vector<SegmentFinding>& findings) {
    if (findings.empty()) return {};
    std::string html = "<ul class=\"findings\">";
    for (const SegmentFinding& found : findings) {
        const bool error = found.finding.severity == qa::Severity::error;
        const char* kind = found.waiver ? "waived" : error ? "error" : "warning";
        html += std::string("<li class=\"") + kind + "\" data-check=\"" + qa::to_string(found.finding.check) + "\">";
        html += std::string(found.waiver ? "waived error"
                            : error      ? "QA error"
                                         : "warning") +
                " (" + qa::to_string(found.finding.check) + "): " + escape(found.finding.message);
        if (found.waiver)
            html += " &mdash; waived by " + escape(found.waiver->actor) + " on " + escape(found.waiver->at) + ": " +
                    escape(found.waiver->comment);
        html += "</li>";
    }
    return html + "</ul>";
}

// The translation of an earlier text kept beside the target: after a
// source change, what changed in the source and in the target since; after
// a rejection, the rejected target.
std::string earlier_text(const std::string& locale, const SegmentView& here) {
    const auto& translation = here.translation;
    if (!translation || !translation->previous_target) return {};
    const std::string target = translation->target ? plain_text(*translation->target) : std::string();
    const std::string earlier = plain_text(*translation->previous_target);
    const std::string target_dir = "<span lang=\"" + escape(locale) + "\" dir=\"" + direction(locale) + "\">";
    std::string html = "<div class=\"changed\" lang=\"en\" dir=\"ltr\">";
    const bool source_changed = translation->previous_source && *translation->previous_source != here.segment.source;
    if (source_changed)
        html += "<div><strong>Source changed:</strong> " +
                word_diff(plain_text(*translation->previous_source), here.segment.plain) + "</div>";
    if (target.empty())
        html += std::string("<div><strong>") + (source_changed ? "Target of the earlier source" : "Rejected target") +
                " (for reference):</strong> " + target_dir + escape(earlier) + "</span></div>";
    else
        html += "<div><strong>Target, against the earlier one:</strong> " + target_dir + word_diff(earlier, target) +
                "</span></div>";
    return html + "</div>";
}

// The source and target cells of a segment, as the reader will see them.
std::string text_cells(const reviews::ProjectSettings& settings, const std::string& locale, const SegmentView& here) {
    std::string html = "<td class=\"source\" lang=\"" + escape(settings.source_locale) + "\" dir=\"" +
                       direction(settings.source_locale) + "\">" +
                       render_content(here.segment.source, highlights(here.findings, false)) + "</td>";
    html += "<td class=\"target\" lang=\"" + escape(locale) + "\" dir=\"" + direction(locale) + "\">";
    if (here.translation && here.translation->target)
        html += render_content(*here.translation->target, highlights(here.findings, true));
    else html += "<span class=\"missing\" lang=\"en\" dir=\"ltr\">(no translation yet)</span>";
    html += earlier_text(locale, here);
    return html + findings_list(here.findings) + "</td>";
}

bool holds_any(const reviews::Person& person, const std::vector<reviews::Role>& roles) {
    for (const reviews::Role role : roles)
        if (person.holds(role)) return true;
    return false;
}

std::string sign_link(reviews::Act act, const std::string& locale, const std::string& document,
                      const SegmentView& here) {
    return "<a href=\"/sign?act=" + std::string(reviews::to_string(act)) + "&amp;locale=" + url_encode(locale) +
           "&amp;doc=" + url_encode(document) + "&amp;segment=" + url_encode(here.segment.id) +
           "&amp;shown=" + here.fingerprint + "\" data-act=\"" + reviews::to_string(act) + "\">" +
           (act == reviews::Act::revise    ? "Revise&hellip;"
            : act == reviews::Act::approve ? "Approve&hellip;"
            : act == reviews::Act::reject  ? "Reject&hellip;"
                                           : "Waive QA error&hellip;") +
           "</a>";
}

// The acts offered on a segment: those the person's roles allow and that
// would change something. Whether they may is decided when they sign.
std::string action_cell(const Viewer& viewer, const DocumentView& view, const SegmentView& here) {
    std::string html = "<td class=\"actions\">";
    if (!viewer.person || !here.translation || !here.translation->target) return html + "</td>";
    const reviews::State state = here.state;
    bool open_error = false;
    for (const SegmentFinding& found : here.findings) open_error = open_error || found.blocks();
    const std::string& document = view.version.document_id;
    if (state == reviews::State::translated && holds_any(*viewer.person, pipeline::roles_for(reviews::Act::revise)))
        html += sign_link(reviews::Act::revise, view.locale, document, here);
    if (state == reviews::State::revised && holds_any(*viewer.person, pipeline::roles_for(reviews::Act::approve)))
        html += sign_link(reviews::Act::approve, view.locale, document, here);
    if (!reviews::is_untranslated(state) && holds_any(*viewer.person, pipeline::roles_for(reviews::Act::reject)))
        html += sign_link(reviews::Act::reject, view.locale, document, here);
    if (open_error && holds_any(*viewer.person, pipeline::roles_for(reviews::Act::waive)))
        html += sign_link(reviews::Act::waive, view.locale, document, here);
    return html + "</td>";
}

std::string history_details(const std::string& segment, const std::string& locale) {
    const std::string src = "/history?segment=" + url_encode(segment) + "&amp;locale=" + url_encode(locale);
    return "<details class=\"history\" data-src=\"" + src +
           "\"><summary>History</summary><div class=\"history-body\"><a href=\"" + src +
           "\">Open the history</a></div></details>";
}

std::string segment_rows(const Viewer* viewer, const reviews::ProjectSettings& settings, const DocumentView& view) {
    std::string html;
    std::size_t number = 0;
    for (const SegmentView& here : view.segments) {
        ++number;
        html += "<tbody class=\"segment\" id=\"seg-" + escape(here.segment.id) + "\"><tr data-segment=\"" +
                escape(here.segment.id) + "\" data-state=\"" + reviews::to_string(here.state) + "\" class=\"kind-" +
                escape(here.segment.kind) + "\"><td class=\"num\">" + std::to_string(number) + "</td>";
        html += text_cells(settings, view.locale, here);
        html += "<td class=\"state\">" + state_badge(here.state);
        if (here.translation && !here.translation->updated_by.empty())
            html += "<span class=\"by\">" + escape(here.translation->updated_by) + ", " +
                    escape(readable_time(here.translation->updated_at)) + "</span>";
        html += "</td>";
        if (viewer) html += action_cell(*viewer, view, here);
        html += "</tr>";
        if (viewer)
            html += "<tr class=\"history-row\"><td></td><td colspan=\"4\">" +
                    history_details(here.segment.id, view.locale) + "</td></tr>";
        html += "</tbody>\n";
    }
    return html;
}

std::string document_summary(const DocumentView& view) {
    std::string html = "<p>Version " + std::to_string(view.version.version) + " (" + escape(view.version.format) +
                       "), " + std::to_string(view.segments.size()) + " segments; " + std::to_string(view.approved) +
                       " approved; <span data-count=\"qa_errors\">" + std::to_string(view.open_errors) +
                       "</span> open QA error(s).<br>" + escape(pipeline::review_summary(view.review)) + "</p>";
    return html;
}

// Who did what to a translation, from one entry of the log.
struct EntryFields {
    std::string at, actor, role, meaning, segment, text, comment;
};

EntryFields fields_of(const reviews::LogEntry& entry) {
    EntryFields fields;
    if (const auto* event = std::get_if<reviews::Event>(&entry.record)) {
        fields = {event->at,
                  event->actor,
                  reviews::to_string(event->role),
                  reviews::to_string(event->meaning),
                  event->segment_id,
                  event->target ? plain_text(*event->target) : std::string(),
                  event->comment};
        if (!event->finding.empty()) fields.comment = event->finding + ": " + event->comment;
    } else if (const auto* review = std::get_if<reviews::DocumentReview>(&entry.record)) {
        fields = {review->at,
                  review->actor,
                  reviews::to_string(review->role),
                  reviews::kDocumentReviewMeaning,
                  "",
                  reviews::signed_source(*review) + ", " + reviews::signed_targets(*review),
                  review->comment};
    } else if (const auto* retired = std::get_if<reviews::Retirement>(&entry.record)) {
        fields = {retired->at, retired->actor, "publisher", reviews::kRetiredMeaning, "", "", retired->comment};
    }
    return fields;
}

std::string history_table(const std::vector<reviews::LogEntry>& entries) {
    std::string html =
        "<table class=\"history\"><thead><tr><th>When (UTC)</th><th>Who</th><th>Role</th>"
        "<th>Meaning</th><th>Text</th><th>Comment</th></tr></thead><tbody>";
    for (const reviews::LogEntry& entry : entries) {
        const EntryFields f = fields_of(entry);
        if (f.at.empty()) continue;
        html += "<tr><td>" + escape(f.at) + "</td><td>" + escape(f.actor) + "</td><td>" + escape(f.role) + "</td><td>" +
                escape(f.meaning) + "</td><td>" + escape(f.text) + "</td><td>" + escape(f.comment) + "</td></tr>";
    }
    return html + "</tbody></table>";
}

// One figure, named as `status --json` names it (data-count, or data-review
// for the documents by review standing).
std::string counts_item(const char* attribute, const std::string& key, const std::string& label, std::int64_t value) {
    return std::string("<div ") + attribute + "=\"" + key + "\"><dt>" + label + "</dt><dd>" + std::to_string(value) +
           "</dd></div>";
}

// A locale's segments by state, as one bar.
std::string progress_bar(const std::string& locale, const pipeline::LocaleTotals& totals) {
    std::string svg =
        "<svg class=\"progress\" viewBox=\"0 0 1000 22\" preserveAspectRatio=\"none\" role=\"img\" "
        "aria-label=\"" +
        escape(locale) + " segments by state\">";
    double x = 0;
    for (const reviews::State state : reviews::kStates) {
        const std::int64_t count = totals.states.at(state);
        if (count == 0 || totals.segments == 0) continue;
        const double width = 1000.0 * static_cast<double>(count) / static_cast<double>(totals.segments);
        svg += "<rect class=\"s-" + std::string(reviews::to_string(state)) + "\" x=\"" + std::to_string(x) +
               "\" y=\"0\" width=\"" + std::to_string(width) + "\" height=\"22\"><title>" + reviews::to_string(state) +
               ": " + std::to_string(count) + "</title></rect>";
        x += width;
    }
    if (totals.segments == 0) svg += "<rect class=\"s-new\" x=\"0\" y=\"0\" width=\"1000\" height=\"22\"/>";
    return svg + "</svg>";
}

std::string locale_card(const std::string& locale, const pipeline::LocaleTotals& totals,
                        const pipeline::ProjectStatus& status) {
    const bool ready = totals.ready();
    std::string html = "<section class=\"card locale\" data-locale=\"" + escape(locale) + "\" data-ready=\"" +
                       (ready ? "true" : "false") + "\"><h2>" + escape(locale) + " ";
    html += ready ? "<span class=\"badge ready\">Ready to build</span>"
                  : "<span class=\"badge not-ready\">Not ready: " +
                        std::to_string(totals.documents - totals.ready_documents) + " of " +
                        std::to_string(totals.documents) + " document(s) need attention</span>";
    html += "</h2>" + progress_bar(locale, totals) + "<ul class=\"legend\">";
    for (const reviews::State state : reviews::kStates) {
        const std::string name = reviews::to_string(state);
        html += "<li data-state=\"" + name + "\"><span class=\"swatch s-" + name + "\"></span>" + name + " <strong>" +
                std::to_string(totals.states.at(state)) + "</strong></li>";
    }
    html += "</ul><dl class=\"counts\">";
    html += counts_item("data-count", "documents", "documents", static_cast<std::int64_t>(totals.documents));
    html += counts_item("data-count", "ready_documents", "ready", static_cast<std::int64_t>(totals.ready_documents));
    html += counts_item("data-count", "segments", "segments", totals.segments);
    html += counts_item("data-count", "words", "words", totals.words);
    html += counts_item("data-count", "stale", "stale", totals.stale);
    html += counts_item("data-count", "qa_errors", "open QA errors", static_cast<std::int64_t>(totals.qa_errors));
    for (const pipeline::Standing standing : pipeline::kStandings)
        html += counts_item("data-review", pipeline::to_string(standing),
                            std::string("reviews ") + pipeline::to_string(standing),
                            static_cast<std::int64_t>(totals.reviews.at(standing)));
    html += "</dl>";
    // Reviews due and expired, with their dates; then what blocks.
    std::string due, blockers;
    for (const pipeline::DocumentReport& report : status.documents) {
        const auto here = report.locales.find(locale);
        if (here == report.locales.end()) continue;
        const std::string& id = report.document.document_id;
        const pipeline::ReviewStanding& review = here->second.review;
        if (review.standing == pipeline::Standing::due || review.standing == pipeline::Standing::expired)
            due += "<li><a href=\"" + review_link(id, locale) + "\">" + escape(id) +
                   "</a>: " + pipeline::to_string(review.standing) + ", next review due " + escape(review.next_due) +
                   " (last " + escape(review.last_reviewed) + " by " + escape(review.reviewer) + ")</li>";
        if (!here->second.ready())
            blockers += "<li><a href=\"" + review_link(id, locale) + "\">" + escape(id) +
                        "</a>: " + escape(pipeline::what_it_needs(here->second)) + "</li>";
    }
    if (!due.empty()) html += "<h3>Reviews due and expired</h3><ul class=\"due\">" + due + "</ul>";
    if (!blockers.empty())
        html +=
            "<details class=\"blockers\"><summary>What blocks the build</summary><ul>" + blockers + "</ul></details>";
    return html + "</section>\n";
}

std::string meaning_words(const SigningRequest& request) {
    std::string words = reviews::to_string(pipeline::meaning_of(request.act));
    if (request.act == reviews::Act::approve && request.segment.empty())
        words = std::string(reviews::kDocumentReviewMeaning) + "; and each of its revised segments " + words;
    return words;
}

const SegmentView* find_segment(const DocumentView& view, const std::string& id) {
    for (const SegmentView& here : view.segments)
        if (here.segment.id == id) return &here;
    return nullptr;
}

}  // namespace

std::string url_encode(std::string_view text) {
    static const char* const kHex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        }
    }
    return out;
}

std::string sign_in_page(const Viewer& viewer, const std::string& person_id, const std::optional<Notice>& notice) {
    std::string body = "<h1>Sign in</h1>" + notice_html(notice) +
                       "<form class=\"signin card\" method=\"post\" action=\"/signin\">" +
                       hidden("csrf", viewer.form_token) +
                       "<label for=\"person\">Your id</label><input id=\"person\" name=\"person\" "
                       "autocomplete=\"username\" required value=\"" +
                       escape(person_id) +
                       "\"><label for=\"passphrase\">Passphrase</label><input id=\"passphrase\" name=\"passphrase\" "
                       "type=\"password\" autocomplete=\"current-password\" required>"
                       "<p><button type=\"submit\">Sign in</button></p></form>"
                       "<p class=\"missing\">Every failed sign-in is recorded. A session ends after 15 minutes "
                       "without use.</p>";
    return layout(viewer, "Sign in", body);
}

std::string dashboard_page(const Viewer& viewer, const reviews::ProjectSettings& settings,
                           const pipeline::ProjectStatus& status) {
    std::string body = "<h1>Project " + escape(settings.project_id) + "</h1><p>" + escape(settings.source_locale) +
                       " &rarr; " + escape(pipeline::target_list(settings)) + "; " +
                       std::to_string(status.document_count) + " document(s), " + std::to_string(status.segments) +
                       " segments, " + std::to_string(status.words) + " words; reviews judged as of " +
                       escape(status.as_of) + " (the same figures as <code>medloc status --json</code>).</p>";
    body += "<div class=\"locales\">";
    for (const auto& [locale, totals] : status.locales) body += locale_card(locale, totals, status);
    body += "</div><h2>Documents</h2><table class=\"documents\"><thead><tr><th>Document</th><th>Segments</th>";
    for (const auto& [locale, totals] : status.locales) body += "<th>" + escape(locale) + "</th>";
    body += "</tr></thead><tbody>";
    for (const pipeline::DocumentReport& report : status.documents) {
        const std::string& id = report.document.document_id;
        body += "<tr data-document=\"" + escape(id) + "\"><td>" + escape(id) + "</td><td>" +
                std::to_string(report.document.segments) + "</td>";
        for (const auto& [locale, totals] : status.locales) {
            const auto here = report.locales.find(locale);
            if (here == report.locales.end()) {
                body += "<td></td>";
                continue;
            }
            const pipeline::DocumentLocale& figures = here->second;
            body += "<td data-locale=\"" + escape(locale) + "\"><a href=\"" + review_link(id, locale) + "\">" +
                    std::to_string(figures.states.at(reviews::State::approved)) + "/" +
                    std::to_string(report.document.segments) + " approved</a>";
            if (figures.qa_errors > 0)
                body += " &middot; <span class=\"not-ok\">" + std::to_string(figures.qa_errors) + " QA error(s)</span>";
            body += " &middot; review: " + std::string(pipeline::to_string(figures.review.standing));
            body += figures.ready() ? " <span class=\"ok\">&#10003; ready</span>" : "";
            body += "</td>";
        }
        body += "</tr>\n";
    }
    body += "</tbody></table>";
    return layout(viewer, "Dashboard", body);
}

std::string review_page(const Viewer& viewer, const reviews::ProjectSettings& settings, const DocumentView& view,
                        const std::optional<Notice>& notice) {
    const std::string& id = view.version.document_id;
    std::string body = "<p><a href=\"/\">&larr; Dashboard</a></p><h1>" + escape(id) + " &mdash; " +
                       escape(view.locale) + "</h1>" + notice_html(notice) + document_summary(view);
    body += "<table class=\"review\"><thead><tr><th>#</th><th>Source (" + escape(settings.source_locale) +
            ")</th><th>Target (" + escape(view.locale) + ")</th><th>State</th><th>Actions</th></tr></thead>\n" +
            segment_rows(&viewer, settings, view) + "</table>\n";
    // The sign-off is offered here only, under the whole document, and names
    // what this page showed: if anything changes before the signature, it is refused.
    if (viewer.person && holds_any(*viewer.person, pipeline::roles_for(reviews::Act::approve))) {
        body +=
            "<section class=\"card signoff\" id=\"signoff\"><h2>Clinical sign-off of the whole document</h2>"
            "<p>You have the whole document above. Signing it off approves each of its revised segments and "
            "records your clinical review of this version in " +
            escape(view.locale) + ", as shown on this page.</p><form method=\"get\" action=\"/sign\">" +
            hidden("act", "approve") + hidden("locale", view.locale) + hidden("doc", id) +
            hidden("shown", view.fingerprint) +
            "<button type=\"submit\">Sign off this document&hellip;</button></form></section>";
    }
    return layout(viewer, id + " (" + view.locale + ")", body);
}

std::string signing_page(const Viewer& viewer, const reviews::ProjectSettings& settings, const SigningRequest& request,
                         const DocumentView& view, const std::string& now, const std::optional<Notice>& notice) {
    const reviews::Person& person = *viewer.person;
    const std::vector<reviews::Role> roles = pipeline::roles_for(request.act);
    std::vector<reviews::Role> held;
    for (const reviews::Role role : roles)
        if (person.holds(role)) held.push_back(role);
    const std::string act = reviews::to_string(request.act);
    const bool whole = request.segment.empty();
    std::string body = "<p><a href=\"" + review_link(request.document, request.locale) +
                       "\">&larr; Back to the document</a></p><h1>Sign: " + act +
                       (whole ? " the whole document" : " one segment") + "</h1>" + notice_html(notice);
    body +=
        "<section class=\"card manifestation\" aria-label=\"Signature manifestation\"><h2>Your signature will "
        "read</h2><dl><dt>Printed name</dt><dd data-field=\"name\">" +
        escape(person.name) + "</dd><dt>Person</dt><dd>" + escape(person.id) +
        "</dd><dt>Role</dt><dd data-field=\"role\">" +
        escape(held.empty() ? reviews::to_string(roles.front()) : reviews::to_string(held.front())) +
        (held.size() > 1 ? " (or as chosen below)" : "") + "</dd><dt>Meaning</dt><dd data-field=\"meaning\">" +
        escape(meaning_words(request)) +
        "</dd><dt>Date and time</dt><dd data-field=\"time\">stamped in UTC when you sign (now " + escape(now) +
        ")</dd><dt>Document</dt><dd>" + escape(request.document) + " (version " + std::to_string(view.version.version) +
        "), " + escape(request.locale) + "</dd></dl></section>";
    if (!whole) {
        const SegmentView* here = find_segment(view, request.segment);
        if (here)
            body +=
                "<table class=\"review\"><thead><tr><th>#</th><th>Source</th><th>Target</th><th>State</th></tr>"
                "</thead><tbody><tr><td class=\"num\">&nbsp;</td>" +
                text_cells(settings, view.locale, *here) + "<td>" + state_badge(here->state) +
                "</td></tr></tbody></table>";
    } else {
        body += "<div class=\"card\">" + document_summary(view) + "</div>";
    }
    body += "<form class=\"card sign\" method=\"post\" action=\"/sign\">" + hidden("csrf", viewer.form_token) +
            hidden("act", act) + hidden("locale", request.locale) + hidden("doc", request.document) +
            hidden("segment", request.segment) + hidden("shown", request.shown);
    if (held.size() > 1) {
        body += "<label for=\"role\">Role</label><select id=\"role\" name=\"role\">";
        for (const reviews::Role role : held) body += std::string("<option>") + reviews::to_string(role) + "</option>";
        body += "</select>";
    }
    if (request.act == reviews::Act::waive) {
        body +=
            "<label for=\"check\">Waive the open errors of</label><select id=\"check\" name=\"check\">"
            "<option value=\"\">every check</option>";
        for (const qa::Check check : qa::kChecks) body += std::string("<option>") + qa::to_string(check) + "</option>";
        body += "</select>";
    }
    const bool needs_comment = request.act == reviews::Act::reject || request.act == reviews::Act::waive;
    body +=
        std::string("<label for=\"comment\">Comment") +
        (needs_comment ? " (required: " +
                             std::string(request.act == reviews::Act::reject ? "what is wrong, for the translator"
                                                                             : "why the target is right as it stands") +
                             ")"
                       : " (optional)") +
        "</label><textarea id=\"comment\" name=\"comment\" rows=\"3\"" + (needs_comment ? " required" : "") +
        "></textarea>";
    body +=
        "<label for=\"passphrase\">Your passphrase, to sign (asked again for every signature)</label>"
        "<input id=\"passphrase\" name=\"passphrase\" type=\"password\" autocomplete=\"current-password\" "
        "required><p><button type=\"submit\">Sign: " +
        act + "</button> <a class=\"button secondary\" href=\"" + review_link(request.document, request.locale) +
        "\">Cancel</a></p></form>";
    return layout(viewer, "Sign: " + act, body);
}

std::string signed_page(const Viewer& viewer, const SigningRequest& request, const pipeline::ReviewOutcome& outcome) {
    std::string body =
        "<h1>Signed</h1><div class=\"notice info\" role=\"status\">" + escape(outcome.actor) + ": " +
        std::to_string(outcome.changed) + " segment(s) " + reviews::to_string(pipeline::meaning_of(request.act)) +
        ", " + std::to_string(outcome.skipped) + " left as they were" +
        (request.act == reviews::Act::waive ? " (" + std::to_string(outcome.waived) + " QA error(s) waived)"
                                            : std::string()) +
        ".</div>";
    for (const pipeline::ReviewedDocument& document : outcome.documents)
        body += "<p>Clinical review of " + escape(document.document_id) + " recorded on " + escape(document.reviewed) +
                "; next review due " + escape(document.next_due) + ".</p>";
    if (outcome.last_entry) {
        const EntryFields f = fields_of(*outcome.last_entry);
        std::string fingerprint;
        if (viewer.person) fingerprint = reviews::key_fingerprint(viewer.person->public_key);
        body +=
            "<section class=\"card manifestation recorded\" aria-label=\"Recorded signature\"><h2>Your "
            "recorded signature</h2><dl><dt>Printed name</dt><dd data-field=\"name\">" +
            escape(f.actor) + "</dd><dt>Role</dt><dd data-field=\"role\">" + escape(f.role) +
            "</dd><dt>Meaning</dt><dd data-field=\"meaning\">" + escape(f.meaning) +
            "</dd><dt>Date and time (UTC)</dt><dd data-field=\"time\">" + escape(f.at) +
            "</dd><dt>Log entry</dt><dd data-field=\"entry\">#" + std::to_string(outcome.last_entry->id) +
            ", hash <code>" + escape(outcome.last_entry->hash) + "</code></dd><dt>Signed with the key</dt><dd><code>" +
            escape(fingerprint) + "</code></dd>" +
            (f.comment.empty() ? std::string() : "<dt>Comment</dt><dd>" + escape(f.comment) + "</dd>") +
            "</dl></section>";
    }
    body += "<p><a class=\"button\" href=\"" + review_link(request.document, request.locale) +
            (request.segment.empty() ? std::string() : "#seg-" + url_encode(request.segment)) +
            "\">Back to the document</a></p>";
    return layout(viewer, "Signed", body);
}

std::string history_fragment(const pipeline::History& history) {
    if (history.entries.empty()) return "<p>No entries in the log yet.</p>";
    return history_table(history.entries);
}

std::string message_page(const Viewer& viewer, const std::string& title, const Notice& notice) {
    return layout(
        viewer, title,
        "<h1>" + escape(title) + "</h1>" + notice_html(notice) + "<p><a href=\"/\">Back to the dashboard</a></p>");
}

std::string packet_page(const reviews::ProjectSettings& settings, const DocumentView& view,
                        const pipeline::History& history, const std::string& printed_at) {
    const std::string& id = view.version.document_id;
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Review packet: " + escape(id) +
        " (" + escape(view.locale) + ")</title><style>" + kStyleSheet + "</style></head>\n<body><main>\n";
    page += "<h1>Clinical review packet: " + escape(id) + " &mdash; " + escape(view.locale) + "</h1>";
    page += "<p>Project " + escape(settings.project_id) + "; " + escape(settings.source_locale) + " &rarr; " +
            escape(view.locale) + "; printed " + escape(printed_at) + " UTC. Source sha256 <code>" +
            escape(view.version.source_sha256) + "</code>; what this packet shows: <code>" + view.fingerprint +
            "</code>.</p>" + document_summary(view);
    page += "<table class=\"review\"><thead><tr><th>#</th><th>Source (" + escape(settings.source_locale) +
            ")</th><th>Target (" + escape(view.locale) + ")</th><th>State</th></tr></thead>\n" +
            segment_rows(nullptr, settings, view) + "</table>\n";
    // The history, summed up: how many entries of each meaning, and every
    // review of the whole document.
    std::map<std::string, std::size_t> meanings;
    std::vector<reviews::LogEntry> reviews_of_document;
    for (const reviews::LogEntry& entry : history.entries) {
        ++meanings[fields_of(entry).meaning];
        if (std::holds_alternative<reviews::DocumentReview>(entry.record)) reviews_of_document.push_back(entry);
    }
    page += "<h2>History</h2><p>" + std::to_string(history.entries.size()) + " entries in the log for " +
            escape(view.locale) + ":";
    for (const auto& [meaning, count] : meanings) page += " " + escape(meaning) + " " + std::to_string(count) + ";";
    page += "</p>";
    if (!reviews_of_document.empty())
        page += "<h3>Reviews of the whole document</h3>" + history_table(reviews_of_document);
    page +=
        "<section class=\"signature-block\"><h2>Signature</h2>"
        "<p>I have reviewed the translation above for clinical accuracy. Meaning of this signature: " +
        std::string(reviews::kDocumentReviewMeaning) +
        ".</p><p>Printed name: <span class=\"line\"></span></p><p>Role: <span class=\"line\"></span></p>"
        "<p>Signature: <span class=\"line\"></span></p><p>Date and time: <span class=\"line\"></span></p>"
        "<p>Packet <code>" +
        view.fingerprint + "</code></p></section>";
    return page + "</main></body></html>\n";
}

}  // namespace medloc::server
