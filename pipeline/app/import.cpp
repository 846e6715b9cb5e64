// import.cpp - translations back from CAT tools (see import.h).
#include "app/import.h"

#include "app/blocker.h"
#include "app/checks.h"
#include "app/decisions.h"
#include "app/leverage.h"
#include "app/project.h"
#include "io/errors.h"
#include "io/files.h"
#include "io/progress.h"
#include "locales/locales.h"
#include "read_ahead.h"
#include "signoff.h"
#include "states.h"
#include "xliff/xliff.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace medloc::pipeline {
namespace {

using reviews::Role;
using reviews::State;
using xliff::UnitState;

struct FilePlan {
    std::string path;
    std::vector<std::pair<std::string, std::string>> documents;  // document and locale of each <file>
    std::string summary;
    std::vector<Change> changes;
    std::vector<Blocker> blockers;  // units the review rules refuse
    // Documents a clinician signed off whole in this file: every unit final.
    std::vector<std::pair<reviews::DocumentVersion, std::string>> whole_reviews;
};

// A place in the file being imported, for InputError.
struct Place {
    const std::string& path;
    std::string_view bytes;

    [[noreturn]] void fail(std::size_t offset, const std::string& what, const std::string& todo) const {
        const locales::TextPosition at = locales::position_of(bytes, offset);
        throw InputError(path, what, todo, at.line, at.column);
    }
};

std::string describe(const xliff::Run& code) {
    std::string text = "inline code " + std::to_string(code.id);
    if (!code.type.empty()) text += " (" + code.type + ")";
    return text;
}

const xliff::Run* find_code(const xliff::Content& content, const xliff::Run& code) {
    for (const xliff::Run& run : content.runs)
        if (run.is_code() && run.kind == code.kind && run.id == code.id) return &run;
    return nullptr;
}

// Same text and the same codes in the same order: codes compare by kind and
// id only, since files carry them in their own vocabulary.
bool same_content(const xliff::Content& read, const xliff::Content& stored) {
    if (read.runs.size() != stored.runs.size()) return false;
    for (std::size_t i = 0; i < read.runs.size(); ++i) {
        const xliff::Run& a = read.runs[i];
        const xliff::Run& b = stored.runs[i];
        if (a.kind != b.kind || (a.is_code() ? a.id != b.id : a.text != b.text)) return false;
    }
    return true;
}

// "" when the target's codes are the source's, each once, pairs in order
// and properly nested; otherwise what is wrong.
std::string code_problem(const xliff::Content& target, const xliff::Content& source) {
    std::map<std::pair<xliff::Run::Kind, int>, int> seen;
    std::vector<int> open_pairs;
    for (const xliff::Run& run : target.runs) {
        if (!run.is_code()) continue;
        const xliff::Run* original = find_code(source, run);
        if (!original)
            return "the target has an inline code (id " + std::to_string(run.id) + ") that the source does not have";
        if (++seen[{run.kind, run.id}] > 1) return "the target has " + describe(*original) + " twice";
        xliff::Run partner = run;
        partner.kind = run.kind == xliff::Run::Kind::open ? xliff::Run::Kind::close : xliff::Run::Kind::open;
        const bool paired = run.kind != xliff::Run::Kind::placeholder && find_code(source, partner);
        if (!paired) continue;
        if (run.kind == xliff::Run::Kind::open) {
            open_pairs.push_back(run.id);
        } else if (open_pairs.empty() || open_pairs.back() != run.id) {
            return "the target closes " + describe(*original) + " before opening it, or across another code";
        } else {
            open_pairs.pop_back();
        }
    }
    for (const xliff::Run& run : source.runs)
        if (run.is_code() && !seen.contains({run.kind, run.id}))
            return "the target lacks " + describe(run) + (run.text.empty() ? "" : " \"" + run.text + "\"") +
                   " that the source has";
    return {};
}

// The target with each code as the source has it (type, display text).
xliff::Content with_source_codes(xliff::Content target, const xliff::Content& source) {
    for (xliff::Run& run : target.runs)
        if (run.is_code()) run = *find_code(source, run);
    return target;
}

bool claims_at_least(const std::optional<UnitState>& claim, UnitState state) { return claim && *claim >= state; }

std::string quoted_text(const std::optional<std::string>& markup) {
    if (!markup) return "no target";
    return "\"" + xliff::content_from_markup(*markup).plain_text() + "\"";
}

// A translation as it stood when a file was exported, and what changed it
// since, from the segment's log.
struct SinceExport {
    std::optional<std::string> exported;    // the target the file was made with
    const reviews::Event* newer = nullptr;  // the latest change of the target after it, if any
};

SinceExport since_export(const std::vector<reviews::LogEntry>& log, std::int64_t exported_at) {
    SinceExport since;
    for (const reviews::LogEntry& entry : log) {
        const auto* event = std::get_if<reviews::Event>(&entry.record);
        if (!event) continue;
        if (entry.id <= exported_at) since.exported = event->target;
        else if (event->target != since.exported) since.newer = event;
    }
    return since;
}

class Importer {
public:
    Importer(reviews::Store& store, const ImportRequest& request, const Signer& signer)
        : store_(store), request_(request), signer_(signer) {}

