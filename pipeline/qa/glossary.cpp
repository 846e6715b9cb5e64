// glossary.cpp - TBX v2 and v3 read into concepts and their terms (see glossary.h).
#include "qa/glossary.h"

#include "text.h"

#include <pugixml.hpp>

#include <algorithm>

namespace medloc::qa {
namespace {

// An element's name without its namespace prefix ("basic:administrativeStatus").
std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = c == '_' ? '-' : ascii_lower(c);
    return out;
}

// All the text under a node (a term may hold inline markup).
std::string text_of(const pugi::xml_node& node) {
    std::string text;
    for (const pugi::xpath_node& each : node.select_nodes(".//text()")) text += each.node().value();
    return squeezed(text);
}

// 1-based line and column of a byte offset of the file.
std::pair<std::size_t, std::size_t> place_of(std::string_view text, std::ptrdiff_t offset) {
    std::size_t line = 1, column = 1;
    const std::size_t end = std::min(text.size(), static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)));
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

[[noreturn]] void fail(std::string_view text, const pugi::xml_node& node, const std::string& what) {
    const auto [line, column] = place_of(text, node.offset_debug());
    throw GlossaryError(line, column, what);
}

// What a data category says of its term or concept: nothing, forbidden, or
// not to be translated.
std::optional<Term::Kind> kind_said_by(const pugi::xml_node& node) {
    std::string category = node.attribute("type").value();
    if (category.empty()) category = std::string(local_name(node));  // TBX v3 DCT style
    category = lowered(category);
    const std::string value = lowered(text_of(node));
    if (category == "administrativestatus" || category == "normativeauthorization") {
        for (const char* word : {"deprecated", "superseded", "obsolete", "forbidden"})
            if (value.find(word) != std::string::npos) return Term::Kind::forbidden;
        return std::nullopt;
    }
    if ((category == "translationnote" || category == "translation needed" || category == "translationneeded") &&
        (value == "no" || value == "false"))
        return Term::Kind::do_not_translate;
    return std::nullopt;
}

// The data categories directly under `holder` (termNote, descrip, admin, or
// TBX v3's namespaced elements).
std::optional<Term::Kind> kind_of(const pugi::xml_node& holder) {
    std::optional<Term::Kind> kind;
    for (const pugi::xml_node& child : holder.children()) {
        const std::string_view name = local_name(child);
        if (name == "descripGrp" || name == "termNoteGrp" || name == "adminGrp") {
            if (const auto said = kind_of(child)) kind = said;
        } else if (child.type() == pugi::node_element && name != "term") {
            if (const auto said = kind_said_by(child)) kind = said;
        }
    }
    return kind;
}

bool is_term_holder(std::string_view name) { return name == "tig" || name == "ntig" || name == "termSec"; }

// How close a file's language tag is to a locale: 3 the same, 2 the bare
// language of it, 1 another variety of the language, 0 another language.
int closeness(std::string_view tag, std::string_view locale) {
    const std::string a = lowered(tag), b = lowered(locale);
    if (a == b) return 3;
    const std::string language = b.substr(0, b.find('-'));
    if (a == language) return 2;
    return a.substr(0, a.find('-')) == language ? 1 : 0;
}

// The first element deeper than a glossary ever nests (a hostile file's
// thousands of nested elements would exhaust the stack of whatever walks
// them), found without recursion.
pugi::xml_node too_deep(const pugi::xml_node& root) {
    constexpr std::size_t kDeepest = 64;
    std::size_t depth = 0;
    pugi::xml_node node = root;
    while (node) {
        if (node.first_child()) {
            node = node.first_child();
            if (++depth > kDeepest) return node;
            continue;
        }
        while (node && node != root && !node.next_sibling()) {
            node = node.parent();
            --depth;
        }
        if (!node || node == root) break;
        node = node.next_sibling();
    }
    return {};
}

}  // namespace

