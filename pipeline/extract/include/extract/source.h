// source: what medloc checks of a source file before a filter reads it.
#pragma once

#include "extract/filter.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace medloc::pipeline {

// The format a file name says, if medloc reads it.
std::optional<Format> format_of(const std::filesystem::path& path);

// Why `id` cannot be a document id, or "": an id is a relative path with
// '/' separators that stays inside the folder it names (it is also where a
// bundle holds the document), without "." or ".." parts or control
// characters.
std::string document_id_problem(const std::string& id);

// Throws InputError (naming `file` and the line and column) unless `bytes`
// is text: UTF-8, without NUL or other control characters but tab, CR, LF.
void check_text(const std::string& file, std::string_view bytes);

// Throws InputError when the document nests deeper than `max_depth`, as a
// quick scan before parsing sees it: HTML elements that have end tags,
// Markdown block quotes and list items at the start of a line. A page of
// 100,000 nested <div> is refused here in milliseconds; a parser would take
// minutes and a tree walk would run out of stack.
void check_nesting(const std::string& file, std::string_view bytes, Format format, std::size_t max_depth);

}  // namespace medloc::pipeline