    // `summarize`: count the QA findings of the new targets for the file's
    // summary (only the plan that is stored shows one).
    FilePlan plan(const std::string& path, bool summarize) {
        summarize_ = summarize;
        const std::string bytes = read_xml_file(path, request_.limits.max_bytes);
        const Place place{path, bytes};
        xliff::ReadXliff read;
        try {
            read = xliff::read_xliff(bytes, request_.limits.max_depth);
        } catch (const xliff::ReadError& e) {
            place.fail(e.offset, e.what(), e.todo);
        }
        FilePlan plan;
        plan.path = path;
        for (const xliff::ReadFile& file : read.files) plan_file(place, file, plan);
        return plan;
    }

private:
    struct Counts {
        std::map<State, std::size_t> by_state;  // what the changed units became
        std::size_t unchanged = 0, untranslated = 0, source_copies = 0;
        std::size_t left_out = 0;                    // a stale file's units whose segment changed or was removed
        std::size_t kept_newer = 0;                  // left as exported while the project's target changed since
        std::size_t confirmed_copies = 0;            // source texts confirmed as their translation
        std::size_t qa_errors = 0, qa_warnings = 0;  // in the new targets
    };

    // The unit as it stands in the project, with what the file brings.
    struct UnitPlan {
        const reviews::StoredSegment& segment;
        const std::string& locale;
        const std::optional<reviews::Translation> stored;
        const Signer signer;

        State stored_state() const { return stored ? stored->state : State::new_; }
        bool has_stored_target() const { return stored && stored->target; }
    };

    // The file's <file> against the project; its document's current version
    // and the project's spelling of its target language.
    std::string check_file(const Place& place, const xliff::ReadFile& file, reviews::DocumentVersion& version) {
        const reviews::ProjectSettings& settings = store_.settings();
        if (file.project_id.empty())
            place.fail(file.offset, "this <file> does not say which medloc project it belongs to",
                       "import only files that medloc export wrote, as the CAT tool returned them");
        if (file.project_id != settings.project_id)
            place.fail(file.offset,
                       "the file belongs to another medloc project (" + file.project_id + "; this one is " +
                           settings.project_id + ")",
                       "import it into the project that exported it, or check --db");
        const auto current = store_.current_version(file.document_id);
        if (!current)
            place.fail(file.offset, "document \"" + file.document_id + "\" is not in this project",
                       "import the files this project exported");
        // An older version's file still carries the work on the sentences
        // that did not change; plan_file takes those and reports the rest.
        if (file.version <= 0 || file.version > current->version)
            place.fail(file.offset,
                       file.version <= 0
                           ? "the file does not say which version of \"" + file.document_id + "\" it was exported from"
                           : "the file names version " + std::to_string(file.version) + " of \"" + file.document_id +
                                 "\", which has only " + std::to_string(current->version),
                       "import the files this project exported, as the CAT tool returned them");
        if (file.target_language.empty())
            place.fail(file.offset, "the file names no target language", "export the file again");
        const auto locale = find_target_locale(settings, file.target_language);
        if (!locale)
            place.fail(file.offset,
                       "target language \"" + file.target_language + "\" is not a target locale of this project",
                       "import files exported for one of: " + target_list(settings));
        version = *current;
        return *locale;
    }

