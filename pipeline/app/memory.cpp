// memory.cpp - TMX into the project's memory and out of it (see memory.h).
#include "app/memory.h"

#include "app/project.h"
#include "io/errors.h"
#include "io/files.h"
#include "locales/locales.h"
#include "reviews/hash.h"
#include "xliff/tmx.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <unordered_set>
#include <vector>

namespace medloc::pipeline {
namespace {

// TMX dates (20240101T093000Z) as the project writes times, and back.
std::string iso_date(std::string_view tmx) {
    if (tmx.size() != 16 || tmx[8] != 'T' || tmx[15] != 'Z') return {};
    return std::string(tmx.substr(0, 4)) + "-" + std::string(tmx.substr(4, 2)) + "-" + std::string(tmx.substr(6, 2)) +
           "T" + std::string(tmx.substr(9, 2)) + ":" + std::string(tmx.substr(11, 2)) + ":" +
           std::string(tmx.substr(13, 2)) + "Z";
}

std::string tmx_date(std::string_view iso) {
    std::string date;
    for (const char c : iso.substr(0, 19))
        if (c != '-' && c != ':') date += c;
    return date.size() == 15 ? date + "Z" : std::string();
}

std::string property(const xliff::TmxUnit& unit, std::string_view type) {
    for (const auto& [name, value] : unit.props)
        if (name == type) return value;
    return {};
}

// The unit's text in the project's source language, if it has one.
const xliff::TmxVariant* source_variant(const xliff::TmxUnit& unit, const std::string& source_locale) {
    for (const xliff::TmxVariant& variant : unit.variants)
        if (locales::covers(variant.language, source_locale)) return &variant;
    return nullptr;
}

// What a TMX file adds to the memory: each variant in a project target
// language beside the unit's source text, once.
class MemoryReader {
public:
    MemoryReader(reviews::Store& store, std::string origin, MemoryImportOutcome& outcome)
        : store_(store), settings_(store.settings()), origin_(std::move(origin)), outcome_(outcome) {}

    void read(const xliff::TmxUnit& unit) {
        ++outcome_.units;
        const xliff::TmxVariant* source = source_variant(unit, settings_.source_locale);
        if (!source || source->content.plain_text().empty()) {
            ++outcome_.without_source;
            return;
        }
        for (const xliff::TmxVariant& variant : unit.variants) {
            if (&variant == source || variant.content.plain_text().empty()) continue;
            bool taken = false;
            for (const std::string& locale : settings_.target_locales)
                if (locales::covers(variant.language, locale)) {
                    read_variant(unit, *source, variant, locale);
                    taken = true;
                }
            if (!taken) ++outcome_.other_languages[variant.language];
        }
    }

    const std::vector<reviews::MemoryUnit>& new_units() const { return new_; }

private:
    void read_variant(const xliff::TmxUnit& unit, const xliff::TmxVariant& source, const xliff::TmxVariant& target,
                      const std::string& locale) {
        reviews::MemoryUnit memory;
        memory.source_language = locales::canonical_tag(source.language).value_or(source.language);
        memory.target_language = locale;
        memory.source = source.content.to_markup();
        memory.plain = source.content.plain_text();
        memory.target = target.content.to_markup();
        memory.translator = unit.creation_id;
        memory.approver = unit.change_id;
        memory.created_at = iso_date(unit.creation_date);
        memory.changed_at = iso_date(unit.change_date);
        memory.document_id = property(unit, "x-document");
        memory.origin = origin_;
        memory.tuid = unit.tuid;
        if (!seen_.insert(memory.target_language + '\x1f' + memory.source + '\x1f' + memory.target).second ||
            known(memory)) {
            ++outcome_.known;
            return;
        }
        ++outcome_.added[locale];
        new_.push_back(std::move(memory));
    }

    bool known(const reviews::MemoryUnit& memory) {
        for (const reviews::MemoryUnit& held : store_.memory_exact(memory.plain, memory.target_language))
            if (held.source == memory.source && held.target == memory.target) return true;
        return false;
    }

