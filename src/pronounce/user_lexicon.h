#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace langdu::pronounce {

/// Words with the readings a user chose (`--lexicon FILE`); they win over the built-in lexicon.
struct UserLexicon {
  /// word (UTF-8) -> one normalized syllable per character ("yin2", "hang2")
  std::map<std::string, std::vector<std::string>, std::less<>> words;

  /// Reads a TSV file (`word<TAB>pin1 yin1` per line, '#' comments) or a W3C PLS 1.0 file with
  /// alphabet="x-pinyin" (recognized by its leading '<'). Throws core::Error(kData) naming the
  /// file and line for an unreadable file, a malformed line or element, an unknown syllable, or a
  /// syllable count that differs from the word's character count.
  static UserLexicon Load(const std::filesystem::path& path);

  /// Parses the text of a user lexicon; `where` names it in error messages.
  static UserLexicon Parse(std::string_view text, std::string_view where);
};

}  // namespace langdu::pronounce
