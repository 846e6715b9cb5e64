// medloc serve over HTTP, as a browser meets it: sessions and their
// cookies, the form token (CSRF) of every form, the host it answers to, a
// stop on SIGTERM. (The pages themselves are tested in a real browser:
// tests/browser/.)
#include "support.h"

#include <httplib.h>
#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <chrono>
#include <regex>
#include <thread>

extern char** environ;

namespace {

using namespace medloc::test;

// `medloc serve --port 0` on a project, stopped with SIGTERM at the end.
class Server {
public:
    explicit Server(const fs::path& db) : log_(db.parent_path() / "serve.log") {
        const std::vector<std::string> argv = {MEDLOC_BINARY, "--db", db.string(), "serve", "--port", "0"};
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<char*> args;
        for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        REQUIRE(posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
        const std::regex address(R"(is at http://127\.0\.0\.1:(\d+)/)");
        for (int i = 0; i < 200 && port == 0; ++i) {
            std::smatch match;
            const std::string text = read_file(log_);
            if (std::regex_search(text, match, address)) port = std::stoi(match[1]);
            else std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        REQUIRE(port > 0);
    }
    ~Server() { stop(); }

    int stop() {
        if (pid_ <= 0) return exit_code_;
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = 0;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
    }

    httplib::Client client() const {
        httplib::Client client("127.0.0.1", port);
        client.set_follow_location(false);
        return client;
    }

    int port = 0;

private:
    fs::path log_;
    pid_t pid_ = 0;
    int exit_code_ = -1;
};

std::string cookie_of(const httplib::Result& result) {
    const std::string header = result->get_header_value("Set-Cookie");
    const auto end = header.find(';');
    return header.substr(0, end);
}

std::string form_token(const std::string& html) {
    std::smatch match;
    REQUIRE(std::regex_search(html, match, std::regex(R"re(name="csrf" value="([0-9a-f]{64})")re")));
    return match[1];
}

std::string passphrase_of(const fs::path& db, const std::string& person) {
    const std::string text = read_file(passphrase_file(db, person));
    return text.substr(0, text.find('\n'));
}

// Signs `person` in; the session's cookie and form token.
std::pair<std::string, std::string> sign_in(httplib::Client& client, const fs::path& db, const std::string& person) {
    const auto page = client.Get("/signin");
    REQUIRE(page->status == 200);
    const std::string visitor = cookie_of(page);
    const auto signed_in = client.Post(
        "/signin", {{"Cookie", visitor}},
        httplib::Params{
            {"csrf", form_token(page->body)}, {"person", person}, {"passphrase", passphrase_of(db, person)}});
    REQUIRE(signed_in->status == 303);
    const std::string cookie = cookie_of(signed_in);
    REQUIRE(cookie != visitor);
    const auto dashboard = client.Get("/", {{"Cookie", cookie}});
    REQUIRE(dashboard->status == 200);
    return {cookie, form_token(dashboard->body)};
}

// A project (es-US) whose AMPS article ana pseudo-translated and ben revised:
// every segment ready for a clinician.
fs::path revised_project(const TempDir& dir) {
    const fs::path db = new_project(dir, "es-US");
    REQUIRE(succeeds(db, {"extract", (corpus_dir() / "amps-children.txt").string(), "--as", "pat"}));
    REQUIRE(succeeds(db, {"export", "--locale", "es-US", "--pseudo", "--out", (dir / "x").string()}));
    REQUIRE(succeeds(db, {"import", (dir / "x" / "es-US" / "amps-children.txt.xlf").string(), "--role", "translator",
                          "--as", "ana"}));
    REQUIRE(succeeds(db, {"review", "revise", "--locale", "es-US", "--doc", "amps-children.txt", "--as", "ben"}));
    return db;
}

}  // namespace

TEST_CASE("without a session the workspace serves only the sign-in page and its style sheet and script", "[serve]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    Server server(db);
    auto client = server.client();
    for (const char* path : {"/", "/review?doc=a&locale=es-US", "/sign?act=approve", "/history?segment=x", "/nope"}) {
        const auto result = client.Get(path);
        INFO(path);
        REQUIRE(result->status == 303);
        REQUIRE(result->get_header_value("Location") == "/signin");
    }
    const auto post = client.Post("/sign", httplib::Params{{"act", "approve"}});
    REQUIRE(post->status == 403);
    REQUIRE(client.Get("/static/style.css")->status == 200);
    REQUIRE(client.Get("/static/app.js")->status == 200);
    const auto signin = client.Get("/signin");
    REQUIRE(signin->status == 200);
    REQUIRE(signin->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    REQUIRE(signin->get_header_value("X-Frame-Options") == "DENY");
    REQUIRE(server.stop() == 0);
}

TEST_CASE("the session cookie is HttpOnly and SameSite, sign-in gives a new one, and sign-out ends it", "[serve]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    Server server(db);
    auto client = server.client();
    const auto page = client.Get("/signin");
    const std::string header = page->get_header_value("Set-Cookie");
    REQUIRE(header.find("HttpOnly") != std::string::npos);
    REQUIRE(header.find("SameSite=Strict") != std::string::npos);
    const std::string visitor = cookie_of(page);
    // The visitor's cookie is not a session of anyone.
    REQUIRE(client.Get("/", {{"Cookie", visitor}})->status == 303);

    const auto [cookie, token] = sign_in(client, db, "carla");
    REQUIRE(client.Get("/", {{"Cookie", cookie}})->body.find("Dr. Carla Chen") != std::string::npos);
    // Signing out takes the form token too.
    REQUIRE(client.Post("/signout", {{"Cookie", cookie}}, httplib::Params{})->status == 403);
    REQUIRE(client.Get("/", {{"Cookie", cookie}})->status == 200);
    const auto out = client.Post("/signout", {{"Cookie", cookie}}, httplib::Params{{"csrf", token}});
    REQUIRE(out->status == 303);
    REQUIRE(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
    REQUIRE(client.Get("/", {{"Cookie", cookie}})->status == 303);
}

TEST_CASE("a sign-in or a signature posted without the session's form token is refused and changes nothing",
          "[serve][csrf]") {
    TempDir dir;
    const fs::path db = revised_project(dir);
    Server server(db);
    auto client = server.client();

    // Sign-in: a form token from no page, or another visitor's.
    const auto page = client.Get("/signin");
    const std::string passphrase = passphrase_of(db, "carla");
    const std::string another_visitors = form_token(client.Get("/signin")->body);
    for (const std::string& token : {std::string(), another_visitors}) {
        const auto refused =
            client.Post("/signin", {{"Cookie", cookie_of(page)}},
                        httplib::Params{{"csrf", token}, {"person", "carla"}, {"passphrase", passphrase}});
        REQUIRE(refused->status == 403);
        REQUIRE(refused->get_header_value("Set-Cookie").empty());
    }

    const auto [cookie, token] = sign_in(client, db, "carla");
    const std::string before = run_medloc(db, {"status", "--json"}).out;
    const std::string log = run_medloc(db, {"history", "--doc", "amps-children.txt", "--json"}).out;
    std::smatch match;
    const std::string review = client.Get("/review?doc=amps-children.txt&locale=es-US", {{"Cookie", cookie}})->body;
    REQUIRE(std::regex_search(review, match, std::regex(R"re(data-segment="([0-9a-f]+)" data-state="revised")re")));
    const std::string segment = match[1];
    for (const std::string& csrf : {std::string(), std::string(64, 'a'), token + "0"}) {
        httplib::Params form{{"act", "approve"},   {"locale", "es-US"},   {"doc", "amps-children.txt"},
                             {"segment", segment}, {"shown", "anything"}, {"passphrase", passphrase}};
        if (!csrf.empty()) form.emplace("csrf", csrf);
        const auto result = client.Post("/sign", {{"Cookie", cookie}}, form);
        REQUIRE(result->status == 403);
        REQUIRE(result->body.find("form token is missing or wrong") != std::string::npos);
    }
    REQUIRE(run_medloc(db, {"status", "--json"}).out == before);
    REQUIRE(run_medloc(db, {"history", "--doc", "amps-children.txt", "--json"}).out == log);
}

TEST_CASE("the workspace answers only to its own address, and says where it is", "[serve]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    Server server(db);
    auto client = server.client();
    const auto rebound = client.Get("/signin", {{"Host", "evil.example:" + std::to_string(server.port)}});
    REQUIRE(rebound->status == 421);
    REQUIRE(client.Get("/signin", {{"Host", "localhost:" + std::to_string(server.port)}})->status == 200);
    // A second server on the same port is refused with exit code 4, naming it.
    const Result busy = run_medloc(db, {"serve", "--port", std::to_string(server.port)});
    REQUIRE(busy.exit_code == 4);
    REQUIRE(busy.err.find("127.0.0.1:" + std::to_string(server.port)) != std::string::npos);
    REQUIRE(busy.err.find("cannot be listened on") != std::string::npos);
}

TEST_CASE("ids in a request are shown escaped on the page that refuses them", "[serve][escaping]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    Server server(db);
    auto client = server.client();
    const auto [cookie, token] = sign_in(client, db, "carla");
    const auto result =
        client.Get("/review?doc=%3Cscript%3Ealert(1)%3C%2Fscript%3E&locale=es-US", {{"Cookie", cookie}});
    REQUIRE(result->status == 404);
    REQUIRE(result->body.find("<script>alert") == std::string::npos);
    REQUIRE(result->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("the review packet shows the document side by side with its QA findings, history and a signature block",
          "[packet]") {
    TempDir dir;
    const fs::path db = new_project(dir, "es-US");
    REQUIRE(succeeds(db, {"extract", (corpus_dir() / "fever-acetaminophen-dosing.txt").string(), "--as", "pat"}));
    REQUIRE(succeeds(db, {"export", "--locale", "es-US", "--pseudo", "--out", (dir / "x").string()}));
    // The syrup's dose made ten times smaller, and a target that would be markup.
    const fs::path xliff = dir / "x" / "es-US" / "fever-acetaminophen-dosing.txt.xlf";
    std::string text = read_file(xliff);
    const auto dose = text.find("ţĥ: 160 ṁĝ");
    REQUIRE(dose != std::string::npos);
    text.replace(dose, std::string("ţĥ: 160 ṁĝ").size(), "ţĥ: 16 ṁĝ");
    const auto target = text.find("<target");
    const auto start = text.find('>', target) + 1;
    text.replace(start, text.find("</target>", start) - start, "&lt;script&gt;alert(document.cookie)&lt;/script&gt;");
    write_file(xliff, text);
    REQUIRE(succeeds(db, {"import", xliff.string(), "--role", "translator", "--as", "ana"}));

    const fs::path packet = dir / "packet.html";
    const Result made = run_medloc(
        db, {"packet", "--locale", "es-US", "--doc", "fever-acetaminophen-dosing.txt", "--out", packet.string()});
    REQUIRE(made.exit_code == 0);
    const std::string html = read_file(packet);
    REQUIRE(html.find("<td class=\"target\" lang=\"es-US\" dir=\"ltr\">") != std::string::npos);
    REQUIRE(html.find("&lt;script&gt;alert(document.cookie)&lt;/script&gt;") != std::string::npos);
    REQUIRE(html.find("<script") == std::string::npos);
    REQUIRE(html.find("<mark class=\"qa-error\">") != std::string::npos);
    REQUIRE(html.find("QA error (numbers)") != std::string::npos);
    REQUIRE(html.find("entries in the log for es-US") != std::string::npos);
    REQUIRE(html.find("translated 105;") != std::string::npos);
    REQUIRE(html.find("class=\"signature-block\"") != std::string::npos);
    REQUIRE(html.find("@media print") != std::string::npos);
    // Every segment of the document, once.
    std::size_t rows = 0;
    for (auto at = html.find("<tr data-segment="); at != std::string::npos; at = html.find("<tr data-segment=", at + 1))
        ++rows;
    REQUIRE(rows == 105);

    // A document not in the project: exit 2, no file.
    const fs::path none = dir / "none.html";
    const Result refused = run_medloc(db, {"packet", "--locale", "es-US", "--doc", "nope.txt", "--out", none.string()});
    REQUIRE(refused.exit_code == 2);
    REQUIRE(refused.err.find("nope.txt") != std::string::npos);
    REQUIRE_FALSE(fs::exists(none));
}

TEST_CASE("two clinicians signing at once in the workspace lose nothing", "[serve][concurrency]") {
    TempDir dir;
    const fs::path db = revised_project(dir);
    Server server(db);

    // Each clinician's session, and the approve links their review page offers.
    struct Reviewer {
        std::string id, cookie, token;
        std::vector<std::pair<std::string, std::string>> segments;  // id, fingerprint shown
    };
    std::vector<Reviewer> reviewers;
    for (const char* id : {"carla", "fay"}) {
        auto client = server.client();
        auto [cookie, token] = sign_in(client, db, id);
        Reviewer reviewer{id, cookie, token, {}};
        const std::string page = client.Get("/review?doc=amps-children.txt&locale=es-US", {{"Cookie", cookie}})->body;
        const std::regex link(
            R"re(act=approve&amp;locale=es-US&amp;doc=amps-children.txt&amp;segment=([0-9a-f]+)&amp;shown=([0-9a-f]{64}))re");
        for (auto it = std::sregex_iterator(page.begin(), page.end(), link); it != std::sregex_iterator(); ++it)
            reviewer.segments.emplace_back((*it)[1], (*it)[2]);
        REQUIRE(reviewer.segments.size() >= 40);
        reviewers.push_back(std::move(reviewer));
    }
    // carla approves the first twenty segments, fay the next twenty, at once.
    std::vector<int> statuses[2];
    std::vector<std::thread> threads;
    for (int r = 0; r < 2; ++r)
        threads.emplace_back([&, r] {
            auto client = server.client();
            const Reviewer& reviewer = reviewers[r];
            for (int i = 20 * r; i < 20 * r + 20; ++i) {
                const auto& [segment, shown] = reviewer.segments[i];
                const auto result = client.Post("/sign", {{"Cookie", reviewer.cookie}},
                                                httplib::Params{{"csrf", reviewer.token},
                                                                {"act", "approve"},
                                                                {"locale", "es-US"},
                                                                {"doc", "amps-children.txt"},
                                                                {"segment", segment},
                                                                {"shown", shown},
                                                                {"passphrase", passphrase_of(db, reviewer.id)}});
                statuses[r].push_back(result ? result->status : -1);
            }
        });
    for (std::thread& thread : threads) thread.join();
    for (const auto& list : statuses)
        for (const int status : list) REQUIRE(status == 200);
    const std::string status = run_medloc(db, {"status", "--json"}).out;
    REQUIRE(status.find("\"approved\": 40") != std::string::npos);
    REQUIRE(run_medloc(db, {"audit", "verify"}).exit_code == 0);
}

TEST_CASE("packet --pdf prints the packet with Debian's chromium", "[packet]") {
    if (!fs::exists("/usr/bin/chromium")) {
        WARN("no /usr/bin/chromium (scripts/setup.sh --with-browser installs it): --pdf not tried");
        return;
    }
    TempDir dir;
    const fs::path db = new_project(dir, "ar");
    REQUIRE(succeeds(db, {"extract", (corpus_dir() / "amps-children.txt").string(), "--as", "pat"}));
    const Result printed = run_medloc(db, {"packet", "--locale", "ar", "--doc", "amps-children.txt", "--out",
                                           (dir / "p.html").string(), "--pdf", (dir / "p.pdf").string()});
    REQUIRE(printed.exit_code == 0);
    REQUIRE(printed.err.empty());
    REQUIRE(read_file(dir / "p.pdf").starts_with("%PDF-"));
    REQUIRE(read_file(dir / "p.html").find("<td class=\"target\" lang=\"ar\" dir=\"rtl\">") != std::string::npos);
}

TEST_CASE("a person disabled while signed in is signed out at their next request", "[serve]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    Server server(db);
    auto client = server.client();
    const auto [cookie, token] = sign_in(client, db, "carla");
    REQUIRE(succeeds(db, {"people", "disable", "carla", "--as", "pat"}));
    const auto refused = client.Get("/", {{"Cookie", cookie}});
    REQUIRE(refused->status == 403);
    REQUIRE(refused->body.find("your session has ended") != std::string::npos);
    REQUIRE(refused->body.find("Dr. Carla Chen") == std::string::npos);
    REQUIRE(client.Get("/", {{"Cookie", cookie}})->status == 303);
}
