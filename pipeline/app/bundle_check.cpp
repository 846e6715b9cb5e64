// bundle_check.cpp - a bundle against the project (see bundle_check.h).
#include "app/bundle_check.h"

#include "bundle/localized.h"
#include "extract/source.h"
#include "io/errors.h"
#include "io/files.h"
#include "reviews/hash.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

namespace medloc::pipeline {
namespace {

namespace fs = std::filesystem;

nlohmann::json read_manifest(const fs::path& file) {
    try {
        return nlohmann::json::parse(read_file(file));
    } catch (const nlohmann::json::exception& e) {
        throw InputError(file.string(), std::string("is not a manifest medloc wrote: ") + e.what(),
                         "name the folder of one locale of a bundle medloc built (DIR/LOCALE)");
    }
}

void check_release(reviews::Store& store, const std::string& manifest_sha256, BundleCheck& check) {
    const auto release = store.release_of(manifest_sha256);
    if (!release) {
        check.problems.push_back("manifest.json (sha256 " + manifest_sha256 +
                                 ") was never released by this project: it was written or changed outside medloc");
        return;
    }
    const auto& recorded = std::get<reviews::Release>(release->record);
    check.released = recorded.at + " by " + recorded.actor + " (" + recorded.actor_id + ")";
    if (recorded.locale != check.locale)
        check.problems.push_back("the release of this manifest was for " + recorded.locale + ", not " + check.locale);
}

void check_document(reviews::Store& store, const fs::path& bundle, const nlohmann::json& entry,
                    const std::set<std::string>& logged, BundleCheck& check) {
    const std::string id = entry.value("id", "");
    if (const std::string problem = document_id_problem(id); !problem.empty()) {
        check.problems.push_back(problem);
        return;
    }
    const fs::path file = bundle / id;
    std::error_code error;
    if (!fs::is_regular_file(file, error)) {
        check.problems.push_back(id + ": listed in the manifest, missing from the bundle");
        return;
    }
    const std::string bytes = read_file(file);
    if (reviews::sha256_hex(bytes) != entry.value("output_sha256", ""))
        check.problems.push_back(id + ": its bytes are not the ones the manifest lists (changed after the build)");
    const auto version = store.current_version(id);
    if (!version) check.problems.push_back(id + ": not a document of this project");
    else if (version->version != entry.value("version", std::int64_t{0}))
        check.problems.push_back(id + ": the project is at version " + std::to_string(version->version) +
                                 " since; the bundle holds version " + std::to_string(entry.value("version", 0)));
    else if (localized_document(*version, store.version_translations(id, version->version, check.locale), check.locale)
                 .bytes != bytes)
        check.problems.push_back(id + ": not what its approved text rebuilds to");
    for (const nlohmann::json& signature : entry.value("signatures", nlohmann::json::array())) {
        ++check.signatures_checked;
        if (!logged.contains(signature.value("event", "")))
            check.problems.push_back(id + ": cites a signature (" + signature.value("name", "") + ", " +
                                     signature.value("meaning", "") + ") that is not in the log");
    }
    ++check.documents_checked;
}

// The log entries the documents' signatures cite, by hash.
std::set<std::string> cited_hashes(const nlohmann::json& documents) {
    std::set<std::string> hashes;
    for (const nlohmann::json& entry : documents)
        for (const nlohmann::json& signature : entry.value("signatures", nlohmann::json::array()))
            hashes.insert(signature.value("event", ""));
    return hashes;
}

// Files in the bundle the manifest does not list.
void check_extra(const fs::path& bundle, const std::set<std::string>& listed, BundleCheck& check) {
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(bundle, error); it != fs::recursive_directory_iterator();
         it.increment(error)) {
        if (error || !it->is_regular_file()) continue;
        const std::string name = it->path().lexically_relative(bundle).generic_string();
        if (name != "manifest.json" && !listed.contains(name))
            check.problems.push_back(name + ": in the bundle, not in its manifest");
    }
}

}  // namespace

BundleCheck check_bundle(reviews::Store& store, const std::string& bundle) {
    const fs::path folder(bundle);
    const fs::path manifest_file = folder / "manifest.json";
    const nlohmann::json manifest = read_manifest(manifest_file);
    BundleCheck check;
    check.locale = manifest.value("locale", "");
    check.manifest_sha256 = reviews::sha256_hex(read_file(manifest_file));
    const auto reading = store.transaction(reviews::Access::read);
    check.log = store.verify_log();
    const reviews::AuditReport& log = check.log;
    if (!log.intact()) check.problems.push_back("the project's log does not verify: " + log.problem);
    if (manifest.value("owner_key_fingerprint", "") != log.owner_fingerprint)
        check.problems.push_back("the manifest names the owner key " + manifest.value("owner_key_fingerprint", "") +
                                 "; this project's owner key is " + log.owner_fingerprint);
    if (manifest.value("project", "") != store.settings().project_id)
        check.problems.push_back("the manifest is of project " + manifest.value("project", "") + ", not this one");
    check_release(store, check.manifest_sha256, check);
    const nlohmann::json documents = manifest.value("documents", nlohmann::json::array());
    const std::set<std::string> logged = store.logged_hashes(cited_hashes(documents));
    std::set<std::string> listed;
    for (const nlohmann::json& entry : documents) {
        listed.insert(entry.value("id", ""));
        check_document(store, folder, entry, logged, check);
    }
    check_extra(folder, listed, check);
    reading->commit();
    return check;
}

}  // namespace medloc::pipeline
