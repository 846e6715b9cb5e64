// filter_html.cpp - XHTML and real-world HTML5, parsed by gumbo.
//
// Block elements (p, h1, li, td, caption, title, ...) hold units; inline
// elements inside them (strong, a, abbr, br, img) become codes; script, style,
// comments and the like stay in the skeleton (not <noscript>, whose text a
// reader without scripts sees), and so does whatever the
// source marks as not to be translated (translate="no", class "notranslate"):
// a dose or a date so marked is one code, kept as it is. Translatable attributes (alt,
// title, summary, placeholder, aria-label, a meta description) are units of
// their own. gumbo gives every node its original bytes; text is matched
// against them character by character, so that each entity and each run of
// white space folded to one space becomes a spelling of its own.
#include "extract/filter.h"
#include "extract/html.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace medloc::pipeline {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Never translated. Not <noscript>: what it holds is what a reader without
// scripts sees, and an unclosed block in it takes in the rest of the page.
bool skipped(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS: return true;
    default: return false;
    }
}

// HTML's translate="no", and the "notranslate" class many sites use for it.
bool is_protected(const GumboNode* element) {
    const GumboAttribute* translate = gumbo_get_attribute(&element->v.element.attributes, "translate");
    if (translate && std::string_view(translate->value) == "no") return true;
    const GumboAttribute* classes = gumbo_get_attribute(&element->v.element.attributes, "class");
    if (!classes) return false;
    const std::string_view names = classes->value;
    for (std::size_t at = names.find("notranslate"); at != std::string_view::npos;
         at = names.find("notranslate", at + 1)) {
        const std::size_t end = at + 11;
        if ((at == 0 || is_space(names[at - 1])) && (end == names.size() || is_space(names[end]))) return true;
    }
    return false;
}

bool is_inline(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_ACRONYM:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_UNKNOWN: return true;
    default: return false;
    }
}

bool is_void(GumboTag tag) { return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_WBR; }

UnitKind unit_kind(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_TITLE: return UnitKind::title;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: return UnitKind::heading;
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: return UnitKind::list_item;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: return UnitKind::table_cell;
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGCAPTION: return UnitKind::caption;
    default: return UnitKind::paragraph;
    }
}

bool is_translatable_attribute(const GumboNode* element, std::string_view name) {
    if (name == "title" || name == "alt" || name == "placeholder" || name == "aria-label" || name == "summary")
        return true;
    if (name != "content" || element->v.element.tag != GUMBO_TAG_META) return false;
    const GumboAttribute* meta_name = gumbo_get_attribute(&element->v.element.attributes, "name");
    return meta_name &&
           (std::strcmp(meta_name->value, "description") == 0 || std::strcmp(meta_name->value, "keywords") == 0);
}

// Length of the character reference at raw[at] ("&amp;", "&#8217;"), or 0.
std::size_t reference_length(std::string_view raw, std::size_t at) {
    std::size_t i = at + 1;
    if (i < raw.size() && raw[i] == '#') {
        ++i;
        const bool hex = i < raw.size() && (raw[i] == 'x' || raw[i] == 'X');
        if (hex) ++i;
        const std::size_t digits = i;
        while (i < raw.size() && (hex ? std::isxdigit(static_cast<unsigned char>(raw[i]))
                                      : std::isdigit(static_cast<unsigned char>(raw[i]))))
            ++i;
        if (i == digits) return 0;
    } else {
        const std::size_t letters = i;
        while (i < raw.size() && std::isalnum(static_cast<unsigned char>(raw[i]))) ++i;
        if (i == letters) return 0;
    }
    if (i < raw.size() && raw[i] == ';') ++i;
    return i - at;
}

std::size_t code_point_length(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return std::min(length, text.size() - at);
}

// How deep the walks below follow the tree. check_nesting (source.h) refuses
// deeper documents before parsing, from a quick scan; this is the backstop
// for a tree the parser made deeper than the markup looked.
constexpr int kMaxTreeDepth = 1100;

// One level deeper in a walk, for as long as it lives.
class Deeper {
public:
    explicit Deeper(int& depth) : depth_(depth) {
        if (++depth_ > kMaxTreeDepth)
            throw FilterError(
                0, "elements are nested more than " + std::to_string(kMaxTreeDepth) + " deep; flatten the markup");
    }
    ~Deeper() { --depth_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;

private:
    int& depth_;
};

class HtmlExtraction {
public:
    explicit HtmlExtraction(std::string_view source) : source_(source) {}

    std::vector<TextUnit> run() {
        const ParsedHtml html(source_);
        walk_block(html.root());
        finish_unit();
        std::stable_sort(units_.begin(), units_.end(),
                         [](const TextUnit& a, const TextUnit& b) { return a.raw().begin < b.raw().begin; });
        return std::move(units_);
    }

private:
    std::size_t offset_of(const char* data) const { return static_cast<std::size_t>(data - source_.data()); }

    bool in_source(const GumboStringPiece& piece) const {
        return piece.data && piece.data >= source_.data() &&
               piece.data + piece.length <= source_.data() + source_.size();
    }

