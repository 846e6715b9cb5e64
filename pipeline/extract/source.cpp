// source.cpp - file formats by name, and the text check.
#include "extract/source.h"

#include "io/errors.h"
#include "locales/locales.h"
#include "reviews/hash.h"

#include <cctype>

namespace medloc::pipeline {

std::optional<Format> format_of(const std::filesystem::path& path) {
    const std::string extension = locales::fold_case(path.extension().string());
    if (extension == ".txt") return Format::text;
    if (extension == ".md" || extension == ".markdown") return Format::markdown;
    if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return Format::html;
    return std::nullopt;
}

std::string document_id_problem(const std::string& id) {
    const std::filesystem::path path(id);
    bool escapes = id.empty() || path.is_absolute() || id.find('\\') != std::string::npos;
    for (const std::filesystem::path& part : path) escapes = escapes || part == ".." || part == "." || part.empty();
    if (escapes) return "document id \"" + id + "\" would escape the project";
    for (const unsigned char c : id)
        if (c < 0x20 || c == 0x7f) return "the document id has control characters";
    // An id is written into XLIFF and read back as text: it must be text.
    if (locales::find_invalid_utf8(id))
        return "the file name is not valid UTF-8, so it cannot be a document id that its own XLIFF names; rename "
               "the file (e.g. convmv -f latin1 -t utf8 FILE)";
    return {};
}

void check_text(const std::string& file, std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
            const locales::TextPosition at = locales::position_of(bytes, i);
            throw InputError(
                file,
                "binary content (control byte 0x" + reviews::to_hex(bytes.substr(i, 1)) + "), not a text document",
                "extract only text, Markdown and HTML files", at.line, at.column);
        }
    }
    if (const auto invalid = locales::find_invalid_utf8(bytes)) {
        const locales::TextPosition at = locales::position_of(bytes, *invalid);
        throw InputError(file, "not valid UTF-8 (byte " + std::to_string(*invalid) + ")",
                         "convert the file to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8) and extract it again",
                         at.line, at.column);
    }
}

}  // namespace medloc::pipeline

namespace medloc::pipeline {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements that never hold others (void), or whose end the parser implies
// when the next one starts, so that they do not nest by themselves.
bool opens_no_level(std::string_view name) {
    static constexpr std::string_view kNames[] = {
        "area",  "base",   "br",     "col",      "embed",    "hr",      "img",      "input",   "link", "meta",
        "param", "source", "track",  "wbr",      "keygen",   "frame",   "basefont", "bgsound", "p",    "li",
        "dt",    "dd",     "option", "optgroup", "rb",       "rt",      "rp",       "rtc",     "tr",   "td",
        "th",    "tbody",  "thead",  "tfoot",    "colgroup", "caption", "html",     "head",    "body"};
    for (const std::string_view known : kNames)
        if (name == known) return true;
    return false;
}

// Elements whose content is raw text: no tags inside until their end tag.
bool holds_raw_text(std::string_view name) {
    return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
           name == "iframe" || name == "noembed" || name == "noframes";
}

// The deepest nesting of HTML elements and the offset where it is first
// passed, as a quick scan sees it.
class HtmlDepthScan {
public:
    HtmlDepthScan(std::string_view bytes, std::size_t max_depth) : bytes_(bytes), max_depth_(max_depth) {}

    // The offset where nesting first passes max_depth, if it does.
    std::optional<std::size_t> run() {
        while (at_ < bytes_.size()) {
            const std::size_t open = bytes_.find('<', at_);
            if (open == std::string_view::npos) break;
            at_ = open;
            if (ahead("<!--")) skip_past("-->");
            else if (ahead("<!") || ahead("<?")) skip_past(">");
            else if (ahead("</")) end_tag();
            else if (at_ + 1 < bytes_.size() && is_ascii_letter(bytes_[at_ + 1])) {
                if (start_tag() > max_depth_) return open;
            } else ++at_;
        }
        return std::nullopt;
    }

private:
    bool ahead(std::string_view text) const { return bytes_.substr(at_).starts_with(text); }

    void skip_past(std::string_view end) {
        const std::size_t found = bytes_.find(end, at_ + 1);
        at_ = found == std::string_view::npos ? bytes_.size() : found + end.size();
    }

