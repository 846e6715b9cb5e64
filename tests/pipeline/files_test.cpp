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

    const std::unique_ptr<FileStream> file = disk.open(path);
    file->append("<tmx>");
    for (int unit = 0; unit < 1000; ++unit) file->append("<tu/>");
    // Until it is committed a reader sees the old file whole.
    CHECK(contents(path) == "old");
    file->append("</tmx>");
    file->commit();
    std::string units;
    for (int unit = 0; unit < 1000; ++unit) units += "<tu/>";
    CHECK(contents(path) == "<tmx>" + units + "</tmx>");
    CHECK(folder.entries() == 1);  // nothing left beside it
}

TEST_CASE("a file never committed leaves the old one and nothing beside it", "[files]") {
    Folder folder;
    const fs::path path = folder.path / "memory.tmx";
    DiskWriter disk;
    disk.write(path, "old");
    {
        const std::unique_ptr<FileStream> file = disk.open(path);
        file->append("half of a memory");
        CHECK(folder.entries() == 2);
    }  // an error on the way: never committed
    CHECK(contents(path) == "old");
    CHECK(folder.entries() == 1);

    // The folders it needs are made; a file where a folder should be is named.
    disk.write(folder.path / "a" / "b" / "c.txt", "deep");
    CHECK(contents(folder.path / "a" / "b" / "c.txt") == "deep");
    try {
        disk.open(path / "under-a-file.txt");
        FAIL("a file under a file was opened");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find(path.string()) != std::string::npos);
    }
}
