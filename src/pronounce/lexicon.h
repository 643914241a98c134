#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
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

/// The built-in word lexicon (voices/lexicon/zh.lex, format in voices/lexicon/README.md): the
/// file's text, mapped into memory and binary-searched over its sorted lines as they are, with no
/// index to build.
class Lexicon {
 public:
  /// Maps a lexicon file (read-only, shared by the processes forked after). Its lines are not
  /// checked here, so that loading costs nothing; tests check the shipped file with FromText.
  /// Throws core::Error(kData) when it cannot be read.
  static Lexicon Load(const std::filesystem::path& path);

  /// A lexicon from text in the file format, every line checked: fields, order, and no comment or
  /// empty line after the first entry. `where` names it in error messages.
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

  /// Number of entries (counted by a pass over the text).
  std::size_t size() const;

 private:
  LexiconEntry EntryAt(std::size_t offset) const;
  /// The offset of the first entry line whose word is not less than `word`; text_.size() if none.
  std::size_t LowerBound(std::string_view word) const;

  std::shared_ptr<const void> storage_;  ///< owns the bytes of text_: a string or a mapping
  std::string_view text_;
  std::size_t entries_begin_ = 0;  ///< offset of the first entry line, after the comments
};

}  // namespace langdu::pronounce
