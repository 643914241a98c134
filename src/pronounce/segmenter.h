#pragma once

#include <string>
#include <vector>

#include "pronounce/lexicon.h"
#include "pronounce/user_lexicon.h"

namespace langdu::pronounce {

/// Where a segment's reading comes from.
enum class SegmentSource {
  kUser,     ///< the user's lexicon (--lexicon)
  kFix,      ///< langdu's corrections to the built-in lexicon (voices/lexicon/zh-fixes.tsv)
  kLexicon,  ///< the built-in lexicon
  kUnknown,  ///< a character in no lexicon
};

/// One word of a Han run: characters [begin, end) with one syllable per character.
struct Segment {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::string> syllables;  ///< empty for an unknown character
  SegmentSource source = SegmentSource::kLexicon;
  int cost = 0;  ///< the word's cost in the lexicon (round(-ln(p) * 10)); higher is rarer
};

/// The dictionaries segmentation reads, in order of precedence. The references must outlive
/// the segmenter.
struct Dictionaries {
  const UserLexicon& user;
  const UserLexicon& fixes;
  const Lexicon& lexicon;
};

/// Splits a Han run into words by maximum probability (dynamic programming over the lexicon's
/// unigram costs; a user word costs nothing, so it always wins). `simplified` and `original`
/// hold one character each (they differ for traditional text; both are looked up).
std::vector<Segment> SegmentRun(const std::vector<std::string>& simplified,
                                const std::vector<std::string>& original,
                                const Dictionaries& dictionaries);

/// Groups the words of a run into prosodic words with ICU's word break: runs of one-character
/// words that ICU reads as one word form one prosodic word; a longer word is one by itself.
/// Returns, for each character, the index of its prosodic word.
std::vector<int> ProsodicWords(const std::vector<std::string>& simplified,
                               const std::vector<Segment>& segments);

}  // namespace langdu::pronounce
