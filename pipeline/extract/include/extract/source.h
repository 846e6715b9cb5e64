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

}  // namespace medloc::pipeline