    void plan_file(const Place& place, const xliff::ReadFile& file, FilePlan& plan) {
        reviews::DocumentVersion version;
        const std::string locale = check_file(place, file, version);
        plan.documents.emplace_back(version.document_id, locale);
        // Targets changed since the export are looked at unit by unit; most
        // files come back to a document nobody touched meanwhile.
        exported_at_ =
            file.log_position > 0 && store_.last_translation_change(version.document_id, locale) > file.log_position
                ? file.log_position
                : 0;
        // Each segment with its translation as it stands before the file; a
        // unit changes its own segment only, and appears once.
        std::vector<reviews::TranslatedSegment> in_order =
            store_.version_translations(version.document_id, version.version, locale);
        contexts_.clear();
        if (request_.role == Role::clinical) {  // a clinician's approvals join the memory
            const std::vector<std::string> contexts = contexts_of(in_order);
            for (std::size_t i = 0; i < in_order.size(); ++i) contexts_.emplace(in_order[i].segment.id, contexts[i]);
        }
        std::map<std::string, reviews::TranslatedSegment> segments;
        for (reviews::TranslatedSegment& each : in_order) segments.emplace(each.segment.id, std::move(each));

        Counts counts;
        if (!checks_ || checks_locale_ != locale) {  // one checker per locale, not per file
            checks_ = std::make_unique<Checks>(store_, locale);
            checks_locale_ = locale;
        }
        std::set<std::string> seen;
        bool all_final = true;
        const bool stale = file.version < version.version;
        std::string left_out;  // a stale file's units whose segment is no longer current
        for (const xliff::ReadUnit& unit : file.units) {
            if (!seen.insert(unit.id).second)
                place.fail(unit.offset, "unit id \"" + unit.id + "\" appears twice",
                           "keep each unit once, as exported");
            const auto segment = segments.find(unit.id);
            if (segment == segments.end() && stale) {
                left_out += not_current(place, unit, version);
                ++counts.left_out;
                continue;
            }
            if (segment == segments.end())
                place.fail(unit.offset,
                           "unit id \"" + unit.id + "\" is not a segment of \"" + version.document_id + "\" version " +
                               std::to_string(version.version),
                           "keep the unit ids medloc exported");
            plan_unit(place, unit, segment->second, locale, plan, counts);
            all_final = all_final && unit.state == UnitState::final;
        }
        if (request_.role == Role::clinical && !stale && all_final && seen.size() == segments.size())
            plan_document_review(version, locale, segments, plan);
        plan.summary += summary_line(file, version, locale, counts);
        if (!left_out.empty())
            plan.summary += "  made from version " + std::to_string(file.version) + "; now version " +
                            std::to_string(version.version) + ", so " + std::to_string(counts.left_out) +
                            " unit(s) were not imported (export the document again for them):\n" + left_out;
    }

