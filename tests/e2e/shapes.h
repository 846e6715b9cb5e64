// shapes: the structure of a document as its format's parser sees it, so
// that a translated document can be compared with its source by structure
// rather than by text.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace medloc::test {

// HTML (gumbo): elements and attribute names (not those of <html>, which
// a build localizes) in document order. Markdown
// (md4c): blocks and spans in order. Plain text: blank lines where they
// were, each line's indent and bullet. Chosen by the file's extension.
std::vector<std::string> shape_of(const std::filesystem::path& document, const std::string& bytes);

// The attributes of the <html> element, as gumbo reads them.
std::vector<std::pair<std::string, std::string>> html_root_attributes(const std::string& html);

}  // namespace medloc::test
