// files.cpp - whole-file reads and replacing writes.
#include "io/files.h"

#include "io/errors.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace medloc::pipeline {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string(), "cannot be read", "check that the file exists and is readable");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

void DiskWriter::write(const fs::path& path, std::string_view bytes) {
    std::error_code error;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), error);
    if (error) throw InputError(path.parent_path().string(), "cannot create the folder: " + error.message());
    fs::path temporary = path;
    temporary += ".tmp-" + std::to_string(getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            fs::remove(temporary, error);
            throw InputError(temporary.string(), "cannot be written", "check the free space and permissions");
        }
    }
    fs::rename(temporary, path, error);
    if (error) {
        fs::remove(temporary, error);
        throw InputError(path.string(), "cannot be replaced: " + error.message(), "check the permissions");
    }
}

}  // namespace medloc::pipeline
