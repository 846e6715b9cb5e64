// html.cpp - escaping, inline formatting, highlights and word diffs.
#include "html.h"

#include "xliff/content.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>

namespace medloc::server {
namespace {

// Invisible, or changes the order or look of what follows.
bool is_hidden(char32_t code) {
    return (code < 0x20 && code != '\t' && code != '\n') || code == 0x7F || (code >= 0x80 && code < 0xA0) ||
           code == 0xAD || code == 0x061C || (code >= 0x200B && code <= 0x200F) || (code >= 0x202A && code <= 0x202E) ||
           (code >= 0x2060 && code <= 0x2069) || code == 0xFEFF;
}

void append_hidden(std::string& out, char32_t code) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(code));
    out += "<span class=\"hidden-char\" title=\"invisible character ";
    out += name;
    out += "\">[";
    out += name;
    out += "]</span>";
}

// The element a code of this type is shown as (nothing: a badge).
const char* element_for(const std::string& type) {
    if (type == "strong" || type == "b" || type == "bold") return "strong";
    if (type == "em" || type == "i" || type == "italic") return "em";
    if (type == "code" || type == "kbd" || type == "tt") return "code";
    if (type == "sup") return "sup";
    if (type == "sub") return "sub";
    if (type == "u" || type == "a" || type == "link") return "u";
    return nullptr;
}

// Writes text runs with the highlights that fall in them.
class Writer {
public:
    explicit Writer(const std::vector<Highlight>& highlights) : highlights_(highlights) {}

    void text(std::string_view run) {
        std::size_t done = 0;
        while (done < run.size()) {
            const std::size_t at = offset_ + done;
            const Highlight* inside = covering(at);
            std::size_t next = run.size();
            for (const Highlight& h : highlights_) {
                if (h.span.begin > at && h.span.begin < offset_ + next) next = h.span.begin - offset_;
                if (inside && h.span.end > at && h.span.end < offset_ + next) next = h.span.end - offset_;
            }
            if (inside) {
                out += inside->severity == qa::Severity::error ? "<mark class=\"qa-error\">"
                                                               : "<mark class=\"qa-warning\">";
                out += escape(run.substr(done, next - done));
                out += "</mark>";
            } else {
                out += escape(run.substr(done, next - done));
            }
            done = next;
        }
        offset_ += run.size();
    }

    std::string out;

private:
    const Highlight* covering(std::size_t at) const {
        const Highlight* best = nullptr;
        for (const Highlight& h : highlights_)
            if (h.span.begin <= at && at < h.span.end &&
                (!best || (h.severity == qa::Severity::error && best->severity != qa::Severity::error)))
                best = &h;
        return best;
    }

    const std::vector<Highlight>& highlights_;
    std::size_t offset_ = 0;
};

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        const bool space = text[i] == ' ' || text[i] == '\t' || text[i] == '\n';
        std::size_t j = i;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n') == space) ++j;
        words.push_back(text.substr(i, j - i));
        i = j;
    }
    return words;
}

// Beyond this many cells the diff is not worth its memory: all removed, all added.
constexpr std::size_t kMostDiffCells = 4'000'000;

}  // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        switch (c) {
        case '&':
            out += "&amp;";
            ++i;
            continue;
        case '<':
            out += "&lt;";
            ++i;
            continue;
        case '>':
            out += "&gt;";
            ++i;
            continue;
        case '"':
            out += "&quot;";
            ++i;
            continue;
        case '\'':
            out += "&#39;";
            ++i;
            continue;
        default: break;
        }
        // Stored text is valid UTF-8; a byte that is not shows as U+FFFD.
        std::size_t next = i;
        UChar32 code = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), next, text.size(), code);
        if (code < 0) out += "\xEF\xBF\xBD";
        else if (is_hidden(static_cast<char32_t>(code))) append_hidden(out, static_cast<char32_t>(code));
        else out.append(text.substr(i, next - i));
        i = next;
    }
    return out;
}

std::string plain_text(std::string_view markup) {
    try {
        return xliff::content_from_markup(markup).plain_text();
    } catch (const xliff::MarkupError&) {
        return std::string(markup);
    }
}

std::string render_content(std::string_view markup, const std::vector<Highlight>& highlights) {
    xliff::Content content;
    try {
        content = xliff::content_from_markup(markup);
    } catch (const xliff::MarkupError&) {
        return escape(markup);
    }
    Writer writer(highlights);
    std::vector<std::pair<int, std::string>> open;  // code id, the element closing it
    for (const xliff::Run& run : content.runs) {
        switch (run.kind) {
        case xliff::Run::Kind::text: writer.text(run.text); break;
        case xliff::Run::Kind::open: {
            const char* element = element_for(run.type);
            const std::string name = element ? element : "span";
            writer.out += "<" + name + " class=\"code code-" + escape(run.type) + "\"";
            if (!run.text.empty()) writer.out += " title=\"" + escape(run.text) + "\"";
            writer.out += ">";
            open.emplace_back(run.id, "</" + name + ">");
            break;
        }
        case xliff::Run::Kind::close: {
            // Only the innermost open code closes, so the page stays well formed.
            if (!open.empty() && open.back().first == run.id) {
                writer.out += open.back().second;
                open.pop_back();
            }
            break;
        }
        case xliff::Run::Kind::placeholder:
            if (run.type == "br" || run.type == "lb") writer.out += "<br>";
            else
                writer.out += "<span class=\"placeholder\" title=\"" + escape(run.type) + "\">" +
                              escape(run.text.empty() ? run.type : run.text) + "</span>";
            break;
        }
    }
    for (auto it = open.rbegin(); it != open.rend(); ++it) writer.out += it->second;
    return writer.out;
}

std::string word_diff(std::string_view before, std::string_view after) {
    const std::vector<std::string_view> a = words_of(before);
    const std::vector<std::string_view> b = words_of(after);
    if ((a.size() + 1) * (b.size() + 1) > kMostDiffCells)
        return "<del>" + escape(before) + "</del><ins>" + escape(after) + "</ins>";
    // The longest common subsequence, filled from the end.
    const std::size_t width = b.size() + 1;
    std::vector<std::uint32_t> common((a.size() + 1) * width, 0);
    for (std::size_t i = a.size(); i-- > 0;)
        for (std::size_t j = b.size(); j-- > 0;)
            common[i * width + j] = a[i] == b[j] ? common[(i + 1) * width + j + 1] + 1
                                                 : std::max(common[(i + 1) * width + j], common[i * width + j + 1]);
    std::string out;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            out += escape(a[i++]);
            ++j;
        } else if (i < a.size() && (j == b.size() || common[(i + 1) * width + j] >= common[i * width + j + 1])) {
            out += "<del>" + escape(a[i++]) + "</del>";
        } else {
            out += "<ins>" + escape(b[j++]) + "</ins>";
        }
    }
    return out;
}

}  // namespace medloc::server
