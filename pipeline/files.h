// files: reading and writing the files medloc is given and makes.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace medloc::pipeline {

// The whole file. Throws InputError naming it when it cannot be read.
std::string read_file(const std::filesystem::path& path);

// Writes `bytes` beside `path` and renames it into place, so that a reader
// never sees half a file. Creates the folders it needs. Throws InputError.
void write_file_replacing(const std::filesystem::path& path, std::string_view bytes);

}  // namespace medloc::pipeline
