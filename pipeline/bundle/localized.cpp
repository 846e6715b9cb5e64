// localized.cpp - a document in a target locale.
#include "bundle/localized.h"

#include "bundle/html_language.h"
#include "skeleton/skeleton.h"

#include <map>

namespace medloc::pipeline {

namespace {

// Text runs, and the placeholders a reader sees as text (a URL, an address).
std::string shown(const xliff::Content& content) {
    std::string text;
    for (const xliff::Run& run : content.runs)
        if (!run.is_code() || run.type == "url" || run.type == "email") text += run.text;
    return text;
}

}  // namespace

LocalizedDocument localized_document(const reviews::DocumentVersion& version,
                                     const std::vector<reviews::TranslatedSegment>& segments,
                                     const std::string& locale) {
    LocalizedDocument document;
    std::map<std::string, xliff::Content> sources, targets;
    for (const auto& [segment, translation] : segments) {
        sources[segment.id] = xliff::content_from_markup(segment.source);
        if (!translation || !translation->target) throw RebuildError("no target for segment " + segment.id);
        targets[segment.id] = xliff::content_from_markup(*translation->target);
        document.targets_shown.push_back(shown(targets[segment.id]));
    }
    std::string bytes = rebuild(Skeleton::from_json(version.skeleton), [&](const std::string& id) {
        const auto source = sources.find(id);
        const auto target = targets.find(id);
        return source == sources.end() || target == targets.end() ? SegmentText{}
                                                                  : SegmentText{&source->second, &target->second};
    });
    document.bytes = version.format == "html" ? with_language(bytes, locale) : std::move(bytes);
    return document;
}

}  // namespace medloc::pipeline
