// Files written in place: whole, or a piece at a time for what is too large
// to hold (tm export), never seen half written.
#include "io/files.h"
#include "io/errors.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace medloc::pipeline;

namespace {

// A folder of its own, removed afterwards.
struct Folder {
    fs::path path = fs::temp_directory_path() /
                    ("medloc-unit-files-" + std::to_string(getpid()) + "-" + std::to_string(std::random_device{}()));
    Folder() { fs::create_directories(path); }
    ~Folder() {
        std::error_code error;
        fs::remove_all(path, error);
    }
    std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {})); }
};

std::string contents(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("a file written a piece at a time replaces the old one only when committed", "[files]") {
    Folder folder;
    const fs::path path = folder.path / "memory.tmx";
    DiskWriter disk;
    disk.write(path, "old");
    std::unique_ptr<FileStream> file = disk.open(path);
    file->append("<tmx>");
    std::string units;
    for (int unit = 0; unit < 1000; ++unit) {
        file->append("<tu/>");
        units += "<tu/>";
    }
    // Until it is committed a reader sees the old file whole.
    CHECK(contents(path) == "old");
    CHECK(folder.entries() == 2);

    SECTION("committed, it is in place whole and nothing is left beside it") {
        file->append("</tmx>");
        file->commit();
        CHECK(contents(path) == "<tmx>" + units + "</tmx>");
        CHECK(folder.entries() == 1);
    }
    SECTION("never committed (an error on the way), the old file stays and nothing is left beside it") {
        file.reset();
        CHECK(contents(path) == "old");
        CHECK(folder.entries() == 1);
    }
}

TEST_CASE("a file is written where its folders are made, and a file in the way is named", "[files]") {
    Folder folder;
    DiskWriter disk;
    disk.write(folder.path / "a" / "b" / "c.txt", "deep");
    CHECK(contents(folder.path / "a" / "b" / "c.txt") == "deep");
    const fs::path file = folder.path / "a" / "b" / "c.txt";
    try {
        disk.open(file / "under-a-file.txt");
        FAIL("a file under a file was opened");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find(file.string()) != std::string::npos);
    }
}
