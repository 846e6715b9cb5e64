// bundle_folder: a bundle written whole or not at all.
//
// The files of DIR/LOCALE are written into DIR/.LOCALE.building-PID and
// swapped with DIR/LOCALE by one rename (renameat2 RENAME_EXCHANGE), so that
// a reader, or a build that dies half way, never sees half a bundle: the
// previous one stays whole until the new one is complete. Folders left by
// builds that died are never bundles and are removed by the next build.
#pragma once

#include "io/files.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace medloc::pipeline {

class BundleFolder {
public:
    // Makes DIR and the building folder. Throws InputError.
    BundleFolder(const std::filesystem::path& root, const std::string& locale, FileWriter& writer);
    // Removes the building folder unless it was swapped in.
    ~BundleFolder();
    BundleFolder(const BundleFolder&) = delete;
    BundleFolder& operator=(const BundleFolder&) = delete;

    // `name` is a path relative to the bundle.
    void write(const std::string& name, std::string_view bytes);
    // Swaps the new bundle into place; returns its path. Throws InputError.
    std::filesystem::path swap_into_place();

private:
    std::filesystem::path building_;
    std::filesystem::path bundle_;
    FileWriter& writer_;
    bool swapped_ = false;
};

}  // namespace medloc::pipeline
