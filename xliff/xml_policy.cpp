// xml_policy.cpp - one pass over the bytes, before pugixml (see xml_policy.h).
#include "xml_policy.h"

#include "xliff/xliff.h"

#include <charconv>
#include <cstdio>
#include <string>

namespace medloc::xliff {
namespace {

constexpr const char* kRepair = "repair the file in the tool that wrote it, or export again";

std::string code_point_name(std::uint32_t value) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(value));
    return name;
}

class PolicyScan {
public:
    PolicyScan(std::string_view bytes, std::size_t max_depth, Doctype doctype)
        : bytes_(bytes), max_depth_(max_depth), doctype_(doctype) {}

    void run() {
        while (at_ < bytes_.size()) {
            skip_plain();
            if (at_ >= bytes_.size()) break;
            if (bytes_[at_] == '<') markup();
            else if (bytes_[at_] == '&') reference();
            else character();
        }
    }

private:
    bool ahead(std::string_view text) const { return bytes_.substr(at_).starts_with(text); }

    // Past the bytes of text that need no look: most of any file.
    void skip_plain() {
        while (at_ < bytes_.size()) {
            const auto byte = static_cast<unsigned char>(bytes_[at_]);
            if (byte < 0x20 || byte == '<' || byte == '&' || byte == 0xEF) return;
            ++at_;
        }
    }

    // One character of text, comment or attribute: XML 1.0 forbids most C0
    // controls, U+FFFE and U+FFFF (and UTF-8 cannot carry surrogates).
    void character() {
        const auto byte = static_cast<unsigned char>(bytes_[at_]);
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r')
            throw ReadError(at_, "the control character " + code_point_name(byte) + " is not allowed in XML",
                            "remove it from the target (it cannot be printed), or export again");
        if (byte == 0xEF && ahead("\xEF\xBF") && at_ + 2 < bytes_.size() &&
            (static_cast<unsigned char>(bytes_[at_ + 2]) & 0xFE) == 0xBE)
            throw ReadError(
                at_, "the noncharacter " + code_point_name(0xFFFE | (bytes_[at_ + 2] & 1)) + " is not allowed in XML",
                kRepair);
        ++at_;
    }

    // Characters up to and past `end`; false when the file ends first.
    bool skip_to(std::string_view end) {
        while (at_ < bytes_.size()) {
            if (ahead(end)) {
                at_ += end.size();
                return true;
            }
            character();
        }
        return false;
    }

    void markup() {
        const std::size_t start = at_;
        if (ahead("<!--")) {
            at_ += 4;
            skip_to("-->");
        } else if (ahead("<![CDATA[")) {
            at_ += 9;
            skip_to("]]>");
        } else if (ahead("<!DOCTYPE") && doctype_ == Doctype::external_only) {
            external_doctype(start);
        } else if (ahead("<!")) {
            throw ReadError(start,
                            "the file has a document type declaration (<!DOCTYPE>); medloc reads no DTD, since its "
                            "entities could change the text",
                            "remove the <!DOCTYPE ...> declaration, or export again");
        } else if (ahead("<?")) {
            at_ += 2;
            skip_to("?>");
        } else if (ahead("</")) {
            at_ += 2;
            if (depth_ > 0) --depth_;
            skip_to(">");
        } else {
            start_tag(start);
        }
    }

    void start_tag(std::size_t start) {
        ++at_;
        char quote = 0;
        while (at_ < bytes_.size()) {
            const char c = bytes_[at_];
            if (quote) {
                if (c == quote) quote = 0;
                if (c == '&') {
                    reference();
                    continue;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                const bool empty = bytes_[at_ - 1] == '/';
                ++at_;
                if (!empty && ++depth_ > max_depth_)
                    throw ReadError(start,
                                    "elements are nested more than " + std::to_string(max_depth_) +
                                        " deep here; no XLIFF medloc writes comes near that",
                                    "export the file again (or raise the limit with --max-depth if the "
                                    "nesting is real)");
                return;
            }
            character();
        }
    }

    // <!DOCTYPE tmx SYSTEM "tmx14.dtd">: a name for the DTD, never read, and
    // no internal subset ([...]) that could define entities.
    void external_doctype(std::size_t start) {
        char quote = 0;
        for (; at_ < bytes_.size(); ++at_) {
            const char c = bytes_[at_];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                throw ReadError(start,
                                "the document type declaration has an internal subset ([...]); medloc reads no "
                                "DTD, since its entities could change the text",
                                "remove the [...] part of the <!DOCTYPE> declaration");
            } else if (c == '>') {
                ++at_;
                return;
            }
        }
        throw ReadError(start, "the document type declaration never ends", kRepair);
    }

    // &lt; &gt; &amp; &quot; &apos; and references to characters XML allows.
    void reference() {
        const std::size_t start = at_;
        const std::size_t end = bytes_.find_first_of(";<&\"' \t\r\n", at_ + 1);
        if (end == std::string_view::npos || bytes_[end] != ';')
            throw ReadError(start, "a bare \"&\" that starts no reference", "write it as &amp;");
        const std::string_view name = bytes_.substr(start + 1, end - start - 1);
        at_ = end + 1;
        if (name.starts_with('#')) return character_reference(start, name.substr(1));
        if (name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos") return;
        throw ReadError(start,
                        "the entity &" + std::string(name) +
                            "; is not defined: medloc reads no DTD, so it would stay in the text as written",
                        "write the character itself (or &amp;" + std::string(name) + "; if the text means it)");
    }

    void character_reference(std::size_t start, std::string_view digits) {
        const bool hex = digits.starts_with('x');
        if (hex) digits.remove_prefix(1);
        std::uint32_t value = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size())
            throw ReadError(
                start,
                "the character reference &#" + std::string(hex ? "x" : "") + std::string(digits) + "; is not a number",
                kRepair);
        if (!is_xml_char(value))
            throw ReadError(start,
                            "the character reference &#" + std::string(hex ? "x" : "") + std::string(digits) +
                                "; stands for " + code_point_name(value) +
                                ", which XML does not allow (it would cut or corrupt the text)",
                            "remove it from the target, or export again");
    }

    std::string_view bytes_;
    std::size_t max_depth_;
    Doctype doctype_;
    std::size_t at_ = 0;
    std::size_t depth_ = 0;
};

}  // namespace

bool is_xml_char(std::uint32_t c) {
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    if (c == 0xFFFE || c == 0xFFFF) return false;
    return c <= 0x10FFFF;
}

void check_xml_policy(std::string_view bytes, std::size_t max_depth, Doctype doctype) {
    PolicyScan(bytes, max_depth, doctype).run();
}

void load_checked_xml(pugi::xml_document& document, std::string_view bytes, std::size_t max_depth, Doctype doctype,
                      const char* todo) {
    check_xml_policy(bytes, max_depth, doctype);
    const pugi::xml_parse_result parsed = document.load_buffer(
        bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!parsed)
        throw ReadError(static_cast<std::size_t>(parsed.offset), std::string("malformed XML: ") + parsed.description(),
                        todo);
}

std::size_t offset_of(pugi::xml_node node) {
    const std::ptrdiff_t offset = node.offset_debug();
    return offset < 1 ? 0 : static_cast<std::size_t>(offset - 1);
}

}  // namespace medloc::xliff