    // Why a unit of an older version's file is not imported: its segment
    // changed (and what replaced it) or was removed; with its text.
    std::string not_current(const Place& place, const xliff::ReadUnit& unit, const reviews::DocumentVersion& version) {
        const std::optional<reviews::StoredSegment> old = store_.segment(unit.id);
        if (!old || old->document_id != version.document_id)
            place.fail(unit.offset,
                       "unit id \"" + unit.id + "\" was never a segment of \"" + version.document_id + "\"",
                       "keep the unit ids medloc exported");
        std::string what = "removed";
        for (const reviews::StoredSegment& now : store_.version_segments(version.document_id, version.version))
            if (now.replaces == unit.id) what = "source changed; now segment " + now.id + " \"" + now.plain + "\"";
        return "    " + unit.id + " \"" + old->plain + "\": " + what + "\n";
    }

    // A clinician's file with every unit final reviews the whole document,
    // under the same four eyes as review approve --doc.
    void plan_document_review(const reviews::DocumentVersion& version, const std::string& locale,
                              const std::map<std::string, reviews::TranslatedSegment>& segments, FilePlan& plan) {
        const reviews::Contributor signer{signer_.actor_id, signer_.actor};
        const reviews::DocumentPeople everyone(store_, version.document_id, locale);
        for (const auto& [id, segment] : segments)
            if (took_part(everyone.of(id), signer)) {
                plan.blockers.push_back({plan.path,
                                         version.document_id,
                                         {},
                                         std::nullopt,
                                         signer_.actor + " wrote or revised targets of this document in " + locale +
                                             "; its clinical review must be someone else's"});
                return;
            }
        plan.whole_reviews.emplace_back(version, locale);
    }

    static std::string summary_line(const xliff::ReadFile& file, const reviews::DocumentVersion& version,
                                    const std::string& locale, const Counts& counts) {
        std::string line = file.document_id + " v" + std::to_string(version.version) + " (" + locale +
                           "): " + std::to_string(file.units.size()) + " units:";
        for (const auto& [state, count] : counts.by_state)
            line += " " + std::to_string(count) + " " + reviews::to_string(state) + ",";
        line += " " + std::to_string(counts.unchanged) + " unchanged, " + std::to_string(counts.untranslated) +
                " empty, " + std::to_string(counts.source_copies) + " still the source copy";
        if (counts.kept_newer > 0)
            line += ", " + std::to_string(counts.kept_newer) +
                    " left as exported while the project's target changed since (the newer target is kept)";
        line += "\n";
        // Said out loud: each is English (or whatever the source is) that
        // reviewers will be asked to pass as the translation.
        if (counts.confirmed_copies > 0)
            line += "  " + std::to_string(counts.confirmed_copies) +
                    " of the translated targets are the source text itself, confirmed as their own translation "
                    "(--confirm-source-copies); each still needs revision and approval\n";
        if (counts.qa_errors + counts.qa_warnings > 0)
            line += "  QA: " + std::to_string(counts.qa_errors) + " error(s), " + std::to_string(counts.qa_warnings) +
                    " warning(s) in the new targets; errors block revision and approval (medloc check --locale " +
                    locale + " --doc " + file.document_id + ")\n";
        if (counts.source_copies > 0)
            line +=
                "  (a target that is still the source copy stays untranslated; if the translation really "
                "is the source text, confirm it: medloc review keep-source --locale " +
                locale +
                " --segment ID, or mark the units translated in your tool and import with "
                "--confirm-source-copies)\n";
        return line;
    }

