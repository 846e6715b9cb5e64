// analyze.cpp - pending words by match band (see analyze.h).
#include "app/analyze.h"

#include "app/leverage.h"
#include "app/project.h"
#include "io/progress.h"

#include <optional>
#include <unordered_set>

namespace medloc::pipeline {
namespace {

std::size_t index_of(Band band) { return static_cast<std::size_t>(band); }

Band fuzzy_band(int quality) {
    if (quality >= 95) return Band::fuzzy_95;
    if (quality >= 85) return Band::fuzzy_85;
    if (quality >= 75) return Band::fuzzy_75;
    if (quality >= 50) return Band::fuzzy_50;
    return Band::new_;
}

}  // namespace

const char* to_string(Band band) {
    switch (band) {
    case Band::in_context: return "in-context";
    case Band::exact: return "100%";
    case Band::repetition: return "repetitions";
    case Band::fuzzy_95: return "95-99%";
    case Band::fuzzy_85: return "85-94%";
    case Band::fuzzy_75: return "75-84%";
    case Band::fuzzy_50: return "50-74%";
    case Band::new_: return "new";
    }
    return "";
}

void BandCounts::add(Band band, std::int64_t words_in_segment) {
    ++segments[index_of(band)];
    words[index_of(band)] += words_in_segment;
}

void BandCounts::add(const BandCounts& other) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        segments[i] += other.segments[i];
        words[i] += other.words[i];
    }
}

std::int64_t BandCounts::total_words() const {
    std::int64_t total = 0;
    for (const std::int64_t count : words) total += count;
    return total;
}

std::int64_t BandCounts::total_segments() const {
    std::int64_t total = 0;
    for (const std::int64_t count : segments) total += count;
    return total;
}

Analysis analyze(reviews::Store& store, const std::string& locale) {
    Analysis analysis;
    analysis.locale = target_locale_option(store.settings(), locale);
    const auto reading = store.transaction(reviews::Access::read);
    std::optional<Leverage> memory;
    if (store.memory_size(analysis.locale) > 0) memory.emplace(store, analysis.locale);
    // Source texts met earlier in the job. Hashes, so that memory grows by
    // a few bytes per distinct sentence, not by the sentences.
    std::unordered_set<std::size_t> earlier;
    const std::vector<std::string> documents = store.document_ids();
    Progress progress("analyzing", documents.size());
    for (std::size_t d = 0; d < documents.size(); ++d) {
        progress.at(d + 1);
        const auto version = store.current_version(documents[d]);
        const std::vector<reviews::TranslatedSegment> segments =
            store.version_translations(version->document_id, version->version, analysis.locale);
        const std::vector<std::string> contexts = memory ? contexts_of(segments) : std::vector<std::string>{};
        DocumentAnalysis document{documents[d], {}};
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const auto& [segment, translation] = segments[i];
            if (translation && !reviews::is_untranslated(translation->state)) continue;
            const std::vector<MemoryMatch> best =
                memory ? memory->matches(segment, contexts[i], 1, 50) : std::vector<MemoryMatch>{};
            const bool repeated = !earlier.insert(std::hash<std::string>{}(segment.plain)).second;
            Band band = Band::new_;
            if (!best.empty() && best.front().kind == xliff::Match::Kind::in_context) band = Band::in_context;
            else if (!best.empty() && best.front().kind == xliff::Match::Kind::exact) band = Band::exact;
            else if (repeated) band = Band::repetition;
            else if (!best.empty()) band = fuzzy_band(best.front().quality);
            document.counts.add(band, segment.words);
        }
        if (document.counts.total_segments() == 0) continue;
        analysis.total.add(document.counts);
        analysis.documents.push_back(std::move(document));
    }
    reading->commit();
    return analysis;
}

}  // namespace medloc::pipeline
