// segmenter.cpp - units to sentence segments (see segmenter.h).
#include "extract/segmenter.h"

#include "addresses.h"

#include <algorithm>
#include <map>

namespace medloc::pipeline {
namespace {

using Pieces = std::vector<Piece>;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_spelled(const Piece& piece, std::string_view source) {
    return piece.text != source.substr(piece.raw.begin, piece.raw.size());
}

// Placeholders that carry something the translator must place (a URL, inline
// code) stay in the sentence even at its edges; the rest (a <br>, an image)
// move to the skeleton there.
bool carries_content(const Piece& piece) {
    return piece.type == "url" || piece.type == "email" || piece.type == "code" || piece.type == "html";
}

// Splits a verbatim text piece after `length` bytes; returns the first part.
Piece cut_front(Piece& piece, std::size_t length) {
    Piece front = piece;
    front.text = piece.text.substr(0, length);
    front.raw.end = piece.raw.begin + length;
    piece.text.erase(0, length);
    piece.raw.begin += length;
    return front;
}

// Sentence boundaries of the unit, without those inside a pair of codes.
std::vector<std::size_t> boundaries_outside_pairs(const Pieces& pieces, const std::vector<std::size_t>& at,
                                                  std::vector<std::size_t> boundaries) {
    std::erase_if(boundaries, [&](std::size_t boundary) {
        int depth = 0;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (pieces[i].kind == Piece::Kind::open && at[i] < boundary) ++depth;
            if (pieces[i].kind == Piece::Kind::close && at[i] <= boundary) --depth;
        }
        return depth > 0;
    });
    return boundaries;
}

// Shares the unit's pieces out among the sentences ending at `ends`. A code
// standing exactly on a boundary goes with the sentence it belongs to: a
// close to the one before, an open or placeholder to the one after.
std::vector<Pieces> cut_sentences(const Pieces& pieces, const std::vector<std::size_t>& at,
                                  const std::vector<std::size_t>& ends, std::string_view source) {
    std::vector<Pieces> sentences(ends.size());
    std::size_t s = 0;
    const std::size_t last = ends.size() - 1;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Piece piece = pieces[i];
        std::size_t position = at[i];
        if (piece.kind == Piece::Kind::close) {
            while (s < last && position > ends[s]) ++s;
            sentences[s].push_back(std::move(piece));
            continue;
        }
        while (s < last && position >= ends[s]) ++s;
        if (piece.is_code() || is_spelled(piece, source)) {
            sentences[s].push_back(std::move(piece));
            continue;
        }
        while (s < last && position + piece.text.size() > ends[s]) {
            const std::size_t length = ends[s] - position;
            if (length > 0) sentences[s].push_back(cut_front(piece, length));
            position += length;
            ++s;
        }
        if (!piece.text.empty()) sentences[s].push_back(std::move(piece));
    }
    return sentences;
}

enum class Trim { unchanged, cut, removed, stuck };

// White space at the front of the sentence: cut from its first piece, or
// the piece removed when it is all white space or a spelling.
Trim trim_front_space(Pieces& sentence, std::string_view source) {
    Piece& front = sentence.front();
    if (front.is_code()) return Trim::unchanged;
    std::size_t blank = 0;
    while (blank < front.text.size() && is_space(front.text[blank])) ++blank;
    if (blank == 0) return Trim::unchanged;
    if (blank == front.text.size() || is_spelled(front, source)) {
        sentence.erase(sentence.begin());
        return Trim::removed;
    }
    cut_front(front, blank);
    return Trim::cut;
}

// White space at the back: cut, or the piece removed when it is all white
// space; a spelling is never cut, so trimming stops there.
Trim trim_back_space(Pieces& sentence, std::string_view source) {
    Piece& back = sentence.back();
    if (back.is_code()) return Trim::unchanged;
    std::size_t keep = back.text.size();
    while (keep > 0 && is_space(back.text[keep - 1])) --keep;
    if (keep == back.text.size()) return Trim::unchanged;
    if (keep == 0) {
        sentence.pop_back();
        return Trim::removed;
    }
    if (is_spelled(back, source)) return Trim::stuck;
    back.raw.end -= back.text.size() - keep;
    back.text.resize(keep);
    return Trim::cut;
}

// A bare code at an edge (a <br>, a close before any text), or a pair
// around the whole sentence, goes to the skeleton.
bool drop_edge_codes(Pieces& sentence) {
    const Piece& first = sentence.front();
    const Piece& final = sentence.back();
    if ((first.kind == Piece::Kind::placeholder && !carries_content(first)) || first.kind == Piece::Kind::close) {
        sentence.erase(sentence.begin());
        return true;
    }
    if ((final.kind == Piece::Kind::placeholder && !carries_content(final)) || final.kind == Piece::Kind::open) {
        sentence.pop_back();
        return true;
    }
    if (sentence.size() >= 2 && first.kind == Piece::Kind::open && final.kind == Piece::Kind::close &&
        first.pair == final.pair) {
        sentence.pop_back();
        sentence.erase(sentence.begin());
        return true;
    }
    return false;
}

// Moves white space and bare codes at the edges of a sentence to the
// skeleton, until nothing more moves.
void trim(Pieces& sentence, std::string_view source) {
    for (bool changed = true; changed && !sentence.empty();) {
        const Trim front = trim_front_space(sentence, source);
        changed = front != Trim::unchanged;
        if (front == Trim::removed || sentence.empty()) continue;
        const Trim back = trim_back_space(sentence, source);
        if (back == Trim::stuck) continue;
        if (back != Trim::unchanged) {
            changed = true;
            continue;
        }
        changed = drop_edge_codes(sentence) || changed;
    }
}