    Range start_tag(const GumboNode* element) const {
        const GumboStringPiece& tag = element->v.element.original_tag;
        if (!in_source(tag) || tag.length == 0) return {cursor_, cursor_};
        return {offset_of(tag.data), offset_of(tag.data) + tag.length};
    }

    Range end_tag(const GumboNode* element) const {
        const GumboStringPiece& tag = element->v.element.original_end_tag;
        if (!in_source(tag) || tag.length == 0) return {cursor_, cursor_};
        return {offset_of(tag.data), offset_of(tag.data) + tag.length};
    }

    static const GumboVector& children_of(const GumboNode* node) {
        return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    }

    void walk_block(const GumboNode* node) {
        const Deeper deeper(depth_);
        const bool element = node->type == GUMBO_NODE_ELEMENT;
        const UnitKind kind = element ? unit_kind(node->v.element.tag) : UnitKind::paragraph;
        if (element) add_attributes(node);
        const GumboVector& children = children_of(node);
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            switch (child->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
                start_unit(kind);
                add_text_node(child);
                break;
            case GUMBO_NODE_WHITESPACE:
                if (unit_) add_text_node(child);
                break;
            case GUMBO_NODE_COMMENT:
                if (unit_) add_comment(child);
                break;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: {
                const GumboTag tag = child->v.element.tag;
                if (skipped(tag) || (!is_inline(tag) && is_protected(child))) {
                    if (unit_) add_whole_element(child, "markup");
                } else if (is_inline(tag)) {
                    start_unit(kind);
                    walk_inline(child);
                } else {
                    finish_unit();
                    walk_block(child);
                }
                break;
            }
            default: break;
            }
        }
        finish_unit();
    }

    void walk_inline(const GumboNode* element) {
        const Deeper deeper(depth_);
        if (is_protected(element)) {  // its attributes too stay as they are
            add_whole_element(element, "protected");
            return;
        }
        add_attributes(element);
        const GumboTag tag = element->v.element.tag;
        if (is_void(tag)) {
            unit_->add_code(Piece::Kind::placeholder, start_tag(element), gumbo_normalized_tagname(tag));
            cursor_ = unit_->pieces().back().raw.end;
            return;
        }
        if (tag == GUMBO_TAG_CODE) {
            add_whole_element(element, "code");
            return;
        }
        const std::string name = tag == GUMBO_TAG_UNKNOWN ? "span" : gumbo_normalized_tagname(tag);
        const int pair = ++pairs_;
        unit_->add_code(Piece::Kind::open, start_tag(element), name, pair);
        cursor_ = unit_->pieces().back().raw.end;
        const GumboVector& children = element->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            switch (child->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE: add_text_node(child); break;
            case GUMBO_NODE_COMMENT: add_comment(child); break;
            case GUMBO_NODE_ELEMENT:
                if (skipped(child->v.element.tag)) add_whole_element(child, "markup");
                else walk_inline(child);
                break;
            default: break;
            }
        }
        unit_->add_code(Piece::Kind::close, end_tag(element), name, pair);
        cursor_ = unit_->pieces().back().raw.end;
    }

    // An element kept whole as one placeholder: inline code, a script.
    void add_whole_element(const GumboNode* element, const char* type) {
        const Range open = start_tag(element);
        const Range close = end_tag(element);
        unit_->add_code(Piece::Kind::placeholder, {open.begin, std::max(open.end, close.end)}, type);
        cursor_ = unit_->pieces().back().raw.end;
    }

    void add_comment(const GumboNode* comment) {
        const GumboStringPiece& original = comment->v.text.original_text;
        if (!in_source(original)) return;
        unit_->add_code(Piece::Kind::placeholder,
                        {offset_of(original.data), offset_of(original.data) + original.length}, "comment");
        cursor_ = unit_->pieces().back().raw.end;
    }

    void add_text_node(const GumboNode* node) {
        const GumboStringPiece& original = node->v.text.original_text;
        if (!in_source(original)) return;
        const std::size_t begin = offset_of(original.data);
        add_decoded(*unit_, {begin, begin + original.length}, node->v.text.text);
    }

    // Matches gumbo's decoded text against its bytes: verbatim stretches,
    // and a spelling for each reference and each run of white space.
    void add_decoded(UnitBuilder& unit, Range raw, std::string_view decoded) {
        const std::string_view bytes = source_.substr(raw.begin, raw.size());
        std::size_t i = 0, j = 0, verbatim = 0;
        const auto flush = [&](std::size_t until) { unit.add_verbatim({raw.begin + verbatim, raw.begin + until}); };
        while (i < bytes.size()) {
            if (is_space(bytes[i])) {
                std::size_t end = i;
                while (end < bytes.size() && is_space(bytes[end])) ++end;
                while (j < decoded.size() && is_space(decoded[j])) ++j;
                if (bytes.substr(i, end - i) != " ") {
                    flush(i);
                    unit.add_text({raw.begin + i, raw.begin + end}, " ");
                    verbatim = end;
                }
                i = end;
                continue;
            }
            const std::size_t reference = bytes[i] == '&' ? reference_length(bytes, i) : 0;
            if (reference > 0 && j < decoded.size() && decoded.compare(j, reference, bytes.substr(i, reference)) != 0) {
                std::size_t length = code_point_length(decoded, j);
                const std::size_t after = i + reference;
                // A few references stand for two characters.
                if (after < bytes.size() && j + length < decoded.size() && decoded[j + length] != bytes[after] &&
                    bytes[after] != '&' && !is_space(bytes[after]))
                    length += code_point_length(decoded, j + length);
                flush(i);
                unit.add_text({raw.begin + i, raw.begin + after}, std::string(decoded.substr(j, length)));
                i = after;
                j += length;
                verbatim = i;
                continue;
            }
            if (j >= decoded.size() || decoded[j] != bytes[i]) {
                // gumbo changed something we do not model: keep the rest as one spelling.
                flush(i);
                unit.add_text({raw.begin + i, raw.end}, std::string(decoded.substr(std::min(j, decoded.size()))));
                cursor_ = raw.end;
                return;
            }
            ++i;
            ++j;
        }
        flush(bytes.size());
        cursor_ = raw.end;
    }

    void add_attributes(const GumboNode* element) {
        const GumboVector& attributes = element->v.element.attributes;
        for (unsigned i = 0; i < attributes.length; ++i) {
            const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
            if (!is_translatable_attribute(element, attribute->name)) continue;
            const GumboStringPiece& original = attribute->original_value;
            // An attribute written without a value (<img alt>) has nothing to
            // translate; gumbo points its original value at the name.
            if (!in_source(original) || original.length == 0 || *attribute->value == '\0') continue;
            Range raw{offset_of(original.data), offset_of(original.data) + original.length};
            const char quote = source_[raw.begin];
            const bool quoted = (quote == '"' || quote == '\'') && raw.size() >= 2 && source_[raw.end - 1] == quote;
            if (quoted) {
                ++raw.begin;
                --raw.end;
            }
            if (raw.size() == 0) continue;
            UnitBuilder unit(source_, UnitKind::attribute, heading_);
            const std::size_t saved = cursor_;
            add_decoded(unit, raw, attribute->value);
            cursor_ = saved;
            if (unit.empty()) continue;
            units_.push_back(unit.take());
            units_.back().unquoted = !quoted;
        }
    }

    void start_unit(UnitKind kind) {
        if (!unit_) unit_.emplace(source_, kind, heading_);
    }

    void finish_unit() {
        if (!unit_) return;
        TextUnit unit = unit_->take();
        unit_.reset();
        if (unit.pieces.empty()) return;
        if (unit.kind == UnitKind::heading) {
            std::string text;
            for (const Piece& piece : unit.pieces)
                if (!piece.is_code()) text += piece.text;
            const auto first = text.find_first_not_of(' ');
            if (first != std::string::npos) heading_ = text.substr(first, text.find_last_not_of(' ') + 1 - first);
        }
        units_.push_back(std::move(unit));
    }

    std::string_view source_;
    std::vector<TextUnit> units_;
    std::optional<UnitBuilder> unit_;
    std::string heading_;
    std::size_t cursor_ = 0;
    int pairs_ = 0;
    int depth_ = 0;
};

