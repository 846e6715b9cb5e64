// export.cpp - XLIFF for CAT tools (see export.h).
#include "app/export.h"

#include "app/checks.h"
#include "app/leverage.h"
#include "app/project.h"
#include "io/progress.h"
#include "skeleton/skeleton.h"
#include "states.h"
#include "work_beside.h"

#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>

namespace medloc::pipeline {
namespace {

namespace fs = std::filesystem;

std::string note_for(const reviews::StoredSegment& segment) {
    std::string note = segment.document_id + ", " + segment.kind;
    if (!segment.context.empty() && segment.context != segment.plain)
        note += ", under \u201c" + segment.context + "\u201d";
    return note;
}

// The original markup of every code of each segment, for XLIFF 2.0.
class OriginalCodes {
public:
    OriginalCodes(const reviews::DocumentVersion& version, const std::map<std::string, xliff::Content>& sources)
        : skeleton_(Skeleton::from_json(version.skeleton)), sources_(sources) {
        for (const Slot& slot : skeleton_.slots) slots_[slot.segment_id] = &slot;
    }

    std::map<std::string, std::string> of(const std::string& segment_id) const {
        const auto slot = slots_.find(segment_id);
        if (slot == slots_.end()) return {};
        const SegmentLookup as_source = [&](const std::string& id) {
            const auto found = sources_.find(id);
            return found == sources_.end() ? SegmentText{} : SegmentText{&found->second, &found->second};
        };
        return original_codes(skeleton_, *slot->second, sources_.at(segment_id), as_source);
    }

private:
    Skeleton skeleton_;
    const std::map<std::string, xliff::Content>& sources_;
    std::map<std::string, const Slot*> slots_;
};

xliff::Unit unit_for(const reviews::StoredSegment& segment, const xliff::Content& source,
                     const std::optional<reviews::Translation>& translation, const ExportRequest& request) {
    xliff::Unit unit;
    unit.id = segment.id;
    unit.note = note_for(segment);
    unit.source = source;
    unit.state = unit_state(translation ? translation->state : reviews::State::new_);
    if (request.pseudo) {
        unit.target = xliff::pseudo_translate(unit.source);
        unit.state = xliff::UnitState::translated;
    } else if (translation && translation->target) {
        unit.target = xliff::content_from_markup(*translation->target);
    } else if (request.format == xliff::Version::v1_2) {
        unit.target = unit.source;
    }
    if (translation && translation->previous_target) {
        unit.previous_target = xliff::content_from_markup(*translation->previous_target);
        if (translation->previous_source)
            unit.previous_source = xliff::content_from_markup(*translation->previous_source);
    }
    return unit;
}

// The findings of the clinical checks on a target, as notes.
std::vector<std::string> qa_notes(const std::vector<SegmentFinding>& findings) {
    std::vector<std::string> notes;
    for (const SegmentFinding& found : findings) {
        std::string note = std::string(found.waiver ? "waived" : qa::to_string(found.finding.severity)) + " [" +
                           qa::to_string(found.finding.check) + "]: " + found.finding.message;
        if (found.waiver) note += " (waived by " + found.waiver->actor + ": " + found.waiver->comment + ")";
        notes.push_back(std::move(note));
    }
    return notes;
}

// Where a match came from, for the translator: the memory and its people.
std::string origin_of(const reviews::MemoryUnit& unit) {
    std::string origin = unit.origin == reviews::kProjectMemory ? "medloc project memory" : unit.origin;
    if (!unit.translator.empty()) origin += ", translated by " + unit.translator;
    if (!unit.approver.empty()) origin += ", approved by " + unit.approver;
    return origin;
}

// What the memory offers a pending unit; an in-context or exact match
// whose codes line up with the segment's pre-fills the target.
void leverage(Leverage& memory, const reviews::StoredSegment& segment, const std::string& context, xliff::Unit& unit,
              ExportedFile& exported) {
    const std::vector<MemoryMatch> matches = memory.matches(segment, context);
    for (const MemoryMatch& match : matches)
        unit.matches.push_back({match.kind, match.quality, xliff::content_from_markup(match.unit.source),
                                match.target.value_or(xliff::content_from_markup(match.unit.target)),
                                origin_of(match.unit)});
    if (matches.empty()) return;
    const MemoryMatch& best = matches.front();
    if (best.kind != xliff::Match::Kind::fuzzy && best.target) {
        unit.target = *best.target;
        unit.leveraged = true;
        ++exported.prefilled;
    } else if (best.kind == xliff::Match::Kind::fuzzy) {
        ++exported.fuzzy;
    }
}

// The units of one document version; counts pending ones into `exported`.
void export_units(reviews::Store& store, const reviews::DocumentVersion& version, const ExportRequest& request,
                  Checks& checks, std::optional<Leverage>& memory, xliff::File& file, ExportedFile& exported) {
    const std::vector<reviews::TranslatedSegment> segments =
        store.version_translations(version.document_id, version.version, request.locale);
    const std::vector<std::string> contexts = memory ? contexts_of(segments) : std::vector<std::string>{};
    std::map<std::string, xliff::Content> sources;
    for (const reviews::TranslatedSegment& each : segments)
        sources[each.segment.id] = xliff::content_from_markup(each.segment.source);
    // Only XLIFF 2.0 carries the codes' original markup.
    std::optional<OriginalCodes> originals;
    if (request.format == xliff::Version::v2_0) originals.emplace(version, sources);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& [segment, translation] = segments[i];
        const reviews::State state = translation ? translation->state : reviews::State::new_;
        if (request.pending && !reviews::is_untranslated(state)) continue;
        xliff::Unit unit = unit_for(segment, sources.at(segment.id), translation, request);
        if (translation && !request.pseudo) unit.qa_notes = qa_notes(checks.of(segment, *translation));
        if (originals) unit.original_codes = originals->of(segment.id);
        if (memory && reviews::is_untranslated(state)) leverage(*memory, segment, contexts[i], unit, exported);
        exported.pending += reviews::is_untranslated(state);
        file.units.push_back(std::move(unit));
    }
    exported.units = file.units.size();
}

// Writes each document's file on a thread beside the reads, a few files
// behind them so that memory stays flat: making the XML and writing it was
// a third of an export. The outcome stays in document order, and no file is
// written after one that failed.
class FilesBeside {
public:
    static constexpr std::size_t kBehind = 4;