// Joins `part` (text inside `address`) to the placeholder standing for the
// address, starting one when `part` is its first piece.
void add_to_placeholder(Pieces& out, Piece part, const Address& address, const std::string& text) {
    const std::string shown = text.substr(address.begin, address.end - address.begin);
    if (!out.empty() && out.back().type == address.type && out.back().raw.end == part.raw.begin &&
        out.back().text == shown) {
        out.back().raw.end = part.raw.end;
        return;
    }
    Piece placeholder;
    placeholder.kind = Piece::Kind::placeholder;
    placeholder.type = address.type;
    placeholder.text = shown;
    placeholder.raw = part.raw;
    out.push_back(std::move(placeholder));
}

// The pieces [begin, end) are one run of text (`text`, with `addresses` in
// it): each verbatim piece is cut where an address starts or ends; a
// spelling the address touches is taken into it whole.
void protect_run(const Pieces& sentence, std::size_t begin, std::size_t end, const std::string& text,
                 const std::vector<Address>& addresses, std::string_view source, Pieces& out) {
    std::size_t position = 0;
    std::size_t next = 0;  // the first address not yet written
    for (std::size_t k = begin; k < end; ++k) {
        Piece piece = sentence[k];
        const bool spelled = is_spelled(piece, source);
        while (!piece.text.empty()) {
            while (next < addresses.size() && addresses[next].end <= position) ++next;
            std::size_t take = piece.text.size();
            bool inside = false;
            if (next < addresses.size()) {
                const Address& address = addresses[next];
                inside = position >= address.begin || (spelled && position + take > address.begin);
                if (!spelled) take = std::min(take, (inside ? address.end : address.begin) - position);
            }
            Piece part = take < piece.text.size() ? cut_front(piece, take) : piece;
            if (take == piece.text.size()) piece.text.clear();
            position += take;
            if (inside) add_to_placeholder(out, std::move(part), addresses[next], text);
            else out.push_back(std::move(part));
        }
    }
}

// Turns the URLs and e-mail addresses in each run of text pieces into
// placeholders.
Pieces protect_addresses(const Pieces& sentence, std::string_view source) {
    Pieces out;
    std::size_t i = 0;
    while (i < sentence.size()) {
        if (sentence[i].is_code()) {
            out.push_back(sentence[i++]);
            continue;
        }
        std::size_t end = i;
        std::string text;
        for (; end < sentence.size() && !sentence[end].is_code(); ++end) text += sentence[end].text;
        protect_run(sentence, i, end, text, find_addresses(text), source, out);
        i = end;
    }
    return out;
}

ExtractedSegment make_segment(const Pieces& sentence, const TextUnit& unit, std::string_view source) {
    ExtractedSegment segment;
    segment.kind = unit.kind;
    segment.context = unit.context;
    segment.unquoted = unit.unquoted;
    segment.raw = {sentence.front().raw.begin, sentence.back().raw.end};
    std::map<int, int> pair_ids;
    int next_id = 1;
    auto& runs = segment.source.runs;
    for (const Piece& piece : sentence) {
        if (!piece.is_code()) {
            if (runs.empty() || runs.back().is_code()) {
                runs.push_back({});
                segment.code_raw.push_back({});
            }
            if (is_spelled(piece, source))
                segment.spellings.push_back({runs.size() - 1, runs.back().text.size(), piece.text.size(), piece.raw});
            runs.back().text += piece.text;
            continue;
        }
        xliff::Run code;
        code.type = piece.type;
        switch (piece.kind) {
        case Piece::Kind::open:
            code.kind = xliff::Run::Kind::open;
            code.id = pair_ids[piece.pair] = next_id++;
            break;
        case Piece::Kind::close:
            code.kind = xliff::Run::Kind::close;
            code.id = pair_ids.contains(piece.pair) ? pair_ids[piece.pair] : next_id++;
            break;
        default:
            code.kind = xliff::Run::Kind::placeholder;
            code.id = next_id++;
            code.text = piece.text;
            break;
        }
        runs.push_back(std::move(code));
        segment.code_raw.push_back(piece.raw);
    }
    return segment;
}

}  // namespace

Segmenter::Segmenter(const std::string& source_locale, const std::vector<locales::BreakRule>& rules)
    : sentences_(source_locale, rules) {}

std::vector<ExtractedSegment> Segmenter::split(const TextUnit& unit, std::string_view source) {
    std::vector<std::size_t> at;
    std::string plain;
    for (const Piece& piece : unit.pieces) {
        at.push_back(plain.size());
        if (!piece.is_code()) plain += piece.text;
        // A line break separates words, and sentences after a period.
        if (piece.kind == Piece::Kind::placeholder && piece.type == "br") plain += ' ';
    }
    std::vector<std::size_t> ends = boundaries_outside_pairs(unit.pieces, at, sentences_.boundaries(plain));
    ends.push_back(plain.size());

    std::vector<ExtractedSegment> segments;
    for (Pieces& sentence : cut_sentences(unit.pieces, at, ends, source)) {
        trim(sentence, source);
        if (sentence.empty()) continue;
        sentence = protect_addresses(sentence, source);
        if (sentence.empty()) continue;  // nothing but empty text
        ExtractedSegment segment = make_segment(sentence, unit, source);
        if (!locales::has_letters_or_digits(segment.source.plain_text())) continue;
        segments.push_back(std::move(segment));
    }
    return segments;
}

}  // namespace medloc::pipeline
