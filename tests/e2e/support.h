// support: what the tests share. Temporary folders, the corpus, and running
// the real medloc binary the way a user or script does.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace medloc::test {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

struct Result {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `medloc --db DB ARGS...` in `cwd` and waits for it. With "--as ID"
// and no "--password-file", ID signs in from passphrase_file(db, ID).
Result run_medloc(const fs::path& db, const std::vector<std::string>& args, const fs::path& cwd = fs::current_path());
// Runs medloc and checks that it succeeded, showing its output when not.
bool succeeds(const fs::path& db, const std::vector<std::string>& args);
// Runs any program (argv[0] found on PATH) and waits for it.
Result run(const std::vector<std::string>& argv, const fs::path& cwd = fs::current_path());

std::string read_file(const fs::path& path);
// Every file and folder under `folder` by relative path, a file with its
// bytes ("/" for a folder); empty when `folder` is not there.
std::map<std::string, std::string> snapshot(const fs::path& folder);
void write_file(const fs::path& path, const std::string& bytes);

fs::path corpus_dir();        // tests/corpus: the sample articles
fs::path translations_dir();  // tests/translations: reference translations, TMX
fs::path shared_dir();        // ../shared
std::vector<fs::path> corpus_documents();

// The file beside `db` that holds `person`'s passphrase (made on first use).
fs::path passphrase_file(const fs::path& db, const std::string& person);

// The people of every test project besides its owner, pat (publisher).
struct TestPerson {
    const char* id;
    const char* name;
    const char* roles;
};
inline constexpr TestPerson kTestPeople[] = {
    {"ana", "Ana Ruiz", "translator"},
    {"ben", "Ben Ode", "reviser"},
    {"carla", "Dr. Carla Chen", "clinical"},
    {"eve", "Eve Ng", "translator"},
    {"dan", "Dan Alder", "translator,reviser,clinical"},
    {"fay", "Fay Lind", "reviser,clinical"},
};

// A project initialised in `dir` as medloc.db, owned by pat, with the test
// people registered.
fs::path new_project(const TempDir& dir, const std::string& targets = "es-US,ar,ja,zh-Hans",
                     const std::string& source = "en-US");

// Runs medloc and checks that it refused as DESIGN.md says bad input (or,
// with exit code 3, a gate) refuses: exit code 2, stderr naming `names` and saying `says`, and the
// database file byte for byte as it was.
void check_refused(const fs::path& db, const std::vector<std::string>& args, const std::string& names,
                   const std::string& says, int exit_code = 2);

// A script of ../shared/scripts.
fs::path shared_script(const std::string& name);

}  // namespace medloc::test
