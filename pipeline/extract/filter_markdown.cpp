// filter_markdown.cpp - CommonMark with pipe tables, parsed by md4c.
//
// md4c reports text as pointers into the source, so text pieces know their
// bytes. It reports spans (emphasis, links, images) and line breaks without
// positions; their bytes are the gaps between text pieces. A gap is shared out
// among the events queued in it: delimiters of known length from the front
// ("**", "[", "](url \"title\")") and from the back, and a line break, whose
// length varies with indentation and quote marks, takes what is left.
//
// Units: headings, paragraphs, tight list items, table cells. Code blocks and
// HTML blocks stay in the skeleton; an inline code span is one placeholder.
#include "entities.h"
#include "extract/filter.h"

#include <md4c.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <stdexcept>

namespace medloc::pipeline {
namespace {

enum class Event { open, close, line_break, soft_break, code_open };

struct Pending {
    Event event;
    MD_SPANTYPE span = MD_SPAN_EM;
    int pair = 0;
    Range raw;
};

const char* span_name(MD_SPANTYPE type) {
    switch (type) {
    case MD_SPAN_EM: return "em";
    case MD_SPAN_STRONG: return "strong";
    case MD_SPAN_A: return "a";
    case MD_SPAN_IMG: return "img";
    case MD_SPAN_CODE: return "code";
    case MD_SPAN_DEL: return "del";
    case MD_SPAN_U: return "u";
    default: return "span";
    }
}

class MarkdownExtraction {
public:
    explicit MarkdownExtraction(std::string_view source) : source_(source) {}

    std::vector<TextUnit> run() {
        MD_PARSER parser{};
        parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
        // md4c is C: an exception must not unwind through it (it would leak
        // md4c's buffers). A callback that throws keeps the exception and
        // returns non-zero, md4c stops and frees, and it is thrown here.
        parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
            return guarded(self, [&](MarkdownExtraction& e) { return e.enter_block(type, detail); });
        };
        parser.leave_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
            return guarded(self, [&](MarkdownExtraction& e) { return e.leave_block(type, detail); });
        };
        parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
            return guarded(self, [&](MarkdownExtraction& e) { return e.enter_span(type, detail); });
        };
        parser.leave_span = [](MD_SPANTYPE type, void* detail, void* self) {
            return guarded(self, [&](MarkdownExtraction& e) { return e.leave_span(type, detail); });
        };
        parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
            return guarded(self, [&](MarkdownExtraction& e) { return e.text(type, text, size); });
        };
        const int parsed = md_parse(source_.data(), static_cast<MD_SIZE>(source_.size()), &parser, this);
        if (failure_) std::rethrow_exception(failure_);
        if (parsed != 0) throw std::runtime_error("md4c could not parse the document");
        std::stable_sort(units_.begin(), units_.end(),
                         [](const TextUnit& a, const TextUnit& b) { return a.raw().begin < b.raw().begin; });
        return std::move(units_);
    }

