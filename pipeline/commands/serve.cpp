// serve.cpp - `medloc serve`, the review workspace, and `medloc packet`,
// the printable review packet of one document (server/).
#include "app/document_view.h"
#include "app/project.h"
#include "commands.h"
#include "io/errors.h"
#include "server/packet.h"
#include "server/workspace.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace medloc::pipeline {
namespace {

// Prints `html` to `pdf` with Debian's headless Chromium, with a profile of
// its own that is removed after.
void print_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf) {
    const char* const browsers[] = {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"};
    const char* browser = nullptr;
    for (const char* candidate : browsers)
        if (access(candidate, X_OK) == 0) browser = candidate;
    if (!browser)
        throw EnvironmentError(pdf.string(), "cannot be printed: no Chromium on this machine",
                               "install Debian's chromium (apt-get install chromium), or print the HTML file");
    std::string profile_template = (std::filesystem::temp_directory_path() / "medloc-pdf-XXXXXX").string();
    if (!mkdtemp(profile_template.data()))
        throw EnvironmentError(profile_template, "cannot be created", "check the temporary folder");
    const std::string profile = "--user-data-dir=" + profile_template;
    const std::string out = "--print-to-pdf=" + std::filesystem::absolute(pdf).string();
    const std::string page = "file://" + std::filesystem::absolute(html).string();
    std::vector<const char*> argv = {browser,
                                     "--headless",
                                     "--disable-gpu",
                                     "--disable-quic",
                                     "--no-first-run",
                                     "--disable-background-networking",
                                     "--disable-component-update",
                                     "--disable-sync",
                                     "--no-pdf-header-footer",
                                     profile.c_str(),
                                     out.c_str()};
    if (geteuid() == 0) argv.push_back("--no-sandbox");  // Chromium refuses root without it
    argv.push_back(page.c_str());
    argv.push_back(nullptr);
    const pid_t child = fork();
    if (child == 0) {
        // Chromium's own chatter (D-Bus, GPU) is no message for the person.
        const int quiet = open("/dev/null", O_WRONLY);
        dup2(quiet, STDOUT_FILENO);
        dup2(quiet, STDERR_FILENO);
        execv(browser, const_cast<char* const*>(argv.data()));
        _exit(127);
    }
    int status = 0;
    if (child > 0) waitpid(child, &status, 0);
    std::error_code ignored;
    std::filesystem::remove_all(profile_template, ignored);
    if (child < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(pdf))
        throw EnvironmentError(pdf.string(), std::string("was not printed: ") + browser + " failed",
                               "print the HTML file from a browser instead");
}

}  // namespace

int run_serve(const Context& context, const ServeOptions& options) {
    server::serve(context.db_path, {options.bind, options.port}, context.services, context.out);
    return 0;
}

int run_packet(const Context& context, const PacketOptions& options) {
    const auto store = open_project(context);
    const std::string html = server::review_packet(*store, options.document, options.locale,
                                                   context.services.clock.today(), context.services.clock.now());
    context.services.files.write(options.out, html);
    context.out << "review packet of " << options.document << " written to " << options.out << "\n";
    if (!options.pdf.empty()) {
        print_pdf(options.out, options.pdf);
        context.out << "printed to " << options.pdf << "\n";
    }
    return 0;
}

}  // namespace medloc::pipeline
