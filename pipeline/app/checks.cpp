// checks.cpp - findings and waivers of a project's targets (see checks.h).
#include "app/checks.h"

#include "app/project.h"
#include "checks_beside.h"
#include "extract/filter.h"
#include "io/errors.h"
#include "io/progress.h"
#include "qa/glossary.h"
#include "reviews/people.h"
#include "xliff/content.h"
#include "xliff/xliff.h"

#include <deque>
#include <future>
#include <memory>

namespace medloc::pipeline {

namespace {

// The terms of the glossary in force for translating into `locale`.
std::vector<qa::Term> glossary_terms(reviews::Store& store, const std::string& locale) {
    const std::optional<std::string> tbx = store.glossary();
    if (!tbx) return {};
    try {
        return qa::Glossary::read_tbx(*tbx).terms(store.settings().source_locale, locale);
    } catch (const qa::GlossaryError& e) {
        // It was read when imported: the project was changed outside medloc.
        throw reviews::DatabaseError(std::string("the project's glossary cannot be read (") + e.what() +
                                     "); run medloc audit verify, and import the glossary again");
    }
}

}  // namespace

Checks::Checks(reviews::Store& store, std::string locale)
    : store_(store),
      locale_(std::move(locale)),
      checker_(std::make_unique<qa::Checker>(store.settings().source_locale, locale_, glossary_terms(store, locale_))) {
}

Checks::~Checks() = default;

std::string Checks::plain_target(const reviews::Translation& translation) {
    return translation.target ? xliff::content_from_markup(*translation.target).plain_text() : std::string();
}

bool Checks::kept_as_source(const reviews::StoredSegment& segment) {
    if (kept_document_ != segment.document_id) {
        kept_.clear();
        kept_document_ = segment.document_id;
        if (const auto version = store_.current_version(segment.document_id)) {
            const std::vector<reviews::StoredSegment> segments =
                store_.version_segments(version->document_id, version->version);
            std::vector<qa::SegmentText> texts;
            for (const reviews::StoredSegment& each : segments)
                texts.push_back({each.plain, each.context, each.kind == to_string(UnitKind::list_item)});
            const std::vector<bool> kept = qa::kept_as_source(texts);
            for (std::size_t i = 0; i < segments.size(); ++i) kept_[segments[i].id] = kept[i];
        }
    }
    const auto found = kept_.find(segment.id);
    return found != kept_.end() && found->second;
}

// The waivers standing for the target as it is: given since it was last
// translated, for this very source and target text.
std::vector<reviews::Event> Checks::waivers(const reviews::StoredSegment& segment,
                                            const reviews::Translation& translation) {
    std::vector<reviews::Event> standing;
    for (const reviews::LogEntry& entry : store_.segment_log(segment.id, locale_)) {
        const auto* event = std::get_if<reviews::Event>(&entry.record);
        if (!event) continue;
        if (event->meaning == reviews::Meaning::translated || event->meaning == reviews::Meaning::kept_source ||
            event->meaning == reviews::Meaning::rejected || event->meaning == reviews::Meaning::invalidated)
            standing.clear();
        else if (event->meaning == reviews::Meaning::waived && event->source == segment.source &&
                 event->target == translation.target)
            standing.push_back(*event);
    }
    return standing;
}

bool Checks::keep_as_source(const reviews::StoredSegment& segment, const reviews::Translation& translation,
                            const std::string& target) {
    // The log is read only for the rare target that is the source text.
    return kept_as_source(segment) ||
           (target == segment.plain && reviews::people_of(store_, segment.id, translation.locale).source_kept);
}

std::vector<SegmentFinding> Checks::of(const reviews::StoredSegment& segment, const reviews::Translation& translation) {
    return waive(segment, translation, findings(segment, prepare(segment, translation)));
}

PreparedTarget Checks::prepare(const reviews::StoredSegment& segment, const reviews::Translation& translation) {
    PreparedTarget target;
    if (!translation.target || reviews::is_untranslated(translation.state)) return target;
    target.checked = true;
    target.plain = plain_target(translation);
    target.pseudo_original = xliff::pseudo_original(target.plain);
    if (target.pseudo_original && !pseudo_checker_) {
        const std::string& source_locale = store_.settings().source_locale;
        pseudo_checker_ = std::make_unique<qa::Checker>(source_locale, source_locale);
    }
    target.keep_as_source = !target.pseudo_original && keep_as_source(segment, translation, target.plain);
    return target;
}

std::vector<qa::Finding> Checks::findings(const reviews::StoredSegment& segment, const PreparedTarget& target) const {
    if (!target.checked) return {};
    // A pseudo-translation is the source by design: only what it keeps is checked.
    if (!target.pseudo_original) return checker_->check(segment.plain, target.plain, target.keep_as_source);
    std::vector<qa::Finding> findings = pseudo_checker_->check(segment.plain, *target.pseudo_original, true);
    for (qa::Finding& finding : findings) finding.target = {};  // its places are in the text it was made from
    return findings;
}

std::vector<SegmentFinding> Checks::waive(const reviews::StoredSegment& segment,
                                          const reviews::Translation& translation, std::vector<qa::Finding> findings) {
    std::vector<SegmentFinding> out;
    if (findings.empty()) return out;
    const std::vector<reviews::Event> standing =
        qa::error_count(findings) > 0 ? waivers(segment, translation) : std::vector<reviews::Event>{};
    for (qa::Finding& finding : findings) {
        SegmentFinding found{std::move(finding), std::nullopt};
        for (const reviews::Event& waiver : standing)
            if (waiver.finding == found.finding.key()) found.waiver = waiver;
        out.push_back(std::move(found));
    }
    return out;
}

std::string blocking_reason(const std::vector<SegmentFinding>& findings) {
    std::string reason;
    for (const SegmentFinding& found : findings) {
        if (!found.blocks()) continue;
        reason += (reason.empty() ? "QA error (" : "; QA error (") + std::string(qa::to_string(found.finding.check)) +
                  "): " + found.finding.message;
    }
    if (!reason.empty()) reason += ". Correct the target, or have a clinician who did not write it waive the error";
    return reason;
}

CheckOutcome check_locale(reviews::Store& store, const CheckRequest& request) {
    CheckOutcome outcome;
    outcome.locale = target_locale_option(store.settings(), request.locale);
    const auto reading = store.transaction(reviews::Access::read);
    if (!request.document.empty() && !store.current_version(request.document))
        throw InputError("--doc " + request.document, "no such document in this project", "see medloc status");
    const std::vector<std::string> ids =
        request.document.empty() ? store.document_ids() : std::vector{request.document};
    Checks checks(store, outcome.locale);
    // Each document's findings in order, a few documents behind the reads.
    std::deque<std::pair<ChecksBeside::Segments, std::future<ChecksBeside::Found>>> waiting;
    ChecksBeside beside;  // last: stopped before what its work refers to
    const auto finish = [&](ChecksBeside::Segments& segments, std::future<ChecksBeside::Found>& checked) {
        for (auto& [i, findings] : ChecksBeside::waived(checks, segments, checked)) {
            const auto& [segment, translation] = (*segments)[i];
            for (const SegmentFinding& found : findings) {
                if (found.finding.severity == qa::Severity::warning) ++outcome.warnings;
                else if (found.waiver) ++outcome.waived;
                else ++outcome.errors;
            }
            outcome.segments.push_back(
                {segment, translation->state, Checks::plain_target(*translation), std::move(findings)});
        }
    };
    Progress progress("checking", ids.size());
    for (const std::string& id : ids) {
        progress.at(static_cast<std::size_t>(&id - ids.data()) + 1);
        const auto version = store.current_version(id);
        ++outcome.documents;
        auto segments = std::make_shared<const std::vector<reviews::TranslatedSegment>>(
            store.version_translations(id, version->version, outcome.locale));
        for (const auto& [segment, translation] : *segments)
            if (translation && translation->target && !reviews::is_untranslated(translation->state)) ++outcome.targets;
        waiting.emplace_back(segments, beside.check(checks, segments));
        if (waiting.size() > ChecksBeside::kBehind) {
            finish(waiting.front().first, waiting.front().second);
            waiting.pop_front();
        }
    }
    for (; !waiting.empty(); waiting.pop_front()) finish(waiting.front().first, waiting.front().second);
    reading->commit();
    return outcome;
}

}  // namespace medloc::pipeline
