#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace langdu::pronounce {

/// One entry of the built-in lexicon (views into the lexicon's text).
struct LexiconEntry {
  std::string_view word;
  int cost = 0;  ///< round(-ln(p) * 10) for the word's unigram probability p
  /// Syllables separated by spaces; empty when they are the characters' default readings. For one
  /// character: its readings separated by '|', the default first.
  std::string_view pinyin;
};

/// The built-in word lexicon (voices/lexicon/zh.lex, format in voices/lexicon/README.md): kept as
/// the file's text, with an index of its sorted lines for binary search.
class Lexicon {
 public:
  /// Reads a lexicon file. Throws core::Error(kData) when it cannot be read or a line is invalid.
  static Lexicon Load(const std::filesystem::path& path);

  /// A lexicon from text in the file format; `where` names it in error messages.
  static Lexicon FromText(std::string text, std::string_view where);

  /// The entry for `word`, if any.
  std::optional<LexiconEntry> Find(std::string_view word) const;

  /// True when some entry starts with `prefix`.
  bool HasPrefix(std::string_view prefix) const;

  /// The readings of one character (UTF-8), the default first; empty when it is not in the
  /// lexicon.
  std::vector<std::string> Readings(std::string_view character) const;

  /// The syllables of a word entry: its own pinyin, or the default readings of its characters.
  /// Empty when a character has no reading.
  std::vector<std::string> Syllables(const LexiconEntry& entry) const;

  /// Number of entries.
  std::size_t size() const { return lines_.size(); }

 private:
  LexiconEntry EntryAt(std::size_t index) const;
  std::size_t LowerBound(std::string_view word) const;

  std::string text_;
  std::vector<std::uint32_t> lines_;  ///< byte offset of each entry line in text_
};

}  // namespace langdu::pronounce
