// bundle_folder.cpp - write beside, swap into place.
#include "bundle/bundle_folder.h"

#include "io/errors.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace medloc::pipeline {
namespace {

namespace fs = std::filesystem;

void remove_abandoned(const fs::path& root, const std::string& locale) {
    std::error_code error;
    const std::string prefix = "." + locale + ".building-";
    for (const auto& entry : fs::directory_iterator(root, error))
        if (entry.path().filename().string().starts_with(prefix)) fs::remove_all(entry.path(), error);
}

void make_folder(const fs::path& folder, const char* todo) {
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw InputError(folder.string(), "cannot create the folder: " + error.message(), todo);
}

}  // namespace

BundleFolder::BundleFolder(const fs::path& root, const std::string& locale, FileWriter& writer)
    : building_(root / ("." + locale + ".building-" + std::to_string(getpid()))),
      bundle_(root / locale),
      writer_(writer) {
    make_folder(root, "check the path");
    remove_abandoned(root, locale);
    make_folder(building_, "check the permissions");
}

BundleFolder::~BundleFolder() {
    std::error_code ignored;
    if (!swapped_) fs::remove_all(building_, ignored);
}

void BundleFolder::write(const std::string& name, std::string_view bytes) { writer_.write(building_ / name, bytes); }

fs::path BundleFolder::swap_into_place() {
    std::error_code error;
    if (!fs::exists(bundle_, error)) {
        fs::rename(building_, bundle_, error);
        if (error)
            throw EnvironmentError(bundle_.string(), "cannot be written (" + error.message() + ")",
                                   "check the permissions");
    } else {
        if (renameat2(AT_FDCWD, building_.c_str(), AT_FDCWD, bundle_.c_str(), RENAME_EXCHANGE) != 0)
            throw EnvironmentError(bundle_.string(), "cannot be replaced (" + std::string(std::strerror(errno)) + ")",
                                   "check the permissions and that it is a folder");
        fs::remove_all(building_, error);  // the previous bundle, now in the building place
    }
    swapped_ = true;
    return bundle_;
}

}  // namespace medloc::pipeline
