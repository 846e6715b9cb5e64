// glossary.cpp - a TBX file made the project's glossary, in one signed act.
#include "app/glossary.h"

#include "io/errors.h"
#include "io/files.h"
#include "locales/locales.h"
#include "qa/glossary.h"
#include "reviews/hash.h"

#include <filesystem>

namespace medloc::pipeline {

GlossaryOutcome import_glossary(reviews::Store& store, const GlossaryRequest& request, const Services& services) {
    const std::string tbx = read_file(request.file, InputLimits::kXliffBytes);
    if (const auto bad = locales::find_invalid_utf8(tbx))
        throw InputError(request.file, "is not UTF-8 (byte " + std::to_string(*bad) + ")",
                         "save the glossary as UTF-8 and import it again");
    GlossaryOutcome outcome;
    try {
        const qa::Glossary glossary = qa::Glossary::read_tbx(tbx);
        outcome.concepts = glossary.concepts();
        outcome.terms = glossary.term_count();
        for (const std::string& locale : store.settings().target_locales)
            outcome.per_locale[locale] = glossary.terms(store.settings().source_locale, locale).size();
    } catch (const qa::GlossaryError& e) {
        throw InputError(request.file, e.what(), "correct the TBX file and import it again", e.line, e.column);
    }
    const SignedIn publisher =
        sign_in(store, request.credentials, {reviews::Role::publisher}, "glossary import", services.clock);
    const auto transaction = store.transaction(reviews::Access::write);
    const std::string sha256 = reviews::sha256_hex(tbx);
    if (const auto current = store.glossary(); current && reviews::sha256_hex(*current) == sha256) {
        outcome.unchanged = true;
        return outcome;
    }
    reviews::GlossaryImport import;
    import.at = services.clock.now();
    import.actor = publisher.person.name;
    import.actor_id = publisher.person.id;
    import.sha256 = sha256;
    import.comment = request.comment.empty()
                         ? std::to_string(outcome.concepts) + " concepts, " + std::to_string(outcome.terms) + " terms"
                         : request.comment;
    import.origin = std::filesystem::path(request.file).filename().string();
    store.put_glossary(import, tbx);
    sign_act(store, publisher);
    transaction->commit();
    return outcome;
}

}  // namespace medloc::pipeline
