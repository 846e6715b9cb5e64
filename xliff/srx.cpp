// srx.cpp - SRX segmentation rules read (see srx.h).
#include "xliff/srx.h"

#include "xliff/xliff.h"
#include "xml_policy.h"

#include <pugixml.hpp>

#include <algorithm>
#include <set>

namespace medloc::xliff {
namespace {

// SRX 2.0 and 1.0 differ in their namespace; elements are known by their
// local name.
std::string_view local_name(pugi::xml_node node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::vector<pugi::xml_node> children_named(pugi::xml_node parent, std::string_view name) {
    std::vector<pugi::xml_node> found;
    for (pugi::xml_node child : parent.children())
        if (child.type() == pugi::node_element && local_name(child) == name) found.push_back(child);
    return found;
}

pugi::xml_node child_named(pugi::xml_node parent, std::string_view name) {
    for (pugi::xml_node child : parent.children())
        if (child.type() == pugi::node_element && local_name(child) == name) return child;
    return {};
}

[[noreturn]] void refuse(pugi::xml_node node, const std::string& what) {
    throw ReadError(offset_of(node), what, "correct the segmentation rules file and give it again");
}

bool yes_or_no(pugi::xml_node node, const char* attribute, bool absent) {
    const pugi::xml_attribute value = node.attribute(attribute);
    if (!value) return absent;
    const std::string_view text = value.value();
    if (text == "yes") return true;
    if (text == "no") return false;
    refuse(node, std::string(attribute) + "=\"" + std::string(text) + "\" is neither \"yes\" nor \"no\"");
}

locales::BreakRule read_rule(pugi::xml_node rule, const std::string& language, std::size_t number) {
    locales::BreakRule read;
    read.breaks = yes_or_no(rule, "break", true);
    const pugi::xml_node before = child_named(rule, "beforebreak"), after = child_named(rule, "afterbreak");
    read.before = before.text().get();
    read.after = after.text().get();
    if (const std::string problem = locales::break_rule_problem(read); !problem.empty()) {
        // Point at the pattern the problem names, where there is one.
        const pugi::xml_node at = problem.find("its beforebreak") != std::string::npos && before ? before
                                  : problem.find("its afterbreak") != std::string::npos && after ? after
                                                                                                 : rule;
        refuse(at, "rule " + std::to_string(number) + " of the language rules \"" + language + "\": " + problem);
    }
    return read;
}

Segmentation::LanguageRules read_language_rules(pugi::xml_node node) {
    Segmentation::LanguageRules language;
    language.name = node.attribute("languagerulename").value();
    if (language.name.empty()) refuse(node, "a <languagerule> has no languagerulename");
    for (pugi::xml_node rule : children_named(node, "rule"))
        language.rules.push_back(read_rule(rule, language.name, language.rules.size() + 1));
    return language;
}

Segmentation::LanguageMap read_map(pugi::xml_node node, const std::set<std::string>& names) {
    Segmentation::LanguageMap map{node.attribute("languagepattern").value(),
                                  node.attribute("languagerulename").value()};
    if (!node.attribute("languagepattern")) refuse(node, "a <languagemap> has no languagepattern");
    if (!locales::language_pattern_matches(map.pattern, "en"))
        refuse(node, "the languagepattern \"" + map.pattern + "\" is not an ICU regular expression");
    if (!names.contains(map.rules))
        refuse(node, "the <languagemap> for \"" + map.pattern + "\" names language rules \"" + map.rules +
                         "\" that the file does not have");
    return map;
}

}  // namespace

std::vector<locales::BreakRule> Segmentation::rules_for(std::string_view locale,
                                                        std::vector<std::string>* names) const {
    std::vector<locales::BreakRule> rules;
    for (const LanguageMap& map : maps) {
        if (!locales::language_pattern_matches(map.pattern, locale).value_or(false)) continue;
        const auto language = std::find_if(languages.begin(), languages.end(),
                                           [&](const LanguageRules& candidate) { return candidate.name == map.rules; });
        if (language == languages.end()) continue;
        rules.insert(rules.end(), language->rules.begin(), language->rules.end());
        if (names) names->push_back(language->name);
        if (!cascade) break;
    }
    return rules;
}

Segmentation read_srx(std::string_view bytes, std::size_t max_depth) {
    pugi::xml_document document;
    load_checked_xml(document, bytes, max_depth, Doctype::external_only,
                     "correct the segmentation rules file and give it again");
    const pugi::xml_node root = document.document_element();
    if (local_name(root) != "srx")
        refuse(root, "not an SRX file (its root element is <" + std::string(root.name()) + ">, not <srx>)");
    const std::string_view version = root.attribute("version").value();
    if (version != "2.0" && version != "1.0")
        refuse(root, "SRX version \"" + std::string(version) + "\": medloc reads SRX 2.0 and 1.0");
    Segmentation segmentation;
    segmentation.cascade = yes_or_no(child_named(root, "header"), "cascade", version == "2.0");
    const pugi::xml_node body = child_named(root, "body");
    std::set<std::string> names;
    for (pugi::xml_node node : children_named(child_named(body, "languagerules"), "languagerule")) {
        segmentation.languages.push_back(read_language_rules(node));
        if (!names.insert(segmentation.languages.back().name).second)
            refuse(node, "two <languagerule>s are named \"" + segmentation.languages.back().name + "\"");
    }
    // SRX 2.0 lists its maps in <maprules>; 1.0 in <maprule>s inside it.
    const pugi::xml_node maprules = child_named(body, "maprules");
    for (pugi::xml_node node : maprules.children()) {
        if (local_name(node) == "languagemap") segmentation.maps.push_back(read_map(node, names));
        if (local_name(node) == "maprule")
            for (pugi::xml_node map : children_named(node, "languagemap"))
                segmentation.maps.push_back(read_map(map, names));
    }
    if (segmentation.maps.empty())
        refuse(root, "the file maps no language to its rules (no <languagemap> in <maprules>)");
    return segmentation;
}

}  // namespace medloc::xliff
