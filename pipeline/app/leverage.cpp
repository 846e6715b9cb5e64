// leverage.cpp - matches from the translation memory (see leverage.h).
#include "app/leverage.h"

#include "reviews/hash.h"
#include "xliff/content.h"

#include <algorithm>
#include <map>
#include <set>

namespace medloc::pipeline {
namespace {

using xliff::Match;

// Fuzzy candidates looked at per segment, and query words asked for at most.
constexpr int kCandidates = 20;
constexpr std::size_t kMostQueryWords = 16;

// The codes of `content`, in order.
std::vector<const xliff::Run*> codes_of(const xliff::Content& content) {
    std::vector<const xliff::Run*> codes;
    for (const xliff::Run& run : content.runs)
        if (run.is_code()) codes.push_back(&run);
    return codes;
}

// The memory's target with each code replaced by the segment's code in the
// same place of the source: codes are matched by order and kind, since a
// memory numbers them its own way. Nothing when they do not line up.
std::optional<xliff::Content> with_segment_codes(const xliff::Content& memory_source,
                                                 const xliff::Content& memory_target,
                                                 const xliff::Content& segment_source) {
    const std::vector<const xliff::Run*> from = codes_of(memory_source), to = codes_of(segment_source);
    if (from.size() != to.size()) return std::nullopt;
    std::map<std::pair<xliff::Run::Kind, int>, const xliff::Run*> mapped;
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (from[i]->kind != to[i]->kind) return std::nullopt;
        mapped[{from[i]->kind, from[i]->id}] = to[i];
    }
    xliff::Content target;
    std::size_t used = 0;
    for (const xliff::Run& run : memory_target.runs) {
        if (!run.is_code()) {
            target.append_text(run.text);
            continue;
        }
        const auto code = mapped.find({run.kind, run.id});
        if (code == mapped.end()) return std::nullopt;
        target.runs.push_back(*code->second);
        ++used;
    }
    if (used != to.size()) return std::nullopt;  // a code the source has would be lost
    return target;
}

MemoryMatch match_of(Match::Kind kind, int quality, reviews::MemoryUnit unit, const reviews::StoredSegment& segment) {
    const xliff::Content source = xliff::content_from_markup(segment.source);
    const xliff::Content memory_source = xliff::content_from_markup(unit.source);
    const xliff::Content memory_target = xliff::content_from_markup(unit.target);
    std::optional<xliff::Content> target = with_segment_codes(memory_source, memory_target, source);
    return {kind, quality, std::move(unit), std::move(target)};
}

}  // namespace

std::string context_of(const reviews::StoredSegment* before, const reviews::StoredSegment* after) {
    // The ends of a document are a context too; \x1e cannot be in a segment.
    const auto digest = [](const reviews::StoredSegment* neighbour) {
        return reviews::sha256_hex(neighbour ? neighbour->plain : "\x1e").substr(0, 16);
    };
    return digest(before) + ":" + digest(after);
}

namespace {

// In context: the same segment before it, or the same after it (an edit
// next door leaves the other side as it was).
bool same_context(const std::string& a, const std::string& b) {
    if (a.size() != 33 || b.size() != 33) return false;
    return a.compare(0, 16, b, 0, 16) == 0 || a.compare(17, 16, b, 17, 16) == 0;
}

}  // namespace

std::vector<std::string> contexts_of(const std::vector<reviews::TranslatedSegment>& segments) {
    std::vector<std::string> contexts;
    contexts.reserve(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i)
        contexts.push_back(context_of(i > 0 ? &segments[i - 1].segment : nullptr,
                                      i + 1 < segments.size() ? &segments[i + 1].segment : nullptr));
    return contexts;
}

Leverage::Leverage(reviews::Store& store, std::string locale)
    : store_(store), locale_(std::move(locale)), words_(store.settings().source_locale) {}

std::vector<Leverage::Token> Leverage::tokens(std::string_view text) {
    std::vector<Token> out;
    for (const locales::Word& word : words_.words(text)) out.push_back({locales::fold_case(word.text), word.number});
    return out;
}

