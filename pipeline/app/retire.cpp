// retire.cpp - documents out of publication, in one signed act.
#include "app/retire.h"

#include "io/errors.h"
#include "locales/names.h"

namespace medloc::pipeline {

void retire_documents(reviews::Store& store, const RetireRequest& request, const Services& services) {
    const SignedIn publisher =
        sign_in(store, request.credentials, {reviews::Role::publisher}, "retire", services.clock);
    const auto transaction = store.transaction(reviews::Access::write);
    for (const std::string& id : request.documents) {
        const auto version = store.current_version(id);
        if (!version || store.is_retired(id))
            throw InputError(locales::visible(id), version ? "is retired already" : "is not a document of this project",
                             "see medloc status");
        reviews::Retirement retirement;
        retirement.at = services.clock.now();
        retirement.actor = publisher.person.name;
        retirement.actor_id = publisher.person.id;
        retirement.document_id = id;
        retirement.version = version->version;
        retirement.comment = request.comment;
        retirement.origin = "medloc retire";
        store.retire_document(retirement);
    }
    sign_act(store, publisher);
    transaction->commit();
}

}  // namespace medloc::pipeline
