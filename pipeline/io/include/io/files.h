// files: reading the files medloc is given, and writing the files it makes
// through a FileWriter, so that tests can fake a disk that fails or a
// process that dies half way (see commands/seams/).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace medloc::pipeline {

// The whole file. Throws InputError naming it when it cannot be read.
std::string read_file(const std::filesystem::path& path);

class FileWriter {
public:
    virtual ~FileWriter() = default;
    // Writes `bytes` beside `path` and renames it into place, so that a
    // reader never sees half a file. Creates the folders it needs. Throws
    // InputError.
    virtual void write(const std::filesystem::path& path, std::string_view bytes) = 0;
};

class DiskWriter final : public FileWriter {
public:
    void write(const std::filesystem::path& path, std::string_view bytes) override;
};

}  // namespace medloc::pipeline
