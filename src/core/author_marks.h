#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace langdu::core {

/// A reading the author fixed for a stretch of text (an inline mark {银行|yin2 hang2}, an SSML
/// <phoneme>): bytes [begin, end) are said as `syllables` (tone-numbered pinyin, "v" for ü),
/// whatever the lexicon and the rules would say. Decides before anything else.
struct ForcedReading {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::string> syllables;
};

/// A pause the author asked for ({停顿|500ms}, SSML <break>) at byte `offset`. It ends the clause
/// there and replaces the pause that punctuation would give.
struct AuthorPause {
  std::size_t offset = 0;
  int pause_ms = 0;
};

/// How the author wants a stretch of text read (SSML <say-as interpret-as>).
enum class SayAs {
  kDigits,      ///< digit by digit (一二三)
  kCardinal,    ///< a number (一百二十三)
  kOrdinal,     ///< 第 and a number
  kDate,        ///< a date
  kTime,        ///< a time of day
  kTelephone,   ///< digit by digit in groups, 1 as 幺 (as --yao says)
  kCharacters,  ///< character by character: digits one by one, letters spelled
};

/// A stretch [begin, end) read as `say_as` says.
struct SayAsSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  SayAs say_as = SayAs::kCardinal;
};

/// A stretch [begin, end) said as `alias` (SSML <sub alias>).
struct Substitution {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string alias;
};

/// What the author decided for a sentence, with byte offsets into its text. Spans do not
/// overlap one another; each list is sorted by position.
struct AuthorMarks {
  std::vector<ForcedReading> readings;
  std::vector<AuthorPause> pauses;
  std::vector<SayAsSpan> say_as;
  std::vector<Substitution> substitutions;
  /// Speaking rate for the sentence as a factor of the narrator's (SSML <prosody rate>); 1 = as is.
  double rate = 1.0;

  bool empty() const {
    return readings.empty() && pauses.empty() && say_as.empty() && substitutions.empty() &&
           rate == 1.0;
  }
};

}  // namespace langdu::core
