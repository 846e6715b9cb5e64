// skeleton.cpp - making, storing and filling document skeletons.
#include "skeleton/skeleton.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

namespace medloc::pipeline {
namespace {

using nlohmann::json;

const char* encoding_name(Encoding encoding) {
    switch (encoding) {
    case Encoding::text: return "text";
    case Encoding::html_text: return "html";
    case Encoding::html_attribute: return "html-attribute-quoted";
    case Encoding::html_attribute_unquoted: return "html-attribute-unquoted";
    case Encoding::markdown: return "markdown-text";
    case Encoding::markdown_title: return "markdown-title";
    case Encoding::markdown_any: return "markdown";
    }
    return "text";
}

Encoding encoding_named(std::string_view name) {
    if (name == "html") return Encoding::html_text;
    if (name == "html-attribute-quoted") return Encoding::html_attribute;
    // Skeletons of medloc 0.2 and before did not record the quoting: the
    // escaping that is safe in every quoting.
    if (name == "html-attribute" || name == "html-attribute-unquoted") return Encoding::html_attribute_unquoted;
    if (name == "markdown-text") return Encoding::markdown;
    if (name == "markdown-title") return Encoding::markdown_title;
    if (name == "markdown") return Encoding::markdown_any;  // medloc 0.2 and before
    return Encoding::text;
}

Encoding encoding_for(Format format, const ExtractedSegment& segment) {
    switch (format) {
    case Format::html:
        if (segment.kind != UnitKind::attribute) return Encoding::html_text;
        return segment.unquoted ? Encoding::html_attribute_unquoted : Encoding::html_attribute;
    case Format::markdown: return segment.kind == UnitKind::attribute ? Encoding::markdown_title : Encoding::markdown;
    case Format::text: return Encoding::text;
    }
    return Encoding::text;
}

json template_to_json(const Template& parts) {
    json out = json::array();
    for (const Part& part : parts) {
        if (part.slot >= 0) out.push_back(part.slot);
        else out.push_back(part.literal);
    }
    return out;
}

Template template_from_json(const json& parts) {
    Template out;
    for (const json& part : parts) {
        if (part.is_number_integer()) out.push_back({{}, part.get<int>()});
        else out.push_back({part.get<std::string>(), -1});
    }
    return out;
}

// Builds templates over ranges of the source, with a slot wherever a segment
// lies in the range (and is not inside another segment that does).
class TemplateMaker {
public:
    TemplateMaker(std::string_view source, const std::vector<ExtractedSegment>& segments)
        : source_(source), segments_(segments), order_(segments.size()), used_(segments.size(), 0) {
        std::iota(order_.begin(), order_.end(), 0);
        std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
            const Range& ra = segments_[a].raw;
            const Range& rb = segments_[b].raw;
            return ra.begin != rb.begin ? ra.begin < rb.begin : ra.end > rb.end;
        });
    }

    Template make(Range range) {
        Template parts;
        std::size_t position = range.begin;
        auto it = std::lower_bound(order_.begin(), order_.end(), range.begin,
                                   [&](std::size_t index, std::size_t at) { return segments_[index].raw.begin < at; });
        for (; it != order_.end() && segments_[*it].raw.begin < range.end; ++it) {
            const Range& raw = segments_[*it].raw;
            if (raw.begin < position || raw.end > range.end) continue;
            if (raw.begin > position)
                parts.push_back({std::string(source_.substr(position, raw.begin - position)), -1});
            parts.push_back({{}, static_cast<int>(*it)});
            ++used_[*it];
            position = raw.end;
        }
        if (range.end > position) parts.push_back({std::string(source_.substr(position, range.end - position)), -1});
        return parts;
    }

    bool every_segment_used_once() const {
        return std::all_of(used_.begin(), used_.end(), [](int uses) { return uses == 1; });
    }

private:
    std::string_view source_;
    const std::vector<ExtractedSegment>& segments_;
    std::vector<std::size_t> order_;
    std::vector<int> used_;
};

class Writer {
public:
    Writer(const Skeleton& skeleton, const SegmentLookup& lookup) : skeleton_(skeleton), lookup_(lookup) {}

