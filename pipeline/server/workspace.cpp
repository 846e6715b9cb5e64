// workspace.cpp - the routes of `medloc serve` (see workspace.h).
//
// Without a session only the sign-in page and the style sheet and script
// are served. Every POST carries the session's form token (CSRF); every
// signature asks the passphrase again and goes to app's review(), which
// decides it. The pages only render what app returns.
#include "server/workspace.h"

#include "app/document_view.h"
#include "app/history.h"
#include "app/people.h"
#include "app/project.h"
#include "app/review.h"
#include "app/status.h"
#include "assets.h"
#include "html.h"
#include "io/errors.h"
#include "pages.h"
#include "sessions.h"

#include <httplib.h>

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <ostream>
#include <thread>

namespace medloc::server {
namespace {

constexpr const char* kCookie = "medloc_session";

// What a page of a project must never be: framed, sniffed, cached, or
// able to run or load anything but this workspace's own script and styles.
void secure_headers(httplib::Response& response) {
    response.set_header("Content-Security-Policy",
                        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
                        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("Cache-Control", "no-store");
}

void send_page(httplib::Response& response, int status, const std::string& html) {
    response.status = status;
    response.set_content(html, "text/html; charset=utf-8");
}

std::string cookie_value(const httplib::Request& request, const std::string& name) {
    const std::string header = request.get_header_value("Cookie");
    std::size_t at = 0;
    while (at < header.size()) {
        std::size_t end = header.find(';', at);
        if (end == std::string::npos) end = header.size();
        std::string_view pair(header.data() + at, end - at);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=')
            return std::string(pair.substr(name.size() + 1));
        at = end + 1;
    }
    return {};
}

void set_session_cookie(httplib::Response& response, const std::string& token) {
    response.set_header("Set-Cookie", std::string(kCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
}

void clear_session_cookie(httplib::Response& response) {
    response.set_header("Set-Cookie", std::string(kCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
}

void redirect(httplib::Response& response, const std::string& to) {
    response.status = 303;
    response.set_header("Location", to);
}

std::string param(const httplib::Request& request, const char* name) {
    return request.has_param(name) ? request.get_param_value(name) : std::string();
}

class Workspace {
public:
    Workspace(std::string db_path, const pipeline::Services& services, std::ostream& out,
              std::vector<std::string> hosts)
        : db_path_(std::move(db_path)), services_(services), out_(out), hosts_(std::move(hosts)) {}

    void route(httplib::Server& server) {
        server.set_pre_routing_handler(
            [this](const httplib::Request& request, httplib::Response& response) { return admit(request, response); });
        server.set_post_routing_handler(
            [](const httplib::Request&, httplib::Response& response) { secure_headers(response); });
        server.Get("/static/style.css", [](const httplib::Request&, httplib::Response& response) {
            response.set_content(kStyleSheet, "text/css; charset=utf-8");
        });
        server.Get("/static/app.js", [](const httplib::Request&, httplib::Response& response) {
            response.set_content(kScript, "text/javascript; charset=utf-8");
        });
        server.Get("/signin", guarded(&Workspace::get_sign_in));
        server.Post("/signin", guarded(&Workspace::post_sign_in));
        server.Post("/signout", guarded(&Workspace::post_sign_out));
        server.Get("/", guarded(&Workspace::get_dashboard));
        server.Get("/review", guarded(&Workspace::get_review));
        server.Get("/history", guarded(&Workspace::get_history));
        server.Get("/sign", guarded(&Workspace::get_sign));
        server.Post("/sign", guarded(&Workspace::post_sign));
        server.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
            if (response.status == 404 && response.body.empty())
                send_page(response, 404,
                          message_page(viewer_of(request), "Not found",
                                       {Notice::Kind::error, request.path + ": no such page in this workspace"}));
        });
    }

private:
    using Handler = void (Workspace::*)(const httplib::Request&, httplib::Response&);

    // The project, opened for this request alone: each request is its own
    // connection and transaction, so two reviewers never share one.
    std::unique_ptr<reviews::Store> open(const std::string& person_id) {
        reviews::OpenOptions options = services_.database;
        options.purpose = "medloc serve" + (person_id.empty() ? std::string() : " by " + person_id);
        return reviews::open_project(db_path_, options);
    }

    void log(const std::string& line) {
        const std::lock_guard lock(log_mutex_);
        out_ << "medloc serve: " << line << std::endl;
    }

    // A failure becomes a page that says what went wrong, never a crash.
    httplib::Server::Handler guarded(Handler handler) {
        return [this, handler](const httplib::Request& request, httplib::Response& response) {
            try {
                (this->*handler)(request, response);
            } catch (const pipeline::UsageError& e) {
                send_page(response, 400,
                          message_page(viewer_of(request), "Cannot do that", {Notice::Kind::error, e.what()}));
            } catch (const pipeline::Refused& e) {
                send_page(response, 403,
                          message_page(viewer_of(request), "Refused", {Notice::Kind::refused, e.what()}));
            } catch (const pipeline::InputError& e) {
                send_page(response, 404,
                          message_page(viewer_of(request), "Not found", {Notice::Kind::error, e.what()}));
            } catch (const reviews::DatabaseError& e) {
                log(std::string("database: ") + e.what());
                send_page(
                    response, 503,
                    message_page(viewer_of(request), "The project cannot be read", {Notice::Kind::error, e.what()}));
            } catch (const std::exception& e) {
                log(std::string("internal error: ") + e.what());
                send_page(response, 500,
                          message_page(viewer_of(request), "Internal error",
                                       {Notice::Kind::error, std::string("internal error: ") + e.what()}));
            }
        };
    }

    // Requests for another host name are refused (a page elsewhere cannot
    // reach the workspace by rebinding a name to this address); without a
    // session, only the sign-in page and its assets.
    httplib::Server::HandlerResponse admit(const httplib::Request& request, httplib::Response& response) {
        if (!hosts_.empty()) {
            const std::string host = request.get_header_value("Host");
            if (std::find(hosts_.begin(), hosts_.end(), host) == hosts_.end()) {
                response.status = 421;
                response.set_content("medloc serve answers only to " + hosts_.front() + "\n", "text/plain");
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        if (request.path == "/signin" || request.path.starts_with("/static/"))
            return httplib::Server::HandlerResponse::Unhandled;
        const auto session = sessions_.find(cookie_value(request, kCookie), Sessions::Clock::now());
        if (session && !session->person_id.empty()) return httplib::Server::HandlerResponse::Unhandled;
        if (request.method == "GET") {
            redirect(response, "/signin");
        } else {
            send_page(response, 403,
                      message_page({}, "Not signed in",
                                   {Notice::Kind::refused,
                                    "Your session has ended (or never began); sign in again. "
                                    "Nothing was changed."}));
        }
        return httplib::Server::HandlerResponse::Handled;
    }

    // The signed-in person of this request, read again from the registry
    // (a person disabled meanwhile is signed out).
    Viewer viewer_of(const httplib::Request& request) {
        Viewer viewer;
        const std::string token = cookie_value(request, kCookie);
        const auto session = sessions_.find(token, Sessions::Clock::now());
        if (!session) return viewer;
        viewer.form_token = session->form_token;
        if (session->person_id.empty()) return viewer;
        try {
            viewer.person = pipeline::active_person(*open(session->person_id), session->person_id);
        } catch (const std::exception&) {
            return viewer;
        }
        if (!viewer.person) sessions_.close(token);
        return viewer;
    }

    Viewer signed_in(const httplib::Request& request) {
        Viewer viewer = viewer_of(request);
        if (!viewer.person) throw pipeline::Refused("your session has ended; sign in again\n");
        return viewer;
    }

    // A form not sent from this session's own page is refused.
    bool form_token_ok(const httplib::Request& request, const Viewer& viewer, httplib::Response& response) {
        if (Sessions::same_token(param(request, "csrf"), viewer.form_token)) return true;
        send_page(response, 403,
                  message_page(viewer, "Refused",
                               {Notice::Kind::refused,
                                "This form did not come from your page in this workspace (its form token is missing "
                                "or wrong). Reload the page and try again. Nothing was changed."}));
        return false;
    }

    void get_sign_in(const httplib::Request& request, httplib::Response& response) {
        Viewer viewer = viewer_of(request);
        if (viewer.person) return redirect(response, "/");
        if (viewer.form_token.empty()) {
            const std::string token = sessions_.open("", Sessions::Clock::now());
            set_session_cookie(response, token);
            viewer.form_token = sessions_.find(token, Sessions::Clock::now())->form_token;
        }
        send_page(response, 200, sign_in_page(viewer, "", std::nullopt));
    }

    void post_sign_in(const httplib::Request& request, httplib::Response& response) {
        const Viewer visitor = viewer_of(request);
        if (!form_token_ok(request, visitor, response)) return;
        const pipeline::Credentials credentials{param(request, "person"), param(request, "passphrase")};
        try {
            const auto store = open(credentials.person_id);
            const pipeline::SignedIn person =
                pipeline::sign_in(*store, credentials, {}, "serve sign-in", services_.clock);
            // A new session for the person: the visitor's token is not reused.
            sessions_.close(cookie_value(request, kCookie));
            set_session_cookie(response, sessions_.open(person.person.id, Sessions::Clock::now()));
            log(person.person.id + " signed in");
            redirect(response, "/");
        } catch (const pipeline::SignInRefused&) {
            log("sign-in refused for " + credentials.person_id);
            send_page(response, 403,
                      sign_in_page(visitor, credentials.person_id,
                                   Notice{Notice::Kind::refused,
                                          "Sign-in refused: unknown id, disabled person or wrong passphrase. The "
                                          "failed attempt is recorded."}));
        } catch (const pipeline::UsageError& e) {
            send_page(response, 400,
                      sign_in_page(visitor, credentials.person_id, Notice{Notice::Kind::error, e.what()}));
        }
    }

    void post_sign_out(const httplib::Request& request, httplib::Response& response) {
        const Viewer viewer = viewer_of(request);
        if (!form_token_ok(request, viewer, response)) return;
        sessions_.close(cookie_value(request, kCookie));
        clear_session_cookie(response);
        if (viewer.person) log(viewer.person->id + " signed out");
        redirect(response, "/signin");
    }

    void get_dashboard(const httplib::Request& request, httplib::Response& response) {
        const Viewer viewer = signed_in(request);
        const auto store = open(viewer.person->id);
        const std::string as_of = services_.clock.today();
        pipeline::ProjectStatus status;
        {
            const auto reading = store->transaction(reviews::Access::read);
            status = pipeline::project_status(*store, "", as_of);
            reading->commit();
        }
        send_page(response, 200, dashboard_page(viewer, store->settings(), status));
    }

    void get_review(const httplib::Request& request, httplib::Response& response) {
        const Viewer viewer = signed_in(request);
        const auto store = open(viewer.person->id);
        const pipeline::DocumentView view =
            pipeline::document_view(*store, param(request, "doc"), param(request, "locale"), services_.clock.today());
        send_page(response, 200, review_page(viewer, store->settings(), view, std::nullopt));
    }

    void get_history(const httplib::Request& request, httplib::Response& response) {
        const Viewer viewer = signed_in(request);
        const auto store = open(viewer.person->id);
        const pipeline::History history =
            pipeline::history(*store, {{}, param(request, "segment"), param(request, "locale")});
        const std::string table = history_fragment(history);
        if (param(request, "fragment") == "1") return send_page(response, 200, table);
        send_page(
            response, 200,
            message_page(viewer, "History of segment " + param(request, "segment"), {Notice::Kind::info, ""}) + table);
    }

    SigningRequest signing_request(const httplib::Request& request) {
        SigningRequest signing;
        const auto act = reviews::parse_act(param(request, "act"));
        if (!act) throw pipeline::UsageError("the acts are revise, approve, reject and waive");
        signing.act = *act;
        signing.locale = param(request, "locale");
        signing.document = param(request, "doc");
        signing.segment = param(request, "segment");
        signing.shown = param(request, "shown");
        if (signing.shown.empty())
            throw pipeline::UsageError(
                "a signature is made from the page that shows what is signed; open the document's "
                "review page and sign from there");
        return signing;
    }

    void get_sign(const httplib::Request& request, httplib::Response& response) {
        const Viewer viewer = signed_in(request);
        const SigningRequest signing = signing_request(request);
        const auto store = open(viewer.person->id);
        const pipeline::DocumentView view =
            pipeline::document_view(*store, signing.document, signing.locale, services_.clock.today());
        send_page(response, 200,
                  signing_page(viewer, store->settings(), signing, view, services_.clock.now(), std::nullopt));
    }

    void post_sign(const httplib::Request& request, httplib::Response& response) {
        const Viewer viewer = signed_in(request);
        if (!form_token_ok(request, viewer, response)) return;
        SigningRequest signing = signing_request(request);
        pipeline::ReviewRequest review;
        review.act = signing.act;
        review.locale = signing.locale;
        if (signing.segment.empty()) review.document = signing.document;
        else review.segment = signing.segment;
        review.credentials = {viewer.person->id, param(request, "passphrase")};
        if (const std::string role = param(request, "role"); !role.empty()) review.role = reviews::parse_role(role);
        review.comment = param(request, "comment");
        if (const std::string check = param(request, "check"); !check.empty()) review.check = qa::parse_check(check);
        review.shown = signing.shown;

        const auto store = open(viewer.person->id);
        std::optional<Notice> refusal;
        int status = 403;
        try {
            const pipeline::ReviewOutcome outcome = pipeline::review(*store, review, services_);
            log(viewer.person->id + " signed: " + param(request, "act") + " " + signing.locale + " " +
                (signing.segment.empty() ? "document " + signing.document : "segment " + signing.segment));
            return send_page(response, 200, signed_page(viewer, signing, outcome));
        } catch (const pipeline::SignInRefused&) {
            refusal = Notice{Notice::Kind::refused,
                             "Refused: the passphrase is not yours (the failed attempt is recorded). Nothing was "
                             "changed."};
        } catch (const pipeline::Refused& e) {
            refusal = Notice{Notice::Kind::refused, std::string("Refused: ") + e.what() + "Nothing was changed."};
        } catch (const pipeline::UsageError& e) {
            refusal = Notice{Notice::Kind::error, std::string(e.what()) + ". Nothing was changed."};
            status = 400;
        }
        log(viewer.person->id + " refused: " + param(request, "act") + " " + signing.locale);
        const pipeline::DocumentView view =
            pipeline::document_view(*store, signing.document, signing.locale, services_.clock.today());
        send_page(response, status,
                  signing_page(viewer, store->settings(), signing, view, services_.clock.now(), refusal));
    }

    std::string db_path_;
    const pipeline::Services& services_;
    std::ostream& out_;
    std::vector<std::string> hosts_;
    Sessions sessions_;
    std::mutex log_mutex_;
};

bool is_loopback(const std::string& bind) { return bind == "127.0.0.1" || bind == "localhost" || bind == "::1"; }

}  // namespace

void serve(const std::string& db_path, const ServeOptions& options, const pipeline::Services& services,
           std::ostream& out) {
    // The project must open before anyone is told where to go.
    const std::string project = [&] {
        const auto store = reviews::open_project(db_path, services.database);
        return store->settings().project_id;
    }();

    // SIGINT and SIGTERM are taken by one thread, which stops the server;
    // every other thread (the server's pool too) has them blocked.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    httplib::Server server;
    server.set_payload_max_length(1 << 20);
    // Reuse an address in TIME_WAIT after a restart, but never share a port
    // with another server (httplib's default also sets SO_REUSEPORT).
    server.set_socket_options([](int socket) {
        const int yes = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    const int port = options.port == 0 ? server.bind_to_any_port(options.bind)
                                       : (server.bind_to_port(options.bind, options.port) ? options.port : -1);
    if (port <= 0)
        throw pipeline::EnvironmentError(options.bind + ":" + std::to_string(options.port),
                                         "cannot be listened on (in use, or not an address of this machine)",
                                         "choose another with --port or --bind");
    std::vector<std::string> hosts;
    if (is_loopback(options.bind))
        for (const char* name : {"127.0.0.1", "localhost", "[::1]"})
            hosts.push_back(name + (":" + std::to_string(port)));
    Workspace workspace(db_path, services, out, hosts);
    workspace.route(server);

    if (!is_loopback(options.bind))
        out << "medloc serve: warning: listening on " << options.bind
            << ", beyond this machine: passphrases and pages cross the network unencrypted, and any host name is "
               "answered; put the workspace behind a TLS proxy, or keep --bind 127.0.0.1"
            << std::endl;
    std::atomic<bool> signalled = false;
    std::thread stopper([&server, &signalled, stop_signals] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        signalled = true;
        server.stop();
    });
    out << "medloc serve: the review workspace of project " << project << " is at http://"
        << (options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind) << ":" << port
        << "/ (Ctrl-C stops it)" << std::endl;
    server.listen_after_bind();
    if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);  // the server stopped on its own
    stopper.join();
    out << "medloc serve: stopped" << std::endl;
}

}  // namespace medloc::server