Glossary Glossary::read_tbx(std::string_view text) {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed) {
        const auto [line, column] = place_of(text, parsed.offset);
        throw GlossaryError(line, column, std::string("malformed XML: ") + parsed.description());
    }
    const pugi::xml_node root = document.document_element();
    if (const pugi::xml_node deep = too_deep(root))
        fail(text, deep, "elements nest deeper than a glossary does (64 levels); this is no TBX file");
    if (local_name(root) != "martif" && local_name(root) != "tbx")
        fail(text, root,
             "is not a TBX file: its root element is <" + std::string(root.name()) + ">, not <martif> or <tbx>");
    Glossary glossary;
    for (const pugi::xpath_node& found : root.select_nodes(".//*[local-name()='termEntry' or "
                                                           "local-name()='conceptEntry']")) {
        const pugi::xml_node entry = found.node();
        const std::optional<Term::Kind> concept_kind = kind_of(entry);
        Concept terms;
        for (const pugi::xml_node& section : entry.children()) {
            if (local_name(section) != "langSet" && local_name(section) != "langSec") continue;
            const std::string language = section.attribute("xml:lang").value();
            if (language.empty()) fail(text, section, "a language section has no xml:lang; give its language");
            const std::optional<Term::Kind> section_kind = kind_of(section);
            for (const pugi::xml_node& holder : section.children()) {
                if (!is_term_holder(local_name(holder))) continue;
                const pugi::xml_node term = holder.select_node(".//*[local-name()='term']").node();
                const std::string term_text = term ? text_of(term) : std::string();
                if (term_text.empty()) fail(text, holder, "a term of " + language + " is empty or missing");
                const std::optional<Term::Kind> kind =
                    kind_of(holder) ? kind_of(holder) : (section_kind ? section_kind : concept_kind);
                terms.entries.push_back({language, term_text, kind.value_or(Term::Kind::approved)});
            }
        }
        if (!terms.entries.empty()) glossary.concepts_.push_back(std::move(terms));
    }
    if (glossary.concepts_.empty())
        throw GlossaryError(0, 0, "holds no terms: no termEntry (TBX v2) or conceptEntry (TBX v3) with a term");
    return glossary;
}

std::size_t Glossary::term_count() const {
    std::size_t count = 0;
    for (const Concept& each : concepts_) count += each.entries.size();
    return count;
}

std::vector<Term> Glossary::terms(std::string_view source_locale, std::string_view target_locale) const {
    std::vector<Term> out;
    for (const Concept& each : concepts_) {
        int source_best = 0, target_best = 0;
        for (const Entry& entry : each.entries) {
            source_best = std::max(source_best, closeness(entry.language, source_locale));
            target_best = std::max(target_best, closeness(entry.language, target_locale));
        }
        std::vector<const Entry*> sources, targets;
        for (const Entry& entry : each.entries) {
            if (source_best > 0 && closeness(entry.language, source_locale) == source_best) sources.push_back(&entry);
            if (target_best > 0 && closeness(entry.language, target_locale) == target_best) targets.push_back(&entry);
        }
        const Entry* named = nullptr;  // the source term a forbidden target term stands for
        for (const Entry* source : sources)
            if (!named && source->kind != Term::Kind::forbidden) named = source;
        for (const Entry* target : targets)
            if (target->kind == Term::Kind::forbidden)
                out.push_back({named ? named->text : std::string(), target->text, Term::Kind::forbidden});
        for (const Entry* source : sources) {
            if (source->kind == Term::Kind::forbidden) continue;
            if (source->kind == Term::Kind::do_not_translate) {
                out.push_back({source->text, source->text, Term::Kind::do_not_translate});
                continue;
            }
            for (const Entry* target : targets)
                if (target->kind != Term::Kind::forbidden)
                    out.push_back({source->text, target->text, Term::Kind::approved});
        }
    }
    return out;
}

}  // namespace medloc::qa
