// files.cpp - whole-file reads and replacing writes.
#include "io/files.h"

#include "io/errors.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace medloc::pipeline {

namespace fs = std::filesystem;

namespace {

std::string mebibytes(std::uintmax_t bytes) {
    const std::uintmax_t tenths = (bytes * 10 + (1u << 19)) >> 20;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MiB";
}

}  // namespace

std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error)
        throw InputError(path.string(), "cannot be read: " + error.message(),
                         "check that the file exists and is readable");
    if (fs::is_directory(status))
        throw InputError(path.string(), "is a folder, not a file", "name the files in it (e.g. FOLDER/*.xlf)");
    if (!fs::is_regular_file(status)) throw InputError(path.string(), "is not a regular file", "name a file");
    const std::uintmax_t size = fs::file_size(path, error);
    if (!error && size > max_bytes)
        throw InputError(
            path.string(),
            "is " + mebibytes(size) + ", more than the " + mebibytes(max_bytes) + " medloc reads of one file",
            "split the document, or raise the limit with --max-size MIB if it is really this large");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string(), "cannot be read", "check that the file exists and is readable");
    // Read straight into one string of the size the file has: a stream of
    // it and its copy held a large file twice over.
    std::string bytes;
    if (!error) bytes.reserve(static_cast<std::size_t>(size));
    char piece[1 << 16];
    while (in.read(piece, sizeof piece) || in.gcount() > 0) {
        bytes.append(piece, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_bytes)
            throw InputError(path.string(), "grew past the " + mebibytes(max_bytes) + " medloc reads of one file",
                             "read it again once it is written whole");
    }
    if (in.bad()) throw InputError(path.string(), "cannot be read", "check that the file exists and is readable");
    return bytes;
}

namespace {

class DiskStream final : public FileStream {
public:
    explicit DiskStream(const fs::path& path) : path_(path), temporary_(path) {
        std::error_code error;
        if (path.has_parent_path()) fs::create_directories(path.parent_path(), error);
        if (error) throw InputError(path.parent_path().string(), "cannot create the folder: " + error.message());
        temporary_ += ".tmp-" + std::to_string(getpid());
        file_ = std::fopen(temporary_.c_str(), "wb");
        if (!file_) failed(errno);
    }
    ~DiskStream() override {
        if (file_) std::fclose(file_);
        std::error_code error;
        if (!committed_) fs::remove(temporary_, error);
    }
    DiskStream(const DiskStream&) = delete;
    DiskStream& operator=(const DiskStream&) = delete;

    void append(std::string_view bytes) override {
        if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) failed(errno);
    }

    void commit() override {
        const bool closed = std::fclose(file_) == 0;
        file_ = nullptr;
        if (!closed) failed(errno);
        std::error_code error;
        fs::rename(temporary_, path_, error);
        if (error)
            throw EnvironmentError(path_.string(), "cannot be replaced (" + error.message() + ")",
                                   "check the permissions of the file and its folder");
        committed_ = true;
    }

private:
    [[noreturn]] void failed(int cause) const {
        throw EnvironmentError(temporary_.string(), std::string("cannot be written (") + std::strerror(cause) + ")",
                               "check the free space and the permissions of the folder");
    }

    fs::path path_;
    fs::path temporary_;
    std::FILE* file_ = nullptr;
    bool committed_ = false;
};

}  // namespace

void FileWriter::write(const fs::path& path, std::string_view bytes) {
    const std::unique_ptr<FileStream> file = open(path);
    file->append(bytes);
    file->commit();
}

std::unique_ptr<FileStream> DiskWriter::open(const fs::path& path) { return std::make_unique<DiskStream>(path); }

ScratchFile::~ScratchFile() {
    if (file_) std::fclose(file_);
}

namespace {

fs::path scratch_folder() {
    std::error_code error;
    fs::path folder = fs::temp_directory_path(error);
    return error ? fs::path(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") : folder;
}

// `cause`: the errno of the failure, 0 for a file shorter than written.
[[noreturn]] void scratch_failed(const char* what, int cause) {
    throw EnvironmentError("a temporary file in " + scratch_folder().string(),
                           std::string(what) + " (" + (cause ? std::strerror(cause) : "it ended early") + ")",
                           "free some space there, or set TMPDIR to a folder with room");
}

// A new file in the temporary folder, unlinked at once: it has no name for
// anyone else to open, and goes when it is closed, however medloc ends.
std::FILE* unnamed_file() {
    std::string path = (scratch_folder() / "medloc-scratch-XXXXXX").string();
    const int descriptor = mkstemp(path.data());
    if (descriptor < 0) return nullptr;
    unlink(path.c_str());
    std::FILE* file = fdopen(descriptor, "w+b");
    if (!file) close(descriptor);
    return file;
}

}  // namespace

ScratchFile::Place ScratchFile::append(std::string_view bytes) {
    if (!file_ && !(file_ = unnamed_file())) scratch_failed("cannot be made", errno);
    const Place place{end_, bytes.size()};
    if (fseeko(file_, static_cast<off_t>(end_), SEEK_SET) != 0 ||
        std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
        scratch_failed("cannot be written", errno);
    end_ += bytes.size();
    return place;
}

std::string ScratchFile::read(Place place) {
    std::string bytes(place.size, '\0');
    if (!file_ || place.offset + place.size > end_ || fseeko(file_, static_cast<off_t>(place.offset), SEEK_SET) != 0 ||
        std::fread(bytes.data(), 1, bytes.size(), file_) != bytes.size())
        scratch_failed("cannot be read back", errno);
    return bytes;
}

}  // namespace medloc::pipeline
