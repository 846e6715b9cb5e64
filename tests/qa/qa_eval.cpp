// qa_eval: the clinical checks measured (for scripts/qa-eval.sh, to come).
//
//   medloc_qa_eval TESTS_DIR [--show]
//
// Real translations (TESTS_DIR/translations: the Spanish TMX of
// amps-children, the Arabic and Japanese asthma plan line by line against
// TESTS_DIR/corpus): every error is a false positive. (The set of injected
// errors, the share of them caught, is still to come.)
// Prints the false errors per check.
#include "qa/qa.h"

#include <pugixml.hpp>

#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using medloc::qa::Check;
using medloc::qa::Checker;
using medloc::qa::Finding;
using medloc::qa::Severity;

struct Pair {
    std::string locale;
    std::string source;
    std::string target;
    std::string where;
    bool list_item = false;
    bool keep = false;  // meant to stay as its source (a reference)
};

// Marks the pairs of one document, in order, that stay as their source.
void mark_kept(std::vector<Pair>& pairs) {
    std::vector<medloc::qa::SegmentText> document;
    for (const Pair& pair : pairs) document.push_back({pair.source, {}, pair.list_item});
    const std::vector<bool> kept = medloc::qa::kept_as_source(document);
    for (std::size_t i = 0; i < pairs.size(); ++i) pairs[i].keep = kept[i];
}

bool is_bullet(const std::string& line) { return line.rfind("  \u2022", 0) == 0; }

std::vector<std::string> lines_of(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The TMX's pairs; `original` is the source document, whose lines say
// which pairs are list items.
std::vector<Pair> tmx_pairs(const std::string& path, const std::string& original, const std::string& locale) {
    pugi::xml_document tmx;
    if (!tmx.load_file(path.c_str())) throw std::runtime_error("cannot read " + path);
    const std::vector<std::string> lines = lines_of(original);
    std::vector<Pair> pairs;
    for (const auto& tu : tmx.select_nodes("//tu")) {
        Pair pair{locale, tu.node().select_node("tuv[@xml:lang='en']/seg").node().text().get(),
                  tu.node().select_node("tuv[@xml:lang='es']/seg").node().text().get(),
                  path + " tu " + tu.node().attribute("tuid").value()};
        const std::size_t line = tu.node().select_node("prop[@type='x-source-line']").node().text().as_uint();
        pair.list_item = line > 0 && line <= lines.size() && is_bullet(lines[line - 1]);
        pairs.push_back(std::move(pair));
    }
    mark_kept(pairs);
    return pairs;
}

std::vector<Pair> line_pairs(const std::string& source, const std::string& target, const std::string& locale) {
    const std::vector<std::string> from = lines_of(source), to = lines_of(target);
    if (from.size() != to.size()) throw std::runtime_error(target + " is not line by line with " + source);
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < from.size(); ++i)
        if (from[i].find_first_not_of(" \t") != std::string::npos)
            pairs.push_back({locale, from[i], to[i], target + ":" + std::to_string(i + 1), is_bullet(from[i])});
    mark_kept(pairs);
    return pairs;
}

const Checker& checker_for(const std::string& locale) {
    static std::map<std::string, std::unique_ptr<Checker>> checkers;
    auto& checker = checkers[locale];
    if (!checker) checker = std::make_unique<Checker>("en-US", locale);
    return *checker;
}

std::vector<Finding> errors_of(const Pair& pair) {
    std::vector<Finding> errors;
    for (Finding& finding : checker_for(pair.locale).check(pair.source, pair.target, pair.keep))
        if (finding.severity == Severity::error) errors.push_back(std::move(finding));
    return errors;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: medloc_qa_eval TESTS_DIR [--show]\n";
        return 1;
    }
    const std::string tests = argv[1];
    const bool show = argc > 2 && std::string(argv[2]) == "--show";
    std::vector<Pair> real =
        tmx_pairs(tests + "/translations/amps-children.en-es.tmx", tests + "/corpus/amps-children.txt", "es-US");
    for (const char* locale : {"ar", "ja"}) {
        const auto more = line_pairs(tests + "/corpus/asthma-action-plan.txt",
                                     tests + "/translations/asthma-action-plan." + locale + ".txt", locale);
        real.insert(real.end(), more.begin(), more.end());
    }
    std::map<std::string, int> false_errors;
    for (const Pair& pair : real)
        for (const Finding& finding : errors_of(pair)) {
            ++false_errors[to_string(finding.check)];
            if (show)
                std::cout << "false " << to_string(finding.check) << " at " << pair.where << ": " << finding.message
                          << "\n";
        }
    std::cout << "Real translations: " << real.size() << " pairs (es TMX, ar and ja asthma plan)\n";
    for (const Check check : medloc::qa::kChecks)
        std::cout << "  " << to_string(check) << ": " << false_errors[to_string(check)] << " false errors\n";
    return 0;
}
