#include "support.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

extern char** environ;

namespace medloc::test {

TempDir::TempDir() {
    std::random_device random;
    for (int attempt = 0; attempt < 100; ++attempt) {
        path_ = fs::temp_directory_path() / ("medloc-test-" + std::to_string(random()));
        if (fs::create_directory(path_)) return;
    }
    throw std::runtime_error("cannot make a temporary folder");
}

TempDir::~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

Result run(const std::vector<std::string>& argv, const fs::path& cwd) {
    TempDir capture;
    const fs::path out = capture / "out", err = capture / "err";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw std::runtime_error("cannot run " + argv[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    Result result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_file(out);
    result.err = read_file(err);
    return result;
}

Result run_medloc(const fs::path& db, const std::vector<std::string>& args, const fs::path& cwd) {
    std::vector<std::string> argv = {MEDLOC_BINARY, "--db", db.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    // A test person acting signs in from their passphrase file.
    const auto as = std::find(args.begin(), args.end(), "--as");
    if (as != args.end() && as + 1 != args.end() &&
        std::find(args.begin(), args.end(), "--password-file") == args.end())
        argv.insert(argv.end(), {"--password-file", passphrase_file(db, *(as + 1)).string()});
    return run(argv, cwd);
}

bool succeeds(const fs::path& db, const std::vector<std::string>& args) {
    const Result result = run_medloc(db, args);
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    return result.exit_code == 0;
}

fs::path passphrase_file(const fs::path& db, const std::string& person) {
    const fs::path file = db.parent_path() / (person + ".passphrase");
    if (!fs::exists(file)) write_file(file, "the passphrase of " + person + "\n");
    return file;
}

std::map<std::string, std::string> snapshot(const fs::path& folder) {
    std::map<std::string, std::string> files;
    if (!fs::exists(folder)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        files[entry.path().lexically_relative(folder).string()] =
            entry.is_regular_file() ? read_file(entry.path()) : "/";
    return files;
}

fs::path corpus_dir() { return MEDLOC_CORPUS; }
fs::path translations_dir() { return MEDLOC_TRANSLATIONS; }
fs::path shared_dir() { return MEDLOC_SHARED; }

std::vector<fs::path> corpus_documents() {
    std::vector<fs::path> documents;
    for (const auto& entry : fs::directory_iterator(corpus_dir())) documents.push_back(entry.path());
    std::sort(documents.begin(), documents.end());
    return documents;
}

fs::path new_project(const TempDir& dir, const std::string& targets, const std::string& source) {
    const fs::path db = dir / "medloc.db";
    const Result init = run_medloc(db, {"init", "--source", source, "--targets", targets, "--owner", "pat", "--name",
                                        "Pat Publisher", "--new-password-file", passphrase_file(db, "pat").string()});
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    for (const TestPerson& person : kTestPeople) {
        const Result added =
            run_medloc(db, {"people", "add", person.id, "--name", person.name, "--roles", person.roles,
                            "--new-password-file", passphrase_file(db, person.id).string(), "--as", "pat"});
        INFO(added.err);
        REQUIRE(added.exit_code == 0);
    }
    return db;
}

void check_refused(const fs::path& db, const std::vector<std::string>& args, const std::string& names,
                   const std::string& says, int exit_code) {
    const std::string before = read_file(db);
    const Result result = run_medloc(db, args);
    INFO(result.err);
    CHECK(result.exit_code == exit_code);
    CHECK(result.err.find(names) != std::string::npos);
    CHECK(result.err.find(says) != std::string::npos);
    CHECK(read_file(db) == before);
    for (const char* beside : {"-journal", "-wal", "-writer"}) CHECK_FALSE(fs::exists(db.string() + beside));
}

fs::path shared_script(const std::string& name) { return shared_dir() / "scripts" / name; }

}  // namespace medloc::test
