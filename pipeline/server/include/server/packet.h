// packet: the printable review packet of one document in one locale: the
// bilingual table with its QA findings, the history summed up, and a
// signature block, for reviewers who sign on paper and for the file.
#pragma once

#include "reviews/store.h"

#include <string>

namespace medloc::server {

// The packet as one self-contained HTML page (its style sheet inside, with
// print rules). Throws UsageError or InputError as document_view does.
std::string review_packet(reviews::Store& store, const std::string& document_id, const std::string& locale,
                          const std::string& as_of, const std::string& printed_at);

}  // namespace medloc::server
