// passphrase.cpp - passphrases from a file or a terminal without echo.
#include "passphrase.h"

#include "io/errors.h"
#include "io/files.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace medloc::pipeline {
namespace {

std::string first_line(const std::string& file) {
    std::string text = read_file(file);
    const std::size_t end = text.find_first_of("\r\n");
    if (end != std::string::npos) text.resize(end);
    return text;
}

// Echo off for as long as it lives, back on after.
class NoEcho {
public:
    NoEcho() {
        if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~NoEcho() {
        if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

std::string typed(const std::string& prompt) {
    std::cerr << prompt << std::flush;
    std::string line;
    {
        const NoEcho quiet;
        std::getline(std::cin, line);
    }
    std::cerr << "\n";
    return line;
}

}  // namespace

std::string read_passphrase(const std::string& file, const std::string& prompt) {
    if (!file.empty()) return first_line(file);
    if (!isatty(STDIN_FILENO))
        throw UsageError("no passphrase: give --password-file FILE (or MEDLOC_PASSWORD_FILE), or run on a terminal");
    return typed(prompt);
}

std::string read_new_passphrase(const std::string& file, const std::string& whose) {
    if (!file.empty()) return first_line(file);
    if (!isatty(STDIN_FILENO))
        throw UsageError("no new passphrase: give --new-password-file FILE, or run on a terminal");
    const std::string passphrase = typed("New passphrase for " + whose + ": ");
    if (typed("Again: ") != passphrase) throw UsageError("the two passphrases differ; nothing was changed");
    return passphrase;
}

}  // namespace medloc::pipeline