    void plan_unit(const Place& place, const xliff::ReadUnit& unit, const reviews::TranslatedSegment& stored,
                   const std::string& locale, FilePlan& plan, Counts& counts) {
        const reviews::StoredSegment& segment = stored.segment;
        const xliff::Content source = xliff::content_from_markup(segment.source);
        if (!same_content(unit.source, source))
            place.fail(unit.offset, "the source text of unit \"" + unit.id + "\" differs from the one exported",
                       "change only targets; the source is the document's, re-extract it to change it");
        if (!unit.has_target) {
            ++counts.untranslated;
            return;
        }
        if (const std::string problem = code_problem(unit.target, source); !problem.empty())
            place.fail(unit.offset, "unit \"" + unit.id + "\": " + problem,
                       "keep every inline code of the source in the target, each once, pairs in order");
        const xliff::Content target = with_source_codes(unit.target, source);
        Signer signer = signer_;
        signer.origin = "medloc import " + plan.path;
        const UnitPlan here{segment, locale, stored.translation, std::move(signer)};
        const std::string markup = target.to_markup();
        if (here.has_stored_target() && *here.stored->target == markup) {
            plan_signoff(unit, here, plan, counts);
            return;
        }
        // A copy of the source is the pre-filled target whatever its state
        // says (tools mark copies final), unless a person confirms it.
        const bool source_copy = target == source;
        if (source_copy && !(request_.confirm_source_copies && claims_at_least(unit.state, UnitState::translated))) {
            ++counts.source_copies;
            return;
        }
        if (!source_copy) refuse_source_left_in(place, unit, segment, target);
        if (exported_at_ > 0 && !newer_allows(markup, here, plan, counts)) return;
        plan_new_target(markup, here, source_copy ? reviews::Meaning::kept_source : reviews::Meaning::translated, plan,
                        counts);
    }

    // A tool that typed the translation in front of (or after) the copy
    // export pre-filled leaves the English sentence in the target: half a
    // translation, which must not be stored as one.
    static void refuse_source_left_in(const Place& place, const xliff::ReadUnit& unit,
                                      const reviews::StoredSegment& segment, const xliff::Content& target) {
        if (segment.words < 3) return;  // a name or a term may well stand beside its translation
        const std::string text = target.plain_text(), source = segment.plain;
        std::string_view rest;
        if (text.size() > source.size() && text.ends_with(source))
            rest = std::string_view(text).substr(0, text.size() - source.size());
        else if (text.size() > source.size() && text.starts_with(source))
            rest = std::string_view(text).substr(source.size());
        if (!locales::has_letters_or_digits(rest)) return;
        place.fail(unit.offset,
                   "unit \"" + unit.id + "\": the target still holds the whole source text \"" + source +
                       "\" beside the translation",
                   "delete the source text left in the target (the copy export pre-filled) and save the file again");
    }

    // A target changed in the project after the file was exported is not
    // overwritten by the file's older view: kept when the file left the unit
    // as exported, refused when the file changed it too, unless the person
    // importing says --overwrite-newer.
    bool newer_allows(const std::string& markup, const UnitPlan& here, FilePlan& plan, Counts& counts) {
        const std::vector<reviews::LogEntry> log = store_.segment_log(here.segment.id, here.locale);
        const SinceExport since = since_export(log, exported_at_);
        if (!since.newer || request_.overwrite_newer) return true;
        if (since.exported == markup) {
            ++counts.kept_newer;
            return false;
        }
        const reviews::Event& newer = *since.newer;
        plan.blockers.push_back({plan.path, here.segment.document_id, here.segment.id, here.stored_state(),
                                 "changed in the project after this file was exported: now " +
                                     quoted_text(here.stored->target) + " (" + newer.actor + ", " +
                                     reviews::to_string(newer.meaning) + ", " + newer.at + "); the file has " +
                                     quoted_text(markup) +
                                     ". Export again and redo the unit, or import with --overwrite-newer to "
                                     "replace the newer target"});
        return false;
    }

    // New text is a translation, whoever brings it: its authors are who
    // imported it and whom for, and it needs a reviser and a clinician
    // other than them, as any translation does.
    void plan_new_target(const std::string& markup, const UnitPlan& here, reviews::Meaning meaning, FilePlan& plan,
                         Counts& counts) {
        Change change = new_target(here.segment, here.locale, markup, State::translated, meaning, here.signer);
        if (here.has_stored_target())
            change.event.comment = std::string("replaces the ") + reviews::to_string(here.stored_state()) + " target";
        credit_memory(markup, here, change.event);
        if (summarize_)
            for (const SegmentFinding& found : checks_->of(here.segment, change.translation))
                ++(found.finding.severity == qa::Severity::error ? counts.qa_errors : counts.qa_warnings);
        ++counts.by_state[State::translated];
        if (meaning == reviews::Meaning::kept_source) ++counts.confirmed_copies;
        plan.changes.push_back(std::move(change));
    }