    reviews::Store& store_;
    const reviews::ProjectSettings& settings_;
    std::string origin_;
    MemoryImportOutcome& outcome_;
    std::set<std::string> seen_;
    std::vector<reviews::MemoryUnit> new_;
};

// "219 units: es-US 210; 9 known"
std::string summary(const MemoryImportOutcome& outcome) {
    std::string text = std::to_string(outcome.units) + " units:";
    for (const auto& [locale, count] : outcome.added) text += " " + locale + " " + std::to_string(count) + ";";
    text += " " + std::to_string(outcome.known) + " known";
    return text;
}

xliff::Tmx read_memory(const std::string& path, const std::string& bytes, const InputLimits& limits) {
    try {
        xliff::Tmx tmx = xliff::read_tmx(bytes, limits.max_depth);
        if (tmx.units.empty())
            throw InputError(path, "the memory has no translation units", "export the memory again from its tool");
        return tmx;
    } catch (const xliff::ReadError& e) {
        const locales::TextPosition at = locales::position_of(bytes, e.offset);
        throw InputError(path, e.what(), e.todo, at.line, at.column);
    }
}

}  // namespace

MemoryImportOutcome import_memory(reviews::Store& store, const MemoryImportRequest& request, const Services& services) {
    const std::string bytes = read_xml_file(request.file, request.limits.max_bytes);
    const xliff::Tmx tmx = read_memory(request.file, bytes, request.limits);
    const SignedIn publisher =
        sign_in(store, request.credentials, {reviews::Role::publisher}, "tm import", services.clock);
    MemoryImportOutcome outcome;
    const auto transaction = store.transaction(reviews::Access::write);
    // Kept with the file's name; never taken for the project's own approvals.
    std::string origin = std::filesystem::path(request.file).filename().string();
    if (origin == reviews::kProjectMemory) origin += " (TMX)";
    MemoryReader reader(store, origin, outcome);
    for (const xliff::TmxUnit& unit : tmx.units) reader.read(unit);
    if (outcome.unchanged()) return outcome;
    reviews::MemoryImport import;
    import.at = services.clock.now();
    import.actor = publisher.person.name;
    import.actor_id = publisher.person.id;
    import.sha256 = reviews::sha256_hex(bytes);
    import.comment = request.comment.empty() ? summary(outcome) : request.comment;
    import.origin = origin;
    // Logged first: every unit refers to the entry that brought it.
    store.add_memory_import(import);
    for (const reviews::MemoryUnit& unit : reader.new_units()) store.add_memory_unit(unit);
    sign_act(store, publisher);
    transaction->commit();
    return outcome;
}

MemoryExportOutcome export_memory(reviews::Store& store, const MemoryExportRequest& request, const Services& services) {
    MemoryExportOutcome outcome;
    outcome.locale = target_locale_option(store.settings(), request.locale);
    const auto reading = store.transaction(reviews::Access::read);
    const std::string& source_locale = store.settings().source_locale;
    // Written a unit at a time: a large project's memory is never held whole.
    const std::unique_ptr<FileStream> tmx = services.files.open(request.out);
    tmx->append(xliff::tmx_header(source_locale, MEDLOC_VERSION));
    // A pair approved in several places is one unit of a TMX; its id's 64
    // bits are what tells the pairs apart.
    std::unordered_set<std::uint64_t> written;
    store.each_memory_unit(outcome.locale, true, [&](const reviews::MemoryUnit& memory) {
        xliff::TmxUnit unit;
        // The same translation of the same text always has the same id.
        unit.tuid = reviews::sha256_hex(memory.source + '\x1f' + memory.target).substr(0, 16);
        if (!written.insert(std::stoull(unit.tuid, nullptr, 16)).second) return;
        unit.creation_id = memory.translator;
        unit.creation_date = tmx_date(memory.created_at);
        unit.change_id = memory.approver;
        unit.change_date = tmx_date(memory.changed_at);
        if (!memory.document_id.empty()) unit.props.emplace_back("x-document", memory.document_id);
        unit.variants.push_back({source_locale, xliff::content_from_markup(memory.source)});
        unit.variants.push_back({outcome.locale, xliff::content_from_markup(memory.target)});
        tmx->append(xliff::tmx_unit(unit));
        ++outcome.units;
    });
    tmx->append(xliff::tmx_footer());
    reading->commit();
    tmx->commit();
    return outcome;
}

}  // namespace medloc::pipeline
