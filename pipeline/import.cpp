// import.cpp - `medloc import FILE... --as NAME --role ROLE`: translations
// back from CAT tools.
//
// Every file is read and checked against the project before anything is
// written: one bad file and nothing changes. Then each file is read again
// and stored in a transaction of its own, a translation and an event per
// changed unit; only one file's changes are ever held in memory.
//
// What a unit means is decided from its text first and its state second
// (PEERS.md: OmegaT never updates state): a target equal to the source is
// the copy export put there unless the file claims it translated; a target
// that differs from the stored one is new work by this person; an unchanged
// target can carry a reviser's or clinician's sign-off, but only with that
// role on the command line.
#include "locales/locales.h"
#include "pipeline/commands.h"
#include "pipeline/errors.h"
#include "pipeline/files.h"
#include "pipeline/progress.h"
#include "pipeline/project.h"
#include "pipeline/signoff.h"
#include "reviews/store.h"
#include "reviews/workflow.h"
#include "xliff/xliff.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>

namespace medloc::pipeline {
namespace {

struct FilePlan {
    std::string path;
    std::string summary;
    std::vector<Change> changes;
    std::string blockers;  // units the review rules refuse, one per line
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

int rank(const std::string& state) {
    for (std::size_t i = 0; i < std::size(reviews::kStates); ++i)
        if (state == reviews::kStates[i]) return static_cast<int>(i);
    return -1;
}

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

class Importer {
public:
    Importer(reviews::Store& store, const ImportOptions& options) : store_(store), options_(options) {}

    FilePlan plan(const std::string& path) {
        const std::string bytes = read_file(path);
        const Place place{path, bytes};
        if (const auto bad = locales::find_invalid_utf8(bytes))
            place.fail(*bad, "invalid UTF-8", "save the file as UTF-8 in the tool that wrote it");
        xliff::ReadXliff read;
        try {
            read = xliff::read_xliff(bytes);
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
        std::map<std::string, std::size_t> by_meaning;
        std::size_t unchanged = 0, untranslated = 0, source_copies = 0;
    };

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
        if (file.version != current->version)
            place.fail(file.offset,
                       "the file was exported from version " + std::to_string(file.version) + " of \"" +
                           file.document_id + "\", which is now at version " + std::to_string(current->version),
                       "export the document again and translate the new file (your tool's translation memory "
                       "carries finished work over)");
        if (file.target_language.empty())
            place.fail(file.offset, "the file names no target language", "export the file again");
        const auto locale = find_target_locale(settings, file.target_language);
        if (!locale)
            place.fail(file.offset,
                       "target language \"" + file.target_language + "\" is not a target locale of this project",
                       "import files exported for one of: " + [&] {
                           std::string all;
                           for (const std::string& tag : settings.target_locales) all += (all.empty() ? "" : ", ") + tag;
                           return all;
                       }());
        version = *current;
        return *locale;
    }

    void plan_file(const Place& place, const xliff::ReadFile& file, FilePlan& plan) {
        reviews::DocumentVersion version;
        const std::string locale = check_file(place, file, version);
        std::map<std::string, reviews::StoredSegment> segments;
        for (reviews::StoredSegment& segment : store_.version_segments(version.document_id, version.version))
            segments.emplace(segment.id, std::move(segment));

        Counts counts;
        std::set<std::string> seen;
        bool all_final = true;
        for (const xliff::ReadUnit& unit : file.units) {
            if (!seen.insert(unit.id).second)
                place.fail(unit.offset, "unit id \"" + unit.id + "\" appears twice", "keep each unit once, as exported");
            const auto segment = segments.find(unit.id);
            if (segment == segments.end())
                place.fail(unit.offset,
                           "unit id \"" + unit.id + "\" is not a segment of \"" + version.document_id + "\" version " +
                               std::to_string(version.version),
                           "keep the unit ids medloc exported");
            plan_unit(place, unit, segment->second, locale, plan, counts);
            all_final = all_final && unit.state == "approved";
        }
        if (options_.role == "clinical" && all_final && seen.size() == segments.size())
            plan.whole_reviews.emplace_back(version, locale);
        plan.summary += file.document_id + " v" + std::to_string(version.version) + " (" + locale + "): " +
                        std::to_string(file.units.size()) + " units:";
        for (const auto& [meaning, count] : counts.by_meaning) plan.summary += " " + std::to_string(count) + " " + meaning + ",";
        plan.summary += " " + std::to_string(counts.unchanged) + " unchanged, " + std::to_string(counts.untranslated) +
                        " empty, " + std::to_string(counts.source_copies) + " still the source copy\n";
        if (counts.source_copies > 0)
            plan.summary += "  (a target that is still the source copy stays untranslated; if the translation really "
                            "is the source text, mark the unit translated in your tool)\n";
    }