    // A target taken unchanged from the translation memory is also the
    // work of the memory's translator: named in the event, and, when they
    // are a registered person and the import is for no one else, one of its
    // authors (as --for makes one), so that they cannot revise or approve
    // it either.
    void credit_memory(const std::string& markup, const UnitPlan& here, reviews::Event& event) {
        auto has_memory = memory_in_.find(here.locale);
        if (has_memory == memory_in_.end())  // counted once per locale, not per unit
            has_memory = memory_in_.emplace(here.locale, store_.memory_size(here.locale) > 0).first;
        if (!has_memory->second) return;
        for (const reviews::MemoryUnit& unit : store_.memory_exact(here.segment.plain, here.locale)) {
            if (unit.target != markup) continue;
            const std::string credit = "from the translation memory (" + unit.origin +
                                       (unit.translator.empty() ? "" : ", translated by " + unit.translator) + ")";
            event.comment = event.comment.empty() ? credit : event.comment + "; " + credit;
            if (event.for_id.empty() && !unit.translator_id.empty() && unit.translator_id != event.actor_id)
                event.for_id = unit.translator_id;
            return;
        }
    }

    // The target is the stored one: the file can only sign it off.
    void plan_signoff(const xliff::ReadUnit& unit, const UnitPlan& here, FilePlan& plan, Counts& counts) {
        std::optional<reviews::Act> act;
        if (request_.role == Role::reviser && claims_at_least(unit.state, UnitState::reviewed))
            act = reviews::Act::revise;
        if (request_.role == Role::clinical && unit.state == UnitState::final) act = reviews::Act::approve;
        const reviews::TargetPeople people =
            act ? reviews::people_of(store_, here.segment.id, here.locale) : reviews::TargetPeople{};
        Decision decision =
            act ? decide(*act, here.stored_state(), people, {signer_.actor_id, signer_.actor}, request_.role)
                : Decision{};
        // QA errors block a sign-off by file as they block review.
        if (decision.kind == Decision::Kind::apply)
            if (std::string errors = blocking_reason(checks_->of(here.segment, *here.stored)); !errors.empty())
                decision = {Decision::Kind::refuse, {}, {}, std::move(errors)};
        if (decision.kind == Decision::Kind::refuse) {
            plan.blockers.push_back(
                {plan.path, here.segment.document_id, here.segment.id, here.stored_state(), decision.reason});
            return;
        }
        if (decision.kind == Decision::Kind::skip) {
            ++counts.unchanged;
            return;
        }
        ++counts.by_state[decision.state];
        Change change = reviewed(here.segment, *here.stored, decision, here.signer);
        if (const auto context = contexts_.find(here.segment.id); context != contexts_.end())
            remember(change, here.segment, people, store_.settings().source_locale, context->second);
        plan.changes.push_back(std::move(change));
    }

