// source.cpp - file formats by name, and the text check.
#include "extract/source.h"

#include "io/errors.h"
#include "locales/locales.h"
#include "reviews/hash.h"

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
