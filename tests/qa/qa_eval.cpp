// qa_eval: the clinical checks measured (scripts/qa-eval.sh).
//
//   medloc_qa_eval TESTS_DIR [--show | --pairs]
//
// Prints the false errors on the real translations and on the hand-written
// correct ones, and the share of the injected errors caught, per kind of
// error, per check and per language (tests/qa/pairs.h says which pairs).
// --show lists each false error and each injected error missed; --pairs
// prints every pair instead (kind, source, target, tab-separated; kind
// "real" or "correct" for the pairs with no error), for a peer to check.
// Exit 0 when there is no false error and every injected error is caught.
#include "pairs.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

using medloc::qa::Check;
using medloc::qa::Finding;
using medloc::test::Injected;
using medloc::test::Pair;

struct Tally {
    int pairs = 0;
    int caught = 0;
};

std::string share(const Tally& tally) {
    char text[64];
    std::snprintf(text, sizeof text, "%3d of %3d  (%5.1f%%)", tally.caught, tally.pairs,
                  tally.pairs ? 100.0 * tally.caught / tally.pairs : 100.0);
    return text;
}

std::string language(const std::string& locale) { return locale.substr(0, locale.find('-')); }

// False errors of correct pairs, per check; the total. Warnings are
// counted too: they never block, but each is a reviewer's time.
int false_errors(const std::vector<Pair>& pairs, bool show) {
    std::map<std::string, int> errors, warnings;
    int total = 0, warned = 0;
    for (const Pair& pair : pairs)
        for (const Finding& finding : medloc::test::findings_of(pair)) {
            const bool error = finding.severity == medloc::qa::Severity::error;
            ++(error ? errors : warnings)[to_string(finding.check)];
            ++(error ? total : warned);
            if (show)
                std::cout << "    " << (error ? "false error " : "warning ") << to_string(finding.check) << " at "
                          << pair.where << ": " << finding.message << "\n";
        }
    std::cout << "  false errors: " << total;
    for (const auto& [check, count] : errors) std::cout << "  " << check << " " << count;
    std::cout << "\n  warnings: " << warned;
    for (const auto& [check, count] : warnings) std::cout << "  " << check << " " << count;
    std::cout << "\n";
    return total;
}

bool caught(const Injected& injected) {
    for (const Finding& finding : medloc::test::errors_of(injected.pair))
        for (const Check check : injected.caught_by)
            if (finding.check == check) return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: medloc_qa_eval TESTS_DIR [--show | --pairs]\n";
        return 1;
    }
    const std::string tests = argv[1];
    const bool show = argc > 2 && std::string(argv[2]) == "--show";
    try {
        if (argc > 2 && std::string(argv[2]) == "--pairs") {
            for (const Pair& pair : medloc::test::real_translations(tests))
                std::cout << "real\t" << pair.source << "\t" << pair.target << "\n";
            const medloc::test::HandWritten hand = medloc::test::hand_written(tests);
            for (const Pair& pair : hand.correct)
                std::cout << "correct\t" << pair.source << "\t" << pair.target << "\n";
            for (const Injected& injected : hand.injected)
                std::cout << injected.kind << "\t" << injected.pair.source << "\t" << injected.pair.target << "\n";
            return 0;
        }
        const std::vector<Pair> real = medloc::test::real_translations(tests);
        std::cout << "Real translations: " << real.size()
                  << " pairs (es TMX of amps-children, ar and ja asthma plan)\n";
        int wrong = false_errors(real, show);
        const medloc::test::HandWritten hand = medloc::test::hand_written(tests);
        std::cout << "Hand-written translations: " << hand.correct.size() << " pairs (es, de, fr, ar, ja)\n";
        wrong += false_errors(hand.correct, show);

        std::map<std::string, Tally> per_kind, per_check, per_language;
        Tally all;
        for (const Injected& injected : hand.injected) {
            const bool found = caught(injected);
            for (Tally* tally : {&all, &per_kind[injected.kind], &per_check[to_string(injected.caught_by.front())],
                                 &per_language[language(injected.pair.locale)]}) {
                ++tally->pairs;
                tally->caught += found ? 1 : 0;
            }
            if (!found) {
                ++wrong;
                if (show)
                    std::cout << "    missed " << injected.kind << " at " << injected.pair.where << ": "
                              << injected.pair.target << "\n";
            }
        }
        std::cout << "Injected errors caught by their check: " << share(all) << "\n";
        for (const auto* table : {&per_kind, &per_check, &per_language}) {
            const char* by = table == &per_kind ? "kind" : table == &per_check ? "check" : "language";
            std::cout << "  by " << by << ":\n";
            for (const auto& [name, tally] : *table) {
                std::string label = name;
                label.resize(18, ' ');
                std::cout << "    " << label << share(tally) << "\n";
            }
        }
        return wrong == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "medloc_qa_eval: " << e.what() << "\n";
        return 2;
    }
}