// Collects visible_text() (html.h).
class VisibleTextWalk {
public:
    explicit VisibleTextWalk(std::string_view html) : html_(html) {}

    void walk(const GumboNode* node) {
        const Deeper deeper(depth_);
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA)
            return add(node->v.text.original_text.data, node->v.text.text, found_);
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
        if (node->type == GUMBO_NODE_ELEMENT) {
            const GumboTag tag = node->v.element.tag;
            if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
                tag == GUMBO_TAG_CODE || is_protected(node))
                return;
            const GumboVector& attributes = node->v.element.attributes;
            for (unsigned i = 0; i < attributes.length; ++i) {
                const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
                if (is_translatable_attribute(node, attribute->name))
                    add(attribute->original_value.data, attribute->value, attributes_);
            }
        }
        const GumboVector& children =
            node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) walk(static_cast<const GumboNode*>(children.data[i]));
    }

    // The page's text, then its attributes: an attribute is text of its own,
    // not part of the sentence around the element it sits on.
    std::vector<VisibleText> take() {
        for (VisibleText& attribute : attributes_) {
            attribute.separate = true;
            found_.push_back(std::move(attribute));
        }
        return std::move(found_);
    }

private:
    void add(const char* at, const char* text, std::vector<VisibleText>& to) const {
        const bool inside = at && at >= html_.data() && at <= html_.data() + html_.size();
        to.push_back({inside ? static_cast<std::size_t>(at - html_.data()) : 0, text});
    }

    std::string_view html_;
    std::vector<VisibleText> found_;
    std::vector<VisibleText> attributes_;
    int depth_ = 0;
};

}  // namespace

std::vector<VisibleText> visible_text(std::string_view html) {
    const ParsedHtml parsed(html);
    VisibleTextWalk walk(html);
    walk.walk(parsed.root());
    return walk.take();
}

std::unique_ptr<Filter> make_html_filter() {
    return filter_of([](std::string_view source) { return HtmlExtraction(source).run(); });
}

}  // namespace medloc::pipeline