// The distinct words of a text, and how many of them a source within 75%
// must share at least one of: an edit costs at least 1 and takes at most
// one word away, and such a source is at most a third of this one's weight
// away.
std::vector<std::string> Leverage::query_words(const std::vector<Token>& words, std::size_t& needed) {
    std::size_t weight = 0;
    for (const Token& token : words) weight += token.number ? 2 : 1;
    std::vector<std::string> distinct;
    std::set<std::string> seen;
    for (const Token& token : words)
        if (seen.insert(token.folded).second) distinct.push_back(token.folded);
    needed = std::min(weight / 3 + 1, kMostQueryWords);
    return distinct;
}

int Leverage::similarity(const std::vector<Token>& a, const std::vector<Token>& b, bool same_text) {
    if (same_text) return 100;
    const auto weight = [](const Token& token) { return token.number ? 2 : 1; };
    // One row of the edit distance table at a time.
    std::vector<int> row(b.size() + 1), next(b.size() + 1);
    for (std::size_t j = 1; j <= b.size(); ++j) row[j] = row[j - 1] + weight(b[j - 1]);
    int weight_a = 0;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        weight_a += weight(a[i - 1]);
        next[0] = weight_a;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const int change = a[i - 1].folded == b[j - 1].folded ? 0 : std::max(weight(a[i - 1]), weight(b[j - 1]));
            next[j] = std::min({row[j] + weight(a[i - 1]), next[j - 1] + weight(b[j - 1]), row[j - 1] + change});
        }
        std::swap(row, next);
    }
    int weight_b = 0;
    for (const Token& token : b) weight_b += weight(token);
    const int longest = std::max(weight_a, weight_b);
    if (longest == 0) return 0;
    const int distance = row[b.size()];
    // The same words in another case or punctuation: close, never exact.
    return std::min(99, 100 * (longest - distance) / longest);
}

int Leverage::similarity(std::string_view a, std::string_view b) { return similarity(tokens(a), tokens(b), a == b); }

std::vector<MemoryMatch> Leverage::matches(const reviews::StoredSegment& segment, const std::string& context,
                                           std::size_t most, int least) {
    std::vector<MemoryMatch> found;
    std::set<std::string> offered;  // targets already offered, each once
    std::vector<reviews::MemoryUnit> exact = store_.memory_exact(segment.plain, locale_);
    // In context first, so that a target is offered at its best.
    std::stable_partition(exact.begin(), exact.end(),
                          [&](const reviews::MemoryUnit& unit) { return same_context(unit.context, context); });
    for (reviews::MemoryUnit& unit : exact) {
        if (!offered.insert(unit.target).second) continue;
        const bool in_context = same_context(unit.context, context);
        found.push_back(match_of(in_context ? Match::Kind::in_context : Match::Kind::exact, in_context ? 101 : 100,
                                 std::move(unit), segment));
    }
    // Fuzzy matches only where the memory has no exact one: a translator
    // given the same text needs no near one.
    if (found.empty()) {
        const std::vector<Token> words = tokens(segment.plain);
        std::size_t needed = 0;
        const std::vector<std::string> distinct = query_words(words, needed);
        for (reviews::MemoryUnit& unit : store_.memory_candidates(distinct, needed, locale_, kCandidates)) {
            if (unit.plain == segment.plain || offered.contains(unit.target)) continue;
            const int quality = similarity(words, tokens(unit.plain), false);
            if (quality < least) continue;
            offered.insert(unit.target);
            found.push_back(match_of(Match::Kind::fuzzy, quality, std::move(unit), segment));
        }
    }
    // Best first; among equals, a match whose codes line up, then the newer
    // (the store gives exact ones newest first).
    std::stable_sort(found.begin(), found.end(), [](const MemoryMatch& a, const MemoryMatch& b) {
        if (a.quality != b.quality) return a.quality > b.quality;
        return a.target.has_value() && !b.target.has_value();
    });
    if (found.size() > most) found.resize(most);
    return found;
}

}  // namespace medloc::pipeline