    void plan_unit(const Place& place, const xliff::ReadUnit& unit, const reviews::StoredSegment& segment,
                   const std::string& locale, FilePlan& plan, Counts& counts) {
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
        const std::string markup = target.to_markup();

        const std::optional<reviews::Translation> stored = store_.translation(segment.id, locale);
        const std::string stored_state = stored ? stored->state : "new";
        const Signer signer{options_.actor, options_.role, {}, "medloc import " + plan.path, now_};
        const auto block = [&](const std::string& reason) {
            plan.blockers += "\n  " + segment.document_id + "  " + segment.id + "  " + stored_state + ": " + reason;
        };

        if (!stored || !stored->target || *stored->target != markup) {
            // A copy of the source is the pre-filled target, unless the file says it is done.
            if (target == source && rank(unit.state) < rank("translated")) {
                ++counts.source_copies;
                return;
            }
            // A reviser or clinician who rewrites a translation revises it,
            // which someone else must have written; with no translation
            // before, they are its translator.
            std::string state = "translated";
            if (options_.role != "translator" && stored && stored->target) {
                const reviews::People people = reviews::people_of(store_, segment.id, locale);
                if (reviews::same_person(options_.actor, people.translator))
                    return block(people.translator + " translated it; a second person must revise it");
                state = "revised";
            }
            Change change = new_target(segment, locale, markup, state, state, signer);
            if (stored && stored->target) change.event.comment = "replaces the " + stored_state + " target";
            ++counts.by_meaning[state];
            plan.changes.push_back(std::move(change));
            return;
        }
        // The target is the stored one: the file can only sign it off.
        std::optional<reviews::Act> act;
        if (options_.role == "reviser" && rank(unit.state) >= rank("revised")) act = reviews::Act::revise;
        if (options_.role == "clinical" && unit.state == "approved") act = reviews::Act::approve;
        const reviews::Decision decision =
            act ? reviews::decide(*act, stored_state, reviews::people_of(store_, segment.id, locale), options_.actor,
                                  options_.role)
                : reviews::Decision{};
        if (decision.kind == reviews::Decision::Kind::refuse) return block(decision.reason);
        if (decision.kind == reviews::Decision::Kind::skip) {
            ++counts.unchanged;
            return;
        }
        ++counts.by_meaning[decision.state];
        plan.changes.push_back(reviewed(segment, *stored, decision, signer));
    }

    reviews::Store& store_;
    const ImportOptions& options_;
    const std::string now_ = reviews::utc_timestamp();
};

bool all_approved(reviews::Store& store, const reviews::DocumentVersion& version, const std::string& locale) {
    for (const reviews::StoredSegment& segment : store.version_segments(version.document_id, version.version)) {
        const auto translation = store.translation(segment.id, locale);
        if (!translation || translation->state != "approved") return false;
    }
    return true;
}

}  // namespace

int run_import(const std::string& db_path, const ImportOptions& options, std::ostream& out) {
    if (options.actor.find_first_not_of(" \t") == std::string::npos)
        throw UsageError("--as needs the name of the person whose work this is");
    reviews::Store store = reviews::Store::open(db_path);
    Importer importer(store, options);
    std::vector<std::string> paths;
    for (const std::string& path : options.files)
        if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);

    // First every file is checked, its plan dropped as soon as it is made,
    // so that memory does not grow with the number of files.
    std::string blockers;
    {
        const Progress progress("checking", paths.size());
        for (std::size_t i = 0; i < paths.size(); ++i) {
            progress.at(i + 1);
            const FilePlan plan = importer.plan(paths[i]);
            if (!plan.blockers.empty()) blockers += "\n" + plan.path + ":" + plan.blockers;
        }
    }
    if (!blockers.empty())
        throw Refused("import as " + options.actor + " (" + options.role + "), the review rules refuse:" + blockers +
                      "\n");

    // Then each file again, planned against the project as the files
    // before it left it, and stored in a transaction of its own.
    std::size_t changes = 0;
    for (const std::string& path : paths) {
        reviews::Transaction transaction(store.database());
        const FilePlan plan = importer.plan(path);
        if (!plan.blockers.empty())
            throw Refused("import as " + options.actor + " (" + options.role + "): after the files before it, " +
                          path + " is refused:" + plan.blockers + "\n");
        for (const Change& change : plan.changes) {
            store.put_translation(change.translation);
            store.add_event(change.event);
        }
        const Signer signer{options.actor, options.role, {}, "medloc import " + plan.path, reviews::utc_timestamp()};
        for (const auto& [version, locale] : plan.whole_reviews)
            if (all_approved(store, version, locale)) store.add_event(whole_document_review(store, version, locale, signer));
        transaction.commit();
        changes += plan.changes.size();
        out << plan.path << ": " << plan.summary;
    }
    out << paths.size() << " file(s) imported as " << options.actor << " (" << options.role << "): " << changes
        << " translation(s) changed\n";
    return 0;
}

}  // namespace medloc::pipeline