private:
    template <typename Callback>
    static int guarded(void* self, const Callback& callback) {
        auto& extraction = *static_cast<MarkdownExtraction*>(self);
        try {
            return callback(extraction);
        } catch (...) {
            extraction.failure_ = std::current_exception();
            return -1;
        }
    }

    int enter_block(MD_BLOCKTYPE type, void*) {
        finish_unit();
        switch (type) {
        case MD_BLOCK_H: start_unit(UnitKind::heading); break;
        case MD_BLOCK_P: start_unit(in_list_item_ ? UnitKind::list_item : UnitKind::paragraph); break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD: start_unit(UnitKind::table_cell); break;
        case MD_BLOCK_LI:
            in_list_item_ = true;
            start_unit(UnitKind::list_item);  // text of a tight list item comes directly
            break;
        case MD_BLOCK_CODE:
        case MD_BLOCK_HTML: ++untranslatable_; break;
        default: break;
        }
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type, void*) {
        const bool was_heading = type == MD_BLOCK_H && unit_;
        std::string heading_text;
        if (was_heading)
            for (const Piece& piece : unit_->pieces())
                if (!piece.is_code()) heading_text += piece.text;
        finish_unit();
        if (was_heading && !heading_text.empty()) heading_ = heading_text;
        if (type == MD_BLOCK_LI) in_list_item_ = false;
        if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) --untranslatable_;
        return 0;
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        if (!unit_ || in_code_span_) return 0;
        if (type == MD_SPAN_CODE) {
            in_code_span_ = true;
            pending_.push_back({Event::code_open, type, 0, {}});
            return 0;
        }
        if (type == MD_SPAN_A) add_title_unit(static_cast<MD_SPAN_A_DETAIL*>(detail)->title);
        if (type == MD_SPAN_IMG) add_title_unit(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->title);
        const int pair = ++pairs_;
        open_pairs_.push_back(pair);
        pending_.push_back({Event::open, type, pair, {}});
        return 0;
    }

    int leave_span(MD_SPANTYPE type, void*) {
        if (!unit_) return 0;
        if (type == MD_SPAN_CODE && in_code_span_) {
            in_code_span_ = false;
            finish_code_span();
            return 0;
        }
        if (in_code_span_ || open_pairs_.empty()) return 0;
        const int pair = open_pairs_.back();
        open_pairs_.pop_back();
        pending_.push_back({Event::close, type, pair, {}});
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
        if (!unit_ || untranslatable_ > 0) return 0;
        if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) {
            if (in_code_span_) return 0;
            pending_.push_back({type == MD_TEXT_BR ? Event::line_break : Event::soft_break, MD_SPAN_EM, 0, {}});
            return 0;
        }
        if (!in_source(text, size)) return 0;  // a replacement character md4c made up
        const Range raw{static_cast<std::size_t>(text - source_.data()),
                        static_cast<std::size_t>(text - source_.data()) + size};
        if (in_code_span_) {
            settle_pending(raw.begin);
            code_last_end_ = raw.end;
            return 0;
        }
        settle_pending(raw.begin);
        Range rest = raw;
        if (type == MD_TEXT_NORMAL) rest.begin = spell_escape(raw.begin);
        cursor_ = raw.end;
        switch (type) {
        case MD_TEXT_ENTITY:
            if (auto decoded = decode_character_reference(source_.substr(raw.begin, raw.size())))
                unit_->add_text(raw, *decoded);
            else unit_->add_verbatim(raw);
            break;
        case MD_TEXT_HTML: unit_->add_code(Piece::Kind::placeholder, raw, "html"); break;
        default: unit_->add_verbatim(rest); break;
        }
        return 0;
    }

    bool in_source(const MD_CHAR* text, MD_SIZE size) const {
        return text >= source_.data() && text + size <= source_.data() + source_.size();
    }

    void start_unit(UnitKind kind) {
        unit_.emplace(source_, kind, heading_);
        cursor_.reset();
    }

    void finish_unit() {
        if (!unit_) return;
        settle_pending(std::nullopt);
        if (!unit_->empty()) units_.push_back(unit_->take());
        unit_.reset();
        open_pairs_.clear();
        in_code_span_ = false;
    }

    // A link or image title is translatable text of its own.
    void add_title_unit(const MD_ATTRIBUTE& title) {
        if (title.size == 0 || !in_source(title.text, title.size)) return;
        if (title.substr_offsets[1] != title.size || title.substr_types[0] != MD_TEXT_NORMAL) return;
        const auto begin = static_cast<std::size_t>(title.text - source_.data());
        UnitBuilder unit(source_, UnitKind::attribute, heading_);
        unit.add_verbatim({begin, begin + title.size});
        units_.push_back(unit.take());
    }

    // Bytes of a delimiter read forwards from `at`.
    std::size_t front_length(const Pending& item, std::size_t at) const {
        const auto peek = [&](std::size_t i) { return at + i < source_.size() ? source_[at + i] : '\0'; };
        switch (item.span) {
        case MD_SPAN_EM:
        case MD_SPAN_U: return 1;
        case MD_SPAN_STRONG: return 2;
        case MD_SPAN_DEL: return peek(1) == '~' ? 2 : 1;
        case MD_SPAN_IMG:
            if (item.event == Event::open) return 2;
            return link_tail_length(at);
        case MD_SPAN_A:
            if (item.event == Event::open) return (peek(0) == '[' || peek(0) == '<') ? 1 : 0;
            return link_tail_length(at);
        default: return 0;
        }
    }

    // Bytes of a delimiter read backwards from `end`.
    std::size_t back_length(const Pending& item, std::size_t end) const {
        const auto peek_back = [&](std::size_t i) { return end > i ? source_[end - 1 - i] : '\0'; };
        if (item.event == Event::code_open) {
            std::size_t length = peek_back(0) == ' ' ? 1 : 0;
            while (peek_back(length) == '`') ++length;
            return length;
        }
        if (item.event != Event::open) return 0;
        switch (item.span) {
        case MD_SPAN_EM:
        case MD_SPAN_U: return 1;
        case MD_SPAN_STRONG: return 2;
        case MD_SPAN_DEL: return peek_back(1) == '~' ? 2 : 1;
        case MD_SPAN_IMG: return 2;
        case MD_SPAN_A: return (peek_back(0) == '[' || peek_back(0) == '<') ? 1 : 0;
        default: return 0;
        }
    }

    // "](url "title")", "][ref]", "]" or an autolink's ">" at `at`.
    std::size_t link_tail_length(std::size_t at) const {
        if (at >= source_.size()) return 0;
        if (source_[at] == '>') return 1;
        if (source_[at] != ']') return 0;
        std::size_t i = at + 1;
        if (i < source_.size() && source_[i] == '(') {
            int depth = 0;
            char quote = 0;
            for (; i < source_.size(); ++i) {
                const char c = source_[i];
                if (c == '\\') {
                    ++i;
                } else if (quote) {
                    if (c == quote) quote = 0;
                } else if ((c == '"' || c == '\'') && depth == 1) {
                    quote = c;
                } else if (c == '(') {
                    ++depth;
                } else if (c == ')' && --depth == 0) {
                    return i + 1 - at;
                }
            }
            return 1;
        }
        if (i < source_.size() && source_[i] == '[') {
            const std::size_t close = source_.find(']', i);
            if (close != std::string_view::npos) return close + 1 - at;
        }
        return 1;
    }

    // Gives every queued event its bytes, now that the next text starts at
    // `next` (or the unit ends, when `next` is empty). Delimiters before the
    // first line break or code span are read forwards from the last text,
    // the rest backwards from the next text; the line break takes the rest.
    void settle_pending(std::optional<std::size_t> next) {
        if (pending_.empty()) return;
        std::size_t split = cursor_ ? pending_.size() : 0;
        for (std::size_t i = 0; i < split; ++i)
            if (pending_[i].event != Event::open && pending_[i].event != Event::close) split = i;
        if (!next) split = pending_.size();
        std::size_t front = cursor_ ? *cursor_ : *next;
        for (std::size_t i = 0; i < split; ++i) {
            const std::size_t length = front_length(pending_[i], front);
            pending_[i].raw = {front, front + length};
            front += length;
        }
        std::size_t back = next ? *next : front;
        for (std::size_t i = pending_.size(); i-- > split;) {
            Pending& item = pending_[i];
            if (item.event == Event::soft_break || item.event == Event::line_break) {
                item.raw = {std::min(front, back), back};
                back = item.raw.begin;
                continue;
            }
            const std::size_t length = std::min(back_length(item, back), back - std::min(front, back));
            item.raw = {back - length, back};
            back -= length;
        }
        // Bytes no delimiter explains stay with the code before them.
        if (back > front) {
            if (split > 0) pending_[split - 1].raw.end = back;
            else pending_[0].raw.begin = front;
        }
        emit_pending();
        cursor_ = pending_.back().raw.end;
        pending_.clear();
    }

    // A backslash escape: md4c gives the escaped character without its "\".
    // Returns where the verbatim text starts after it.
    std::size_t spell_escape(std::size_t next) {
        if (!cursor_ || next != *cursor_ + 1 || source_[*cursor_] != '\\' || next >= source_.size()) return next;
        unit_->add_text({*cursor_, next + 1}, std::string(1, source_[next]));
        return next + 1;
    }

    void emit_pending() {
        for (const Pending& item : pending_) {
            switch (item.event) {
            case Event::open: unit_->add_code(Piece::Kind::open, item.raw, span_name(item.span), item.pair); break;
            case Event::close: unit_->add_code(Piece::Kind::close, item.raw, span_name(item.span), item.pair); break;
            case Event::line_break: unit_->add_code(Piece::Kind::placeholder, item.raw, "br"); break;
            case Event::soft_break: unit_->add_text(item.raw, " "); break;
            case Event::code_open: code_open_ = item.raw; break;
            }
        }
    }

    void finish_code_span() {
        std::size_t end = code_last_end_;
        if (end < source_.size() && source_[end] == ' ') ++end;
        const std::size_t ticks = std::count(source_.begin() + code_open_.begin, source_.begin() + code_open_.end, '`');
        for (std::size_t i = 0; i < ticks && end < source_.size() && source_[end] == '`'; ++i) ++end;
        unit_->add_code(Piece::Kind::placeholder, {code_open_.begin, end}, "code");
        cursor_ = end;
    }

    std::string_view source_;
    std::exception_ptr failure_;  // what a callback threw, for after md_parse
    std::vector<TextUnit> units_;
    std::optional<UnitBuilder> unit_;
    std::vector<Pending> pending_;
    std::vector<int> open_pairs_;
    std::optional<std::size_t> cursor_;
    std::string heading_;
    int pairs_ = 0;
    int untranslatable_ = 0;
    bool in_list_item_ = false;
    bool in_code_span_ = false;
    Range code_open_;
    std::size_t code_last_end_ = 0;
};

}  // namespace

std::unique_ptr<Filter> make_markdown_filter() {
    return filter_of([](std::string_view source) { return MarkdownExtraction(source).run(); });
}

}  // namespace medloc::pipeline