    FilesBeside(FileWriter& files, xliff::Version format) : files_(files), format_(format) {}

    void hand(xliff::File file, ExportedFile exported, ExportOutcome& outcome) {
        auto shared = std::make_shared<xliff::File>(std::move(file));
        std::function<ExportedFile()> work = [this, shared, exported = std::move(exported)] {
            if (!failed_) write(*shared, exported.path);  // else never taken: the failure is thrown first
            return exported;
        };
        written_.push_back(beside_.hand(std::move(work)));
        while (written_.size() > kBehind) take(outcome);
    }

    void finish(ExportOutcome& outcome) {
        while (!written_.empty()) take(outcome);
    }

private:
    void write(const xliff::File& file, const std::string& path) {
        if (path.empty()) return;
        try {
            files_.write(path, xliff::write_xliff(file, format_));
        } catch (...) {
            failed_ = true;
            throw;
        }
    }

    void take(ExportOutcome& outcome) {
        std::future<ExportedFile> next = std::move(written_.front());
        written_.pop_front();
        outcome.files.push_back(next.get());
    }

    FileWriter& files_;
    const xliff::Version format_;
    bool failed_ = false;  // read and set beside only
    std::deque<std::future<ExportedFile>> written_;
    WorkBeside beside_;  // last: done with its work before the rest goes
};

}  // namespace

ExportOutcome export_locale(reviews::Store& store, const ExportRequest& request, const Services& services) {
    const reviews::ProjectSettings& settings = store.settings();
    ExportOutcome outcome;
    outcome.locale = request.locale;
    const fs::path folder = fs::path(request.out_dir) / request.locale;
    outcome.folder = folder.string();

    const auto reading = store.transaction(reviews::Access::read);  // one consistent view of the project
    const std::int64_t log_position = store.log_position();
    Checks checks(store, request.locale);
    // Pseudo-translations are the workflow's test, not translators' work.
    std::optional<Leverage> memory;
    if (!request.pseudo && store.memory_size(request.locale) > 0) memory.emplace(store, request.locale);
    const std::vector<std::string> documents = store.document_ids();
    Progress progress("exporting", documents.size());
    FilesBeside beside(services.files, request.format);
    for (const std::string& document_id : documents) {
        progress.at(static_cast<std::size_t>(&document_id - documents.data()) + 1);
        const std::optional<reviews::DocumentVersion> version = store.current_version(document_id);
        xliff::File file;
        file.project_id = settings.project_id;
        file.document_id = document_id;
        file.version = version->version;
        file.log_position = log_position;
        file.format = version->format;
        file.source_language = settings.source_locale;
        file.target_language = request.locale;
        ExportedFile exported;
        exported.document_id = document_id;
        export_units(store, *version, request, checks, memory, file, exported);
        if (exported.units > 0) exported.path = (folder / (document_id + ".xlf")).string();
        beside.hand(std::move(file), std::move(exported), outcome);
    }
    beside.finish(outcome);
    reading->commit();
    return outcome;
}

}  // namespace medloc::pipeline