    void write(const Template& parts, std::string& out) {
        for (const Part& part : parts) {
            if (part.slot < 0) out += part.literal;
            else write_slot(skeleton_.slots.at(static_cast<std::size_t>(part.slot)), out);
        }
    }

private:
    void write_slot(const Slot& slot, std::string& out) {
        const SegmentText text = lookup_(slot.segment_id);
        if (!text.source || !text.target) throw RebuildError("no text for segment " + slot.segment_id);
        const bool as_source = *text.target == *text.source;
        const auto& runs = text.target->runs;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const xliff::Run& run = runs[i];
            if (!run.is_code()) {
                if (as_source) write_spelled(slot, i, run.text, out);
                else out += encode(run.text, slot.encoding);
                continue;
            }
            const std::size_t k = source_run_of(*text.source, run);
            const auto code = slot.codes.find(k);
            if (k == npos || code == slot.codes.end())
                throw RebuildError("segment " + slot.segment_id + " has a code (id " + std::to_string(run.id) +
                                   ") that its source does not have");
            write(code->second, out);
        }
    }

    static void write_spelled(const Slot& slot, std::size_t run, const std::string& text, std::string& out) {
        std::size_t position = 0;
        for (const Slot::Spelled& spelled : slot.spellings) {
            if (spelled.run != run) continue;
            out.append(text, position, spelled.offset - position);
            out += spelled.raw;
            position = spelled.offset + spelled.length;
        }
        out.append(text, position);
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    static std::size_t source_run_of(const xliff::Content& source, const xliff::Run& code) {
        for (std::size_t k = 0; k < source.runs.size(); ++k)
            if (source.runs[k].kind == code.kind && source.runs[k].id == code.id) return k;
        return npos;
    }

    const Skeleton& skeleton_;
    const SegmentLookup& lookup_;
};

// The encoding most slots have, written once for the whole skeleton.
Encoding usual_encoding(const std::vector<Slot>& slots) {
    std::map<Encoding, std::size_t> counts;
    for (const Slot& slot : slots) ++counts[slot.encoding];
    Encoding usual = Encoding::text;
    std::size_t most = 0;
    for (const auto& [encoding, count] : counts)
        if (count > most) usual = encoding, most = count;
    return usual;
}

}  // namespace

// A slot keeps only what is not the default: most are a segment id and
// nothing else, and a version's skeleton is stored whole with every version.
std::string Skeleton::to_json() const {
    json out;
    out["body"] = template_to_json(body);
    const Encoding usual = usual_encoding(slots);
    if (usual != Encoding::text) out["encoding"] = encoding_name(usual);
    json slots_json = json::array();
    for (const Slot& slot : slots) {
        if (slot.encoding == usual && slot.codes.empty() && slot.spellings.empty()) {
            slots_json.push_back(slot.segment_id);
            continue;
        }
        json s;
        s["id"] = slot.segment_id;
        if (slot.encoding != usual) s["encoding"] = encoding_name(slot.encoding);
        if (!slot.codes.empty()) {
            json codes_json = json::object();
            for (const auto& [run, parts] : slot.codes) codes_json[std::to_string(run)] = template_to_json(parts);
            s["codes"] = std::move(codes_json);
        }
        if (!slot.spellings.empty()) {
            json spellings = json::array();
            for (const Slot::Spelled& spelled : slot.spellings)
                spellings.push_back(json::array({spelled.run, spelled.offset, spelled.length, spelled.raw}));
            s["spellings"] = std::move(spellings);
        }
        slots_json.push_back(std::move(s));
    }
    out["slots"] = std::move(slots_json);
    return out.dump();
}

// Reads the compact form above and the full one of medloc before it, where
// every slot was an object with all four fields.
Skeleton Skeleton::from_json(std::string_view text) {
    const json in = json::parse(text);
    Skeleton skeleton;
    skeleton.body = template_from_json(in.at("body"));
    const Encoding usual =
        in.contains("encoding") ? encoding_named(in.at("encoding").get<std::string>()) : Encoding::text;
    for (const json& s : in.at("slots")) {
        Slot slot;
        slot.encoding = usual;
        if (s.is_string()) {
            slot.segment_id = s.get<std::string>();
            skeleton.slots.push_back(std::move(slot));
            continue;
        }
        slot.segment_id = s.at("id").get<std::string>();
        if (s.contains("encoding")) slot.encoding = encoding_named(s.at("encoding").get<std::string>());
        if (s.contains("codes"))
            for (const auto& [run, parts] : s.at("codes").items())
                slot.codes[std::stoul(run)] = template_from_json(parts);
        if (s.contains("spellings"))
            for (const json& spelled : s.at("spellings"))
                slot.spellings.push_back({spelled.at(0).get<std::size_t>(), spelled.at(1).get<std::size_t>(),
                                          spelled.at(2).get<std::size_t>(), spelled.at(3).get<std::string>()});
        skeleton.slots.push_back(std::move(slot));
    }
    return skeleton;
}

