// packet.cpp - the printable review packet (see packet.h).
#include "server/packet.h"

#include "app/document_view.h"
#include "app/history.h"
#include "pages.h"

namespace medloc::server {

std::string review_packet(reviews::Store& store, const std::string& document_id, const std::string& locale,
                          const std::string& as_of, const std::string& printed_at) {
    const pipeline::DocumentView view = pipeline::document_view(store, document_id, locale, as_of);
    const pipeline::History history = pipeline::history(store, {document_id, {}, view.locale});
    return packet_page(store.settings(), view, history, printed_at);
}

}  // namespace medloc::server
