// Builds an EPUB from a folder kept as text in the repository (samples/moon-lake/), so that no
// binary EPUB is committed:
//   langdu_make_epub FOLDER OUT.epub [NAME=FILE ...]
// adds every file below FOLDER under its relative name, and each FILE as NAME (a binary such as
// the cover image, kept elsewhere). "mimetype" comes first and stored, as EPUB requires; the rest
// are deflated in name order and dated 2026-01-01, so the same files give the same bytes.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "publish/epub/epub.h"

namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  using langdu::publish::epub::EpubEntry;
  if (argc < 3) {
    std::cerr << "usage: langdu_make_epub FOLDER OUT.epub [NAME=FILE ...]\n";
    return 2;
  }
  try {
    const std::filesystem::path folder = argv[1];
    std::vector<EpubEntry> entries;
    for (const auto& file : std::filesystem::recursive_directory_iterator(folder)) {
      if (!file.is_regular_file()) continue;
      entries.push_back({std::filesystem::relative(file.path(), folder).generic_string(),
                         ReadAll(file.path()),
                         {},
                         true});
    }
    for (int i = 3; i < argc; ++i) {
      const std::string argument = argv[i];
      const std::size_t equals = argument.find('=');
      if (equals == std::string::npos) throw std::runtime_error(argument + ": not NAME=FILE");
      entries.push_back(
          {argument.substr(0, equals), ReadAll(argument.substr(equals + 1)), {}, true});
    }
    std::sort(entries.begin(), entries.end(), [](const EpubEntry& a, const EpubEntry& b) {
      return (a.name != "mimetype") != (b.name != "mimetype") ? a.name == "mimetype"
                                                              : a.name < b.name;
    });
    if (entries.empty() || entries.front().name != "mimetype") {
      throw std::runtime_error(folder.string() + ": no mimetype file");
    }
    entries.front().compress = false;
    constexpr long long kJanuary2026 = 1767225600;
    langdu::publish::epub::WriteEpub(argv[2], entries, kJanuary2026);
  } catch (const std::exception& error) {
    std::cerr << "langdu_make_epub: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
