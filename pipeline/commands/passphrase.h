// passphrase: where a command gets a person's passphrase: the first line of
// a file (--password-file, MEDLOC_PASSWORD_FILE; for scripts and tests), or
// the terminal, typed without echo. Never an argument: those show in ps.
#pragma once

#include <string>

namespace medloc::pipeline {

// Throws UsageError when there is neither a file nor a terminal, InputError
// when the file cannot be read.
std::string read_passphrase(const std::string& file, const std::string& prompt);

// A new passphrase: from `file`, or typed twice on the terminal.
std::string read_new_passphrase(const std::string& file, const std::string& whose);

}  // namespace medloc::pipeline
