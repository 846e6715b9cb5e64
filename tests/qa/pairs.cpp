// pairs.cpp - the real and the hand-written translations (see pairs.h).
#include "pairs.h"

#include <pugixml.hpp>

#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>

namespace medloc::test {
namespace {

using qa::Check;

// Marks the pairs of one document, in order, that stay as their source.
void mark_kept(std::vector<Pair>& pairs) {
    std::vector<qa::SegmentText> document;
    for (const Pair& pair : pairs) document.push_back({pair.source, {}, pair.list_item});
    const std::vector<bool> kept = qa::kept_as_source(document);
    for (std::size_t i = 0; i < pairs.size(); ++i) pairs[i].keep = kept[i];
}

bool is_bullet(const std::string& line) { return line.rfind("  \u2022", 0) == 0; }

std::vector<std::string> lines_of(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The TMX's pairs; `original` is the source document, whose lines say
// which pairs are list items.
std::vector<Pair> tmx_pairs(const std::string& path, const std::string& original, const std::string& locale) {
    pugi::xml_document tmx;
    if (!tmx.load_file(path.c_str())) throw std::runtime_error("cannot read " + path);
    const std::vector<std::string> lines = lines_of(original);
    std::vector<Pair> pairs;
    for (const auto& tu : tmx.select_nodes("//tu")) {
        Pair pair{locale, tu.node().select_node("tuv[@xml:lang='en']/seg").node().text().get(),
                  tu.node().select_node("tuv[@xml:lang='es']/seg").node().text().get(),
                  path + " tu " + tu.node().attribute("tuid").value()};
        const std::size_t line = tu.node().select_node("prop[@type='x-source-line']").node().text().as_uint();
        pair.list_item = line > 0 && line <= lines.size() && is_bullet(lines[line - 1]);
        pairs.push_back(std::move(pair));
    }
    mark_kept(pairs);
    return pairs;
}

std::vector<Pair> line_pairs(const std::string& source, const std::string& target, const std::string& locale) {
    const std::vector<std::string> from = lines_of(source), to = lines_of(target);
    if (from.size() != to.size()) throw std::runtime_error(target + " is not line by line with " + source);
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < from.size(); ++i)
        if (from[i].find_first_not_of(" \t") != std::string::npos)
            pairs.push_back({locale, from[i], to[i], target + ":" + std::to_string(i + 1), is_bullet(from[i])});
    mark_kept(pairs);
    return pairs;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
        fields.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
    fields.push_back(line.substr(start));
    return fields;
}

std::vector<Check> caught_by(const std::string& kind) {
    if (kind == "range" || kind == "decimal") return {Check::numbers};
    if (kind == "digit") return {Check::numbers, Check::addresses};  // a phone number is an address
    if (kind == "unit") return {Check::units};
    // Named as a conversion by the units check, or the quantity found gone by the numbers check.
    if (kind == "conversion") return {Check::units, Check::numbers};
    if (kind == "negation") return {Check::negation};
    if (kind == "rlo") return {Check::invisible};
    return {};
}

// The bytes of the UTF-8 sequence starting at `at`.
std::size_t sequence_length(const std::string& text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// The first digit of `target` (ASCII, Arabic-Indic, Persian, full-width)
// made the next one: "15" -> "25", "٥" -> "٦", "9" -> "0".
std::optional<std::string> changed_digit(const std::string& target) {
    for (std::size_t at = 0; at < target.size(); at += sequence_length(target, at)) {
        if (target[at] >= '0' && target[at] <= '9') {
            std::string out = target;
            out[at] = target[at] == '9' ? '0' : static_cast<char>(target[at] + 1);
            return out;
        }
        for (const char32_t zero : {U'\u0660', U'\u06F0', U'\uFF10'}) {
            const std::size_t length = sequence_length(target, at);
            char32_t code = 0;
            if (length == 2) code = ((target[at] & 0x1F) << 6) | (target[at + 1] & 0x3F);
            else if (length == 3)
                code = ((target[at] & 0x0F) << 12) | ((target[at + 1] & 0x3F) << 6) | (target[at + 2] & 0x3F);
            if (code < zero || code > zero + 9) continue;
            const char32_t next = code == zero + 9 ? zero : code + 1;
            std::string bytes;
            if (next < 0x800) {
                bytes += static_cast<char>(0xC0 | (next >> 6));
            } else {
                bytes += static_cast<char>(0xE0 | (next >> 12));
                bytes += static_cast<char>(0x80 | ((next >> 6) & 0x3F));
            }
            bytes += static_cast<char>(0x80 | (next & 0x3F));
            return target.substr(0, at) + bytes + target.substr(at + length);
        }
    }
    return std::nullopt;
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// The first decimal mark between ASCII digits swapped: "2,5" <-> "2.5".
std::optional<std::string> swapped_decimal(const std::string& target) {
    for (std::size_t at = 1; at + 1 < target.size(); ++at) {
        if ((target[at] == '.' || target[at] == ',') && ascii_digit(target[at - 1]) && ascii_digit(target[at + 1])) {
            // Not a grouping mark ("1,000"), nor a phone number's or a range's.
            std::size_t digits = 0;
            while (at + 1 + digits < target.size() && ascii_digit(target[at + 1 + digits])) ++digits;
            if (digits == 3) continue;
            std::string out = target;
            out[at] = target[at] == '.' ? ',' : '.';
            return out;
        }
    }
    return std::nullopt;
}

// U+202E (right-to-left override) inserted half way through the target.
std::string with_override(const std::string& target) {
    std::size_t at = 0;
    while (at < target.size() / 2) at += sequence_length(target, at);
    return target.substr(0, at) + "\u202E" + target.substr(at);
}

}  // namespace

std::vector<Pair> real_translations(const std::string& tests) {
    std::vector<Pair> real =
        tmx_pairs(tests + "/translations/amps-children.en-es.tmx", tests + "/corpus/amps-children.txt", "es-US");
    for (const char* locale : {"ar", "ja"}) {
        const auto more = line_pairs(tests + "/corpus/asthma-action-plan.txt",
                                     tests + "/translations/asthma-action-plan." + locale + ".txt", locale);
        real.insert(real.end(), more.begin(), more.end());
    }
    return real;
}

HandWritten hand_written(const std::string& tests) {
    const std::string path = tests + "/qa/base-pairs.tsv";
    const std::vector<std::string> lines = lines_of(path);
    HandWritten out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> fields = split_tabs(line);
        const std::string where = path + ":" + std::to_string(i + 1);
        if (fields.size() != 3) throw std::runtime_error(where + ": not three tab-separated fields");
        if (!fields[0].empty()) {
            out.correct.push_back({fields[0], fields[1], fields[2], where});
            const Pair& base = out.correct.back();
            const auto inject = [&](const std::string& kind, const std::optional<std::string>& target) {
                if (target) out.injected.push_back({{base.locale, base.source, *target, where}, kind, caught_by(kind)});
            };
            inject("digit", changed_digit(base.target));
            inject("decimal", swapped_decimal(base.target));
            inject("rlo", with_override(base.target));
            continue;
        }
        if (out.correct.empty() || caught_by(fields[1]).empty())
            throw std::runtime_error(where + ": an injected error of no known kind, or under no translation");
        const Pair& base = out.correct.back();
        out.injected.push_back({{base.locale, base.source, fields[2], where}, fields[1], caught_by(fields[1])});
    }
    return out;
}

std::vector<qa::Finding> findings_of(const Pair& pair) {
    static std::map<std::string, std::unique_ptr<qa::Checker>> checkers;
    auto& checker = checkers[pair.locale];
    if (!checker) checker = std::make_unique<qa::Checker>("en-US", pair.locale);
    return checker->check(pair.source, pair.target, pair.keep);
}

std::vector<qa::Finding> errors_of(const Pair& pair) {
    std::vector<qa::Finding> errors;
    for (qa::Finding& finding : findings_of(pair))
        if (finding.severity == qa::Severity::error) errors.push_back(std::move(finding));
    return errors;
}

}  // namespace medloc::test
