#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace langdu::play {

/// One sentence as the player knows it: what to print and where it stands. Sentences are
/// numbered in reading order from 0 (their index in Outline::sentences).
struct OutlineSentence {
  std::string text;   ///< what the author wrote, on one line
  int chapter = 0;    ///< index into Outline::chapter_numbers
  int paragraph = 0;  ///< index of its paragraph in the whole book
  int number = 0;     ///< 1-based within its chapter
};

/// The book's shape: every sentence with its chapter and paragraph. Built once, never changed.
struct Outline {
  std::vector<OutlineSentence> sentences;
  std::vector<int> chapter_numbers;  ///< as the document numbers them (1-based)
  std::vector<int> chapter_first;    ///< the first sentence of each chapter
  std::vector<int> paragraph_first;  ///< the first sentence of each paragraph

  /// Appends a sentence to the last chapter (and to a new paragraph when `new_paragraph`).
  void Add(std::string text, bool new_paragraph);
  /// Starts a chapter; the sentences added next belong to it.
  void BeginChapter(int number);
  int size() const { return static_cast<int>(sentences.size()); }
};

/// The outline of a parsed text. Empty paragraphs and chapters are skipped.
Outline OutlineOf(const core::Document& document);

/// How a key moves through the book.
enum class Move {
  kNextSentence,
  kPreviousSentence,
  kNextParagraph,
  kPreviousParagraph,
  kNextChapter,
  kPreviousChapter,
  kRepeat,
};

/// Where `move` goes from sentence `from`. Moves past the last sentence, paragraph or chapter
/// give nullopt (nothing to go to); moves before the first go to the first sentence.
std::optional<int> Navigate(const Outline& outline, int from, Move move);

/// "3.12": the chapter's number and the sentence's number in it.
std::string Label(const Outline& outline, int sentence);

/// The sentence `chapter`.`sentence` (both 1-based, as Label prints them). Throws
/// core::Error(kUsage) naming `option` when there is no such chapter or sentence.
int Find(const Outline& outline, int chapter, int sentence, const std::string& option);

/// Parses "CHAPTER" or "CHAPTER.SENTENCE" (sentence 1 when left out) and finds it. Throws
/// core::Error(kUsage) naming `option` when it does not parse or is not in the book.
int ParseLabel(const Outline& outline, const std::string& text, const std::string& option);

}  // namespace langdu::play
