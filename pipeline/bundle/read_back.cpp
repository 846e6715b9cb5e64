// read_back.cpp - every text of a built document, accounted for.
//
// The document's texts are joined into one string (white space folded, as a
// page or a Markdown renderer folds it), every occurrence of every target is
// marked as covered, and whatever letters or digits are left uncovered are
// reported at the place their text starts.
#include "bundle/read_back.h"

#include "extract/html.h"
#include "locales/locales.h"

#include <algorithm>

namespace medloc::pipeline {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string folded(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (!is_space(c)) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The texts of a document as one string, with the place each byte came from.
class JoinedText {
public:
    void add(std::size_t offset, std::string_view text) {
        for (const char c : text) {
            if (is_space(c)) {
                if (text_.empty() || text_.back() == ' ') continue;
                text_ += ' ';
            } else {
                text_ += c;
            }
            from_.push_back(offset);
        }
    }

    // Marks one occurrence of each target, taken in document order: the
    // first not yet covered after the previous target's, else the first not
    // yet covered anywhere (attributes come last in the joined text). One
    // pass over the text for a document whose targets are in order.
    void cover(const std::vector<std::string>& targets) {
        covered_.assign(text_.size(), false);
        std::size_t cursor = 0;
        for (const std::string& target : targets) {
            if (target.empty()) continue;
            std::size_t at = uncovered_occurrence(target, cursor);
            if (at == std::string::npos) at = uncovered_occurrence(target, 0);
            if (at == std::string::npos) continue;
            std::fill(covered_.begin() + static_cast<long>(at),
                      covered_.begin() + static_cast<long>(at + target.size()), true);
            cursor = at + target.size();
        }
    }

    // Each stretch left uncovered that has a letter or digit, with the place
    // of its first byte.
    std::vector<std::pair<std::size_t, std::string>> uncovered() const {
        std::vector<std::pair<std::size_t, std::string>> found;
        for (std::size_t i = 0; i < text_.size();) {
            if (covered_[i]) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < text_.size() && !covered_[end]) ++end;
            const std::string stretch = folded(std::string_view(text_).substr(i, end - i));
            if (locales::has_letters_or_digits(stretch)) found.emplace_back(from_[i], stretch);
            i = end;
        }
        return found;
    }

private:
    std::size_t uncovered_occurrence(const std::string& target, std::size_t from) const {
        std::size_t at = text_.find(target, from);
        while (at != std::string::npos && covered_[at]) at = text_.find(target, at + 1);
        return at;
    }

    std::string text_;
    std::vector<std::size_t> from_;
    std::vector<bool> covered_;
};

}  // namespace

std::vector<UnsignedText> unsigned_text(std::string_view built, Format format,
                                        const std::vector<std::string>& targets) {
    JoinedText joined;
    if (format == Format::html) {
        for (const VisibleText& text : visible_text(built)) {
            if (text.separate) joined.add(text.offset, " ");
            joined.add(text.offset, text.text);
        }
    } else {
        for (const TextUnit& unit : make_filter(format)->extract(built))
            for (const Piece& piece : unit.pieces)
                if (!piece.is_code()) joined.add(piece.raw.begin, piece.text);
    }
    std::vector<std::string> shown;
    for (const std::string& target : targets) shown.push_back(folded(target));
    std::sort(shown.begin(), shown.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    joined.cover(shown);
    std::vector<UnsignedText> found;
    for (const auto& [offset, text] : joined.uncovered()) {
        const locales::TextPosition at = locales::position_of(built, offset);
        found.push_back({at.line, at.column, text});
    }
    return found;
}

}  // namespace medloc::pipeline
