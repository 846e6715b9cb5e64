// exported.h - the fixture of the import tests: a project holding one
// corpus article and its XLIFF 1.2 export for es-US, changed the way a tool
// or a person would change it before sending it back.
#pragma once

#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace medloc::test {

// A project holding the concussion article (bold, links, an e-mail code)
// and the XLIFF 1.2 export of it for es-US.
struct Exported {
    TempDir dir;
    fs::path db;
    fs::path document;
    fs::path xliff;
    std::string text;

    explicit Exported(const std::string& name = "concussion-return-to-play.md")
        : db(new_project(dir)), document(dir / "docs" / name) {
        write_file(document, read_file(corpus_dir() / name));
        REQUIRE(run_medloc(db, {"extract", (dir / "docs").string(), "--as", "pat"}).exit_code == 0);
        REQUIRE(run_medloc(db, {"export", "--locale", "es-US", "--out", (dir / "out").string()}).exit_code == 0);
        xliff = dir / "out" / "es-US" / (name + ".xlf");
        text = read_file(xliff);
    }

    // Writes the export with `from` (its first occurrence after `after`)
    // replaced; returns "FILE:LINE:" for the line where `from` was.
    std::string write_changed(const std::string& from, const std::string& to, const std::string& after = {}) {
        const std::size_t at = text.find(from, text.find(after));
        REQUIRE(at != std::string::npos);
        std::string changed = text;
        changed.replace(at, from.size(), to);
        const fs::path path = dir / "returned.xlf";
        write_file(path, changed);
        return path.string() + ":" +
               std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + ":";
    }

    // "FILE:LINE:" of the unit that holds `needle`, where unit errors point.
    std::string unit_with(const std::string& needle) const {
        const std::size_t unit = text.rfind("<trans-unit", text.find(needle));
        return (dir / "returned.xlf").string() + ":" +
               std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<long>(unit), '\n')) + ":";
    }

    // The export returned with `from` changed to `to` is refused, naming the
    // line of the change and saying `says`, with nothing changed.
    void refuses_change(const std::string& from, const std::string& to, const std::string& says) {
        check_refused(db, import(), write_changed(from, to), says);
    }

    std::vector<std::string> import() const {
        return {"import", (dir / "returned.xlf").string(), "--as", "ana", "--role", "translator"};
    }

    // The same, Ana confirming the source copies the file marks translated.
    std::vector<std::string> import_confirming() const {
        std::vector<std::string> args = import();
        args.push_back("--confirm-source-copies");
        return args;
    }
};

}  // namespace medloc::test
