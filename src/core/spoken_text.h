#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/author_marks.h"

namespace langdu::core {

/// One rewrite made by text normalization: source bytes [source_begin, source_end) are spoken as
/// spoken bytes [spoken_begin, spoken_end). `rule` names the rule that chose the reading.
struct Rewrite {
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
  std::size_t spoken_begin = 0;
  std::size_t spoken_end = 0;
  std::string rule;
};

/// A sentence as it will be spoken, with the map back to what the author wrote. Text outside the
/// rewrites is copied unchanged, so every spoken byte maps to a source byte.
struct SpokenText {
  std::string source;
  std::string spoken;
  std::vector<Rewrite> rewrites;  ///< sorted by position, non-overlapping
  /// The author's fixed readings and pauses, with offsets into `spoken`; sorted by position.
  std::vector<ForcedReading> forced = {};
  std::vector<AuthorPause> pauses = {};

  /// The spoken form of a text that needs no rewrite.
  static SpokenText Verbatim(std::string text);

  /// The source byte offset where the spoken byte `spoken_offset` comes from. An offset inside a
  /// rewrite maps to the rewrite's source start (or end, when `at_end` is set).
  std::size_t SourceOffset(std::size_t spoken_offset, bool at_end = false) const;
};

}  // namespace langdu::core
