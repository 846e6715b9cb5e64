// export: one XLIFF file per document for a locale, for CAT tools.
//
// Files go to DIR/LOCALE/DOCUMENT.xlf. In XLIFF 1.2 every unit has a target:
// a translation, or for pending units a copy of the source, since OmegaT
// translates only what is in <target> (PEERS.md); import knows a returned
// copy for what it is. A stale translation (the source changed since) goes
// along as a reference, never as the target.
//
// A pending unit gets what the project's translation memory offers
// (leverage.h): an in-context or exact match pre-fills its target and says
// so, fuzzy matches go beside it; none of it is a translation until a
// translator imports it.
#pragma once

#include "app/services.h"
#include "reviews/store.h"
#include "xliff/xliff.h"

#include <string>
#include <vector>

namespace medloc::pipeline {

struct ExportRequest {
    std::string locale;
    std::string out_dir;
    xliff::Version format = xliff::Version::v1_2;
    bool pending = false;  // only segments that still need translation
    bool pseudo = false;   // pseudo-translated targets
};

struct ExportedFile {
    std::string document_id;
    std::string path;  // "" when the document had nothing to export
    std::size_t units = 0;
    std::size_t pending = 0;
    std::size_t prefilled = 0;  // pending units whose target the memory filled (in context or exact)
    std::size_t fuzzy = 0;      // pending units offered only fuzzy matches
};

struct ExportOutcome {
    std::string locale;
    std::string folder;
    std::vector<ExportedFile> files;
};

ExportOutcome export_locale(reviews::Store& store, const ExportRequest& request, const Services& services);

}  // namespace medloc::pipeline
