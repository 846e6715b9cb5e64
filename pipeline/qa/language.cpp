// language.cpp - the language data, read once from the compiled-in JSON.
#include "language.h"

#include "languages_json.h"
#include "locales/locales.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <unicode/locid.h>
#include <algorithm>

namespace medloc::qa {
namespace {

std::vector<std::string> strings(const nlohmann::json& entry, const char* key, bool fold) {
    std::vector<std::string> out;
    if (!entry.contains(key)) return out;
    for (const auto& value : entry.at(key))
        out.push_back(fold ? locales::fold_case(value.get<std::string>()) : value.get<std::string>());
    return out;
}

void add(Language& language, const nlohmann::json& entry) {
    for (const auto& [unit, spellings] : entry.at("units").items())
        for (const auto& spelling : spellings) language.units.push_back({spelling.get<std::string>(), unit});
    for (auto& suffix : strings(entry, "unit_suffixes", false)) language.unit_suffixes.push_back(std::move(suffix));
    for (auto& word : strings(entry, "negation", true)) language.negation.push_back(std::move(word));
    for (auto& part : strings(entry, "negation_parts", true)) language.negation_parts.push_back(std::move(part));
    for (const auto& [number, words] : entry.at("number_words").items())
        for (const auto& word : words)
            language.number_words[std::stoi(number)].push_back(locales::fold_case(word.get<std::string>()));
    for (auto& pm : strings(entry, "pm", false)) language.pm.push_back(std::move(pm));
}

std::map<std::string, Language> read_languages() {
    const nlohmann::json data = nlohmann::json::parse(kLanguagesJson);
    std::map<std::string, Language> languages;
    for (const auto& [code, entry] : data.items()) {
        if (code.starts_with('_') || code == "common") continue;
        Language& language = languages[code];
        add(language, data.at("common"));
        add(language, entry);
    }
    Language& common = languages[""];
    add(common, data.at("common"));
    for (auto& [code, language] : languages) {
        std::stable_sort(language.units.begin(), language.units.end(),
                         [](const UnitSpelling& a, const UnitSpelling& b) { return a.text.size() > b.text.size(); });
        for (std::size_t i = 0; i < language.units.size(); ++i)
            if (!language.units[i].text.empty())
                language.units_by_first_byte[static_cast<unsigned char>(ascii_lower(language.units[i].text[0]))]
                    .push_back(i);
        for (std::size_t i = 0; i < language.negation.size(); ++i)
            if (!language.negation[i].empty())
                language.negation_by_first_byte[static_cast<unsigned char>(language.negation[i][0])].push_back(i);
    }
    return languages;
}

}  // namespace

const Language& language_of(std::string_view locale) {
    static const std::map<std::string, Language> languages = read_languages();
    const std::string code = icu::Locale(std::string(locale).c_str()).getLanguage();
    const auto found = languages.find(code);
    return found != languages.end() ? found->second : languages.at("");
}

}  // namespace medloc::qa