Skeleton make_skeleton(std::string_view source, Format format, const std::vector<ExtractedSegment>& segments,
                       const std::vector<std::string>& ids) {
    TemplateMaker maker(source, segments);
    Skeleton skeleton;
    skeleton.body = maker.make({0, source.size()});
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const ExtractedSegment& segment = segments[i];
        Slot slot;
        slot.segment_id = ids.at(i);
        slot.encoding = encoding_for(format, segment);
        for (std::size_t run = 0; run < segment.source.runs.size(); ++run)
            if (segment.source.runs[run].is_code()) slot.codes[run] = maker.make(segment.code_raw[run]);
        for (const Spelling& spelling : segment.spellings)
            slot.spellings.push_back({spelling.run, spelling.offset, spelling.length,
                                      std::string(source.substr(spelling.raw.begin, spelling.raw.size()))});
        skeleton.slots.push_back(std::move(slot));
    }
    if (!maker.every_segment_used_once())
        throw FilterError(0, "segments overlap in the source; the document cannot be rebuilt from them");
    return skeleton;
}

std::string rebuild(const Skeleton& skeleton, const SegmentLookup& lookup) {
    std::string out;
    Writer(skeleton, lookup).write(skeleton.body, out);
    return out;
}

std::map<std::string, std::string> original_codes(const Skeleton& skeleton, const Slot& slot,
                                                  const xliff::Content& source, const SegmentLookup& lookup) {
    std::map<std::string, std::string> codes;
    Writer writer(skeleton, lookup);
    for (const auto& [run, parts] : slot.codes) {
        if (run >= source.runs.size()) continue;
        std::string markup;
        writer.write(parts, markup);
        codes[xliff::data_id(source.runs[run])] = std::move(markup);
    }
    return codes;
}

namespace {

// Translated text in Markdown: every character that could open markup is
// backslash-escaped (CommonMark lets any ASCII punctuation be), so that a
// translation never turns into emphasis, a link, a table cell, an entity or
// code. A text that starts a line could also start a block ("- ", "1. ",
// "+ "), so those are escaped at its start; and a line break, which could
// end the paragraph or open a heading, becomes a space.
std::string encode_markdown(std::string_view text, Encoding encoding) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9' && i == digits) ++digits;
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        const bool ends_title = c == '"' || c == '\'' || c == '(' || c == ')';
        if (encoding == Encoding::markdown_title) {
            if (ends_title || c == '\\' || c == '&') out += '\\';
            out += c;
            continue;
        }
        const bool markup = c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' ||
                            c == '>' || c == '|' || c == '#' || c == '&' || c == '~' || c == '!';
        const bool block_start = i == 0 && (c == '-' || c == '+' || c == '=');
        const bool list_number = digits > 0 && i == digits && (c == '.' || c == ')');
        if (markup || block_start || list_number || (encoding == Encoding::markdown_any && ends_title)) out += '\\';
        out += c;
    }
    return out;
}

// An HTML attribute value; `unquoted`: one written without quotes.
std::string encode_html_attribute(std::string_view text, bool unquoted) {
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case ' ': out += unquoted ? "&#32;" : " "; break;
        case '\t': out += unquoted ? "&#9;" : "\t"; break;
        case '\n': out += unquoted ? "&#10;" : "\n"; break;
        case '\f': out += unquoted ? "&#12;" : "\f"; break;
        case '\r': out += unquoted ? "&#13;" : "\r"; break;
        case '=': out += unquoted ? "&#61;" : "="; break;
        case '`': out += unquoted ? "&#96;" : "`"; break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string encode(std::string_view text, Encoding encoding) {
    switch (encoding) {
    case Encoding::text: return std::string(text);
    case Encoding::html_text: return xliff::escape_xml_text(text);
    case Encoding::html_attribute: return encode_html_attribute(text, false);
    case Encoding::html_attribute_unquoted: return encode_html_attribute(text, true);
    case Encoding::markdown:
    case Encoding::markdown_title:
    case Encoding::markdown_any: return encode_markdown(text, encoding);
    }
    return std::string(text);
}

}  // namespace medloc::pipeline