    std::string name_at(std::size_t from) {
        std::string name;
        for (at_ = from;
             at_ < bytes_.size() && (is_ascii_letter(bytes_[at_]) ||
                                     std::isdigit(static_cast<unsigned char>(bytes_[at_])) || bytes_[at_] == '-');
             ++at_)
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(bytes_[at_])));
        return name;
    }

    // Past the tag's ">" (quotes honoured); true when it ends with "/>".
    bool skip_tag() {
        char quote = 0;
        for (; at_ < bytes_.size(); ++at_) {
            const char c = bytes_[at_];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                ++at_;
                return bytes_[at_ - 2] == '/';
            }
        }
        return false;
    }

    void end_tag() {
        const std::string name = name_at(at_ + 2);
        skip_tag();
        if (opens_no_level(name) || depth_ == 0) return;
        --depth_;
        if (depth_ < foreign_from_) foreign_from_ = kNone;
    }

    std::size_t start_tag() {
        const std::string name = name_at(at_ + 1);
        const bool self_closing = skip_tag();
        // "/>" closes an element only inside SVG and MathML; in HTML a
        // <div/> opens a div like <div> does.
        if (opens_no_level(name) || (self_closing && foreign_from_ != kNone)) return depth_;
        if ((name == "svg" || name == "math") && foreign_from_ == kNone) {
            if (self_closing) return depth_;
            foreign_from_ = depth_;
        }
        if (holds_raw_text(name)) {
            const std::string end = "</" + name;
            while (at_ < bytes_.size()) {
                const std::size_t found = bytes_.find("</", at_);
                if (found == std::string_view::npos) {
                    at_ = bytes_.size();
                    break;
                }
                at_ = found;
                std::string candidate(bytes_.substr(found, end.size()));
                for (char& c : candidate) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (candidate == end) break;
                at_ += 2;
            }
            return depth_ + 1;
        }
        return ++depth_;
    }

    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::string_view bytes_;
    std::size_t max_depth_;
    std::size_t at_ = 0;
    std::size_t depth_ = 0;
    std::size_t foreign_from_ = kNone;
};

// Block quotes and list items opened at the start of one line.
std::optional<std::size_t> markdown_too_deep(std::string_view bytes, std::size_t max_depth) {
    std::size_t line = 0;
    while (line < bytes.size()) {
        std::size_t at = line, depth = 0;
        while (at < bytes.size()) {
            while (at < bytes.size() && bytes[at] == ' ') ++at;
            if (at >= bytes.size()) break;
            const char c = bytes[at];
            std::size_t marker = 0;
            if (c == '>') marker = 1;
            else if ((c == '-' || c == '+' || c == '*') && at + 1 < bytes.size() && bytes[at + 1] == ' ') marker = 1;
            else {
                std::size_t digits = 0;
                while (at + digits < bytes.size() && digits < 10 &&
                       std::isdigit(static_cast<unsigned char>(bytes[at + digits])))
                    ++digits;
                if (digits > 0 && at + digits + 1 < bytes.size() &&
                    (bytes[at + digits] == '.' || bytes[at + digits] == ')') && bytes[at + digits + 1] == ' ')
                    marker = digits + 1;
            }
            if (marker == 0) break;
            at += marker;
            if (++depth > max_depth) return line;
        }
        const std::size_t end = bytes.find('\n', line);
        line = end == std::string_view::npos ? bytes.size() : end + 1;
    }
    return std::nullopt;
}

}  // namespace

void check_nesting(const std::string& file, std::string_view bytes, Format format, std::size_t max_depth) {
    std::optional<std::size_t> too_deep;
    if (format == Format::html) too_deep = HtmlDepthScan(bytes, max_depth).run();
    else if (format == Format::markdown) too_deep = markdown_too_deep(bytes, max_depth);
    if (!too_deep) return;
    const locales::TextPosition at = locales::position_of(bytes, *too_deep);
    throw InputError(file,
                     std::string(format == Format::html ? "elements" : "block quotes and lists") +
                         " are nested more than " + std::to_string(max_depth) + " deep here",
                     "flatten the markup, or raise the limit with --max-depth N (up to 1000) if the nesting is real",
                     at.line, at.column);
}

}  // namespace medloc::pipeline
