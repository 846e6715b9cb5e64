// filter.cpp - what all filters share: names, and keeping units contiguous.
#include "extract/filter.h"

#include <stdexcept>

namespace medloc::pipeline {

std::unique_ptr<Filter> make_text_filter();
std::unique_ptr<Filter> make_markdown_filter();
std::unique_ptr<Filter> make_html_filter();

const char* to_string(UnitKind kind) {
    switch (kind) {
    case UnitKind::title: return "title";
    case UnitKind::heading: return "heading";
    case UnitKind::paragraph: return "paragraph";
    case UnitKind::list_item: return "list-item";
    case UnitKind::table_cell: return "table-cell";
    case UnitKind::caption: return "caption";
    case UnitKind::attribute: return "attribute";
    case UnitKind::preformatted: return "preformatted";
    }
    return "paragraph";
}

const char* to_string(Format format) {
    switch (format) {
    case Format::text: return "text";
    case Format::markdown: return "markdown";
    case Format::html: return "html";
    }
    return "text";
}

namespace {

class FunctionFilter final : public Filter {
public:
    explicit FunctionFilter(Extraction extraction) : extraction_(extraction) {}
    std::vector<TextUnit> extract(std::string_view source) override { return extraction_(source); }

private:
    Extraction extraction_;
};

}  // namespace

std::optional<Format> format_named(std::string_view name) {
    for (const Format format : {Format::text, Format::markdown, Format::html})
        if (name == to_string(format)) return format;
    return std::nullopt;
}

std::unique_ptr<Filter> filter_of(Extraction extraction) { return std::make_unique<FunctionFilter>(extraction); }

std::unique_ptr<Filter> make_filter(Format format) {
    switch (format) {
    case Format::text: return make_text_filter();
    case Format::markdown: return make_markdown_filter();
    case Format::html: return make_html_filter();
    }
    throw std::logic_error("unknown format");
}

Range TextUnit::raw() const {
    if (pieces.empty()) return {};
    return {pieces.front().raw.begin, pieces.back().raw.end};
}

UnitBuilder::UnitBuilder(std::string_view source, UnitKind kind, std::string context) : source_(source) {
    unit_.kind = kind;
    unit_.context = std::move(context);
}

void UnitBuilder::close_gap(std::size_t next_begin) {
    if (unit_.pieces.empty()) return;
    Piece& last = unit_.pieces.back();
    if (next_begin < last.raw.end)
        throw FilterError(next_begin,
                          "the parser reordered this markup (text directly inside a table, or "
                          "misnested tags), so it cannot be rebuilt as written; fix the markup");
    if (next_begin == last.raw.end) return;
    if (last.is_code()) {
        last.raw.end = next_begin;
        return;
    }
    Piece gap;
    gap.kind = Piece::Kind::placeholder;
    gap.raw = {last.raw.end, next_begin};
    gap.type = "markup";
    unit_.pieces.push_back(std::move(gap));
}

void UnitBuilder::add_text(Range raw, std::string text) {
    close_gap(raw.begin);
    Piece piece;
    piece.raw = raw;
    piece.text = std::move(text);
    unit_.pieces.push_back(std::move(piece));
}

void UnitBuilder::add_verbatim(Range raw) {
    if (raw.size() == 0) return;
    add_text(raw, std::string(source_.substr(raw.begin, raw.size())));
}

void UnitBuilder::add_code(Piece::Kind kind, Range raw, std::string type, int pair) {
    // An element with no tags of its own (implied by the parser) sits where
    // the unit has got to.
    if (raw.size() == 0 && !unit_.pieces.empty() && raw.begin < unit_.pieces.back().raw.end)
        raw = {unit_.pieces.back().raw.end, unit_.pieces.back().raw.end};
    // A code that follows a gap takes the gap's bytes itself.
    if (!unit_.pieces.empty() && !unit_.pieces.back().is_code() && raw.begin > unit_.pieces.back().raw.end)
        raw.begin = unit_.pieces.back().raw.end;
    close_gap(raw.begin);
    Piece piece;
    piece.kind = kind;
    piece.raw = raw;
    piece.type = std::move(type);
    piece.pair = pair;
    if (kind == Piece::Kind::placeholder) piece.text = std::string(source_.substr(raw.begin, raw.size()));
    unit_.pieces.push_back(std::move(piece));
}

TextUnit UnitBuilder::take() {
    TextUnit unit = std::move(unit_);
    unit_ = TextUnit{unit.kind, {}, unit.context};
    return unit;
}

}  // namespace medloc::pipeline
