// filter_text.cpp - plain text in the conventions of the sample articles:
// a title line, headings and questions on lines of their own, paragraphs
// separated by blank lines, "  • " bullets, reference lists. Every non-blank
// line is one unit; indentation and bullet marks stay in the skeleton.
#include "extract/filter.h"

namespace medloc::pipeline {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Length of a list mark at the start of `line` ("• ", "- ", "* ", "1. "),
// including the spaces after it; 0 when there is none.
std::size_t list_mark_length(std::string_view line) {
    static constexpr std::string_view kBullets[] = {"•", "◦", "▪", "‣", "-", "*", "–"};
    std::size_t mark = 0;
    for (std::string_view bullet : kBullets)
        if (line.starts_with(bullet)) {
            mark = bullet.size();
            break;
        }
    if (mark == 0) {
        while (mark < line.size() && mark < 3 && line[mark] >= '0' && line[mark] <= '9') ++mark;
        if (mark == 0 || mark >= line.size() || (line[mark] != '.' && line[mark] != ')')) return 0;
        ++mark;
    }
    if (mark >= line.size() || !is_blank(line[mark])) return 0;
    while (mark < line.size() && is_blank(line[mark])) ++mark;
    return mark;
}

std::size_t word_count_estimate(std::string_view text) {
    std::size_t words = 1;
    for (char c : text) words += c == ' ';
    return words;
}

// Headings in these articles are short lines that do not read as prose:
// "Symptoms and Causes", "What is a fever?", "Outlook / Prognosis".
bool looks_like_heading(std::string_view text) {
    if (text.empty() || word_count_estimate(text) > 14) return false;
    const char last = text.back();
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!') return false;
    return text.find(", ") == std::string_view::npos || last == '?';
}

std::vector<TextUnit> extract_text(std::string_view source) {
    std::vector<TextUnit> units;
    std::string heading;
    bool seen_title = false;
    std::size_t line_begin = 0;
    while (line_begin < source.size()) {
        std::size_t line_end = source.find('\n', line_begin);
        if (line_end == std::string_view::npos) line_end = source.size();
        std::size_t begin = line_begin;
        std::size_t end = line_end;
        while (begin < end && is_blank(source[begin])) ++begin;
        while (end > begin && is_blank(source[end - 1])) --end;
        line_begin = line_end + 1;
        if (begin == end) continue;

        const std::size_t mark = list_mark_length(source.substr(begin, end - begin));
        begin += mark;
        if (begin == end) continue;
        const std::string_view text = source.substr(begin, end - begin);
        UnitKind kind = UnitKind::paragraph;
        if (!seen_title) {
            kind = UnitKind::title;
            seen_title = true;
        } else if (mark > 0) {
            kind = UnitKind::list_item;
        } else if (looks_like_heading(text)) {
            kind = UnitKind::heading;
        }
        UnitBuilder unit(source, kind, heading);
        unit.add_verbatim({begin, end});
        units.push_back(unit.take());
        if (kind == UnitKind::heading || kind == UnitKind::title) heading = std::string(text);
    }
    return units;
}

}  // namespace

std::unique_ptr<Filter> make_text_filter() { return filter_of(extract_text); }

}  // namespace medloc::pipeline
