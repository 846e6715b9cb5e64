// files: reading the files medloc is given, and writing the files it makes
// through a FileWriter, so that tests can fake a disk that fails or a
// process that dies half way (see commands/seams/).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace medloc::pipeline {

// How much medloc reads of one input file before it looks at it, and how
// deep its elements may nest (see README, "Limits"): a hostile file is
// refused in milliseconds instead of parsed for minutes.
struct InputLimits {
    // A source document; an XLIFF file holds it two or three times over.
    static constexpr std::uintmax_t kDocumentBytes = 8u << 20;
    static constexpr std::uintmax_t kXliffBytes = 64u << 20;

    std::uintmax_t max_bytes = kDocumentBytes;
    std::size_t max_depth = 256;
    // The highest --max-depth accepted: what medloc's readers can follow
    // without running out of stack.
    static constexpr std::size_t kDeepest = 1000;
};

// The whole file. Throws InputError naming it when it is not a readable
// regular file (a folder, missing, a symbolic link loop) or is larger than
// `max_bytes`.
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes = static_cast<std::uintmax_t>(-1));

// A file written a piece at a time, for what is too large to hold whole:
// the pieces go to a file beside it, which commit() renames into place, so
// that a reader never sees half a file. One never committed is removed.
// Throws EnvironmentError.
class FileStream {
public:
    virtual ~FileStream() = default;
    virtual void append(std::string_view bytes) = 0;
    virtual void commit() = 0;
};

class FileWriter {
public:
    virtual ~FileWriter() = default;
    // A file to write a piece at a time at `path`. Creates the folders it
    // needs. Throws InputError.
    virtual std::unique_ptr<FileStream> open(const std::filesystem::path& path) = 0;
    // Writes `bytes` beside `path` and renames it into place, so that a
    // reader never sees half a file: open, append, commit.
    void write(const std::filesystem::path& path, std::string_view bytes);
};

class DiskWriter final : public FileWriter {
public:
    std::unique_ptr<FileStream> open(const std::filesystem::path& path) override;
};

// Disk space for what a step sets aside and reads back later in the same
// run: an unnamed temporary file (in TMPDIR), made at the first write and
// gone when closed or when the process ends, however it ends. Throws
// EnvironmentError when the disk fails or is full.
class ScratchFile {
public:
    struct Place {
        std::uint64_t offset = 0;
        std::uint64_t size = 0;
    };

    ScratchFile() = default;
    ~ScratchFile();
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    Place append(std::string_view bytes);
    std::string read(Place place);

private:
    std::FILE* file_ = nullptr;
    std::uint64_t end_ = 0;
};

}  // namespace medloc::pipeline
