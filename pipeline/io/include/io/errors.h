// errors: the two kinds of failure the pipeline reports to people, each
// turned into one message at the edge (main.cpp):
//   FILE:LINE:COLUMN: what is wrong; what to do
// UsageError exits 1, InputError exits 2, Refused exits 3, EnvironmentError
// exits 4 (DESIGN.md, "Exit codes").
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace medloc::pipeline {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class InputError : public std::runtime_error {
public:
    InputError(std::string file, std::string what, std::string todo = {}, std::size_t line = 0, std::size_t column = 0)
        : std::runtime_error(format(file, what, todo, line, column)) {}

private:
    static std::string format(const std::string& file, const std::string& what, const std::string& todo,
                              std::size_t line, std::size_t column) {
        std::string message = file;
        if (line > 0) message += ":" + std::to_string(line) + ":" + std::to_string(column);
        message += ": " + what;
        if (!todo.empty()) message += "; " + todo;
        return message;
    }
};

// The machine failed medloc: a write that did not reach the disk, a full
// disk. Names the file and the cause. Exits 4.
class EnvironmentError : public std::runtime_error {
public:
    EnvironmentError(const std::string& file, const std::string& what, const std::string& todo)
        : std::runtime_error(file + ": " + what + "; " + todo) {}
};

// A sign-in failed (an unknown or disabled person, a wrong passphrase):
// nothing was changed but the record of the failed attempt. Exits 3.
class SignInRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A gate said no (four eyes, a state not reached, an expired review): the
// message lists every blocker, one per line. Nothing was changed.
class Refused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace medloc::pipeline
