// export.cpp - `medloc export`: one XLIFF file per document for a locale.
//
// Files go to DIR/LOCALE/DOCUMENT.xlf. In XLIFF 1.2 every unit has a target:
// a translation, or for pending units a copy of the source, since OmegaT
// translates only what is in <target> (PEERS.md); import knows a returned
// copy for what it is. A stale translation (the source changed since) goes
// along as a reference, never as the target.
#include "pipeline/commands.h"
#include "pipeline/errors.h"
#include "pipeline/files.h"
#include "pipeline/project.h"
#include "pipeline/skeleton.h"
#include "reviews/store.h"
#include "xliff/xliff.h"

#include <map>
#include <ostream>

namespace medloc::pipeline {
namespace {

namespace fs = std::filesystem;

bool is_pending(const std::string& state) { return state == "new" || state == "needs-translation"; }

std::string note_for(const reviews::StoredSegment& segment) {
    std::string note = segment.document_id + ", " + segment.kind;
    if (!segment.context.empty() && segment.context != segment.plain) note += ", under \u201c" + segment.context + "\u201d";
    return note;
}

struct Exported {
    std::size_t units = 0;
    std::size_t pending = 0;
};

// The units of one document version, or none when nothing is to be exported.
Exported export_document(reviews::Store& store, const reviews::DocumentVersion& version, const std::string& locale,
                         const ExportOptions& options, xliff::Version format, xliff::File& file) {
    const std::vector<reviews::StoredSegment> segments = store.version_segments(version.document_id, version.version);
    std::map<std::string, xliff::Content> sources;
    for (const reviews::StoredSegment& segment : segments) sources[segment.id] = xliff::content_from_markup(segment.source);
    const Skeleton skeleton = Skeleton::from_json(version.skeleton);
    std::map<std::string, const Slot*> slots;
    for (const Slot& slot : skeleton.slots) slots[slot.segment_id] = &slot;
    const SegmentLookup as_source = [&](const std::string& id) {
        const auto found = sources.find(id);
        return found == sources.end() ? SegmentText{} : SegmentText{&found->second, &found->second};
    };

    Exported exported;
    for (const reviews::StoredSegment& segment : segments) {
        const std::optional<reviews::Translation> translation = store.translation(segment.id, locale);
        const std::string state = translation ? translation->state : "new";
        if (options.pending && !is_pending(state)) continue;
        xliff::Unit unit;
        unit.id = segment.id;
        unit.note = note_for(segment);
        unit.source = sources.at(segment.id);
        unit.state = state;
        if (options.pseudo) {
            unit.target = xliff::pseudo_translate(unit.source);
            unit.state = "translated";
        } else if (translation && translation->target) {
            unit.target = xliff::content_from_markup(*translation->target);
        } else if (format == xliff::Version::v1_2) {
            unit.target = unit.source;
        }
        if (translation && translation->previous_target) {
            unit.previous_target = xliff::content_from_markup(*translation->previous_target);
            if (translation->previous_source) unit.previous_source = xliff::content_from_markup(*translation->previous_source);
        }
        if (format == xliff::Version::v2_0) {
            const auto slot = slots.find(segment.id);
            if (slot != slots.end()) unit.original_codes = original_codes(skeleton, *slot->second, unit.source, as_source);
        }
        exported.pending += is_pending(state);
        file.units.push_back(std::move(unit));
    }
    exported.units = file.units.size();
    return exported;
}

}  // namespace

int run_export(const std::string& db_path, const ExportOptions& options, std::ostream& out) {
    const auto format = xliff::version_named(options.format);
    if (!format) throw UsageError("--format " + options.format + " is not one medloc writes (xliff-1.2 or xliff-2.0)");
    reviews::Store store = reviews::Store::open(db_path);
    const reviews::ProjectSettings& settings = store.settings();
    const std::string locale = target_locale_option(settings, options.locale);
    const fs::path folder = fs::path(options.out_dir) / locale;

    Exported total;
    std::size_t files = 0;
    reviews::Transaction reading(store.database());  // one consistent view of the project
    for (const std::string& document_id : store.document_ids()) {
        const std::optional<reviews::DocumentVersion> version = store.current_version(document_id);
        xliff::File file;
        file.project_id = settings.project_id;
        file.document_id = document_id;
        file.version = version->version;
        file.format = version->format;
        file.source_language = settings.source_locale;
        file.target_language = locale;
        const Exported exported = export_document(store, *version, locale, options, *format, file);
        if (exported.units == 0) {
            out << document_id << ": nothing to export\n";
            continue;
        }
        const fs::path path = folder / (document_id + ".xlf");
        write_file_replacing(path, xliff::write_xliff(file, *format));
        out << path.string() << ": " << exported.units << " units, " << exported.pending << " pending\n";
        total.units += exported.units;
        total.pending += exported.pending;
        ++files;
    }
    out << files << " file(s) in " << folder.string() << ": " << total.units << " units, " << total.pending
        << " pending" << (options.pseudo ? ", pseudo-translated" : "") << "\n";
    return 0;
}

}  // namespace medloc::pipeline