    reviews::Store& store_;
    const ImportRequest& request_;
    const Signer& signer_;
    std::int64_t exported_at_ = 0;    // the file's export, when targets changed since
    std::unique_ptr<Checks> checks_;  // for the file's locale
    bool summarize_ = false;
    std::string checks_locale_;
    std::map<std::string, std::string> contexts_;  // a clinician's file: each segment's neighbours' digest
    std::map<std::string, bool> memory_in_;        // whether the memory holds anything for a locale
};

bool all_approved(const std::vector<reviews::TranslatedSegment>& segments) {
    for (const auto& [segment, translation] : segments)
        if (!translation || translation->state != State::approved) return false;
    return true;
}

std::string refused_as(const Signer& signer) {
    return "import as " + signer.actor + " (" + reviews::to_string(signer.role) + ")";
}

// Stores one file's plan, with the whole-document reviews it completes.
void store_plan(reviews::Store& store, const FilePlan& plan, Signer signer) {
    for (const Change& change : plan.changes) store_change(store, change);
    signer.origin = "medloc import " + plan.path;
    for (const auto& [version, locale] : plan.whole_reviews) {
        const auto segments = store.version_translations(version.document_id, version.version, locale);
        if (all_approved(segments)) store.add_document_review(whole_document_review(version, locale, segments, signer));
    }
}

// The person the work is imported for: registered, active, in the role.
void check_for(reviews::Store& store, const ImportRequest& request) {
    if (request.for_id.empty()) return;
    const auto person = store.person(request.for_id);
    if (!person || person->disabled_at)
        throw UsageError("--for " + request.for_id + ": no active registered person has this id");
    if (!person->holds(request.role))
        throw UsageError("--for " + request.for_id + ": " + person->name + " does not hold the " +
                         reviews::to_string(request.role) + " role");
}

}  // namespace

ImportOutcome import_files(reviews::Store& store, const ImportRequest& request, const Services& services) {
    const SignedIn signed_in = sign_in(store, request.credentials, {request.role}, "import", services.clock);
    check_for(store, request);
    const Signer signer{signed_in.person.name, signed_in.person.id, request.for_id, request.role, {}, {},
                        services.clock.now()};
    Importer importer(store, request, signer);
    std::vector<std::string> paths;
    for (const std::string& path : request.files)
        if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);

    // Each file is planned and stored at once, all in one transaction: every
    // file of the run is stored, or none is. A refusal stops the storing but
    // not the checking, so that one run names the problems of every file;
    // each plan is dropped once stored, so that memory does not grow with the
    // number of files. (Checking every file first and planning it again to
    // store it read and checked each file twice.)
    ImportOutcome outcome;
    outcome.actor = signer.actor + " (" + signed_in.person.id + ")";
    const auto transaction = store.transaction(reviews::Access::write);
    // A translator's or reviser's files are planned a few ahead of their
    // writes: each file is of documents of its own (else the run stops
    // below), and what such an import writes of one document no other
    // file's plan reads. A clinician's approvals add to the memory, from
    // which new targets are credited, so those files are planned in turn.
    std::optional<ReadAhead<FilePlan>> ahead;
    if (paths.size() > 1 && request.role != Role::clinical)
        ahead.emplace(store, paths.size(),
                      [&paths, &request, &signer](reviews::Store& reader) -> ReadAhead<FilePlan>::ReadItem {
                          auto planner = std::make_shared<Importer>(reader, request, signer);
                          return [&paths, planner](std::size_t i) { return planner->plan(paths[i], true); };
                      });
    std::vector<Blocker> blockers;
    std::map<std::pair<std::string, std::string>, std::string> file_of;  // document and locale -> file
    Progress progress("importing", paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        progress.at(i + 1);
        const FilePlan plan = ahead ? ahead->next() : importer.plan(paths[i], blockers.empty());
        blockers.insert(blockers.end(), plan.blockers.begin(), plan.blockers.end());
        for (const auto& document : plan.documents)
            if (const auto [it, added] = file_of.emplace(document, plan.path); !added)
                throw InputError(plan.path,
                                 "document \"" + document.first + "\" (" + document.second + ") is also in " +
                                     it->second + "; medloc cannot tell which file is meant",
                                 "import one file per document and locale");
        if (!blockers.empty()) continue;
        store_plan(store, plan, signer);
        outcome.changes += plan.changes.size();
        outcome.files.push_back({plan.path, plan.summary});
    }
    ahead.reset();  // its reader goes before the transaction ends
    if (!blockers.empty())
        throw Refused(refused_as(signer) + ", the review rules refuse:" + blocker_lines(blockers) + "\n");
    sign_act(store, signed_in);
    transaction->commit();
    return outcome;
}

}  // namespace medloc::pipeline
