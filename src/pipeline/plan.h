#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace langdu::pipeline {

/// A unit of synthesis: a run of sentences of one paragraph. Each unit is synthesized from the
/// same engine state, so its audio depends on its own text only: units can be synthesized in any
/// order, on any worker, or taken from a cache, and the output bytes stay the same.
struct WorkUnit {
  std::size_t chapter = 0;    ///< index into Document::chapters
  std::size_t paragraph = 0;  ///< index into Chapter::paragraphs
  std::size_t first_sentence = 0;
  std::size_t sentence_end = 0;  ///< one past the last
  std::size_t characters = 0;    ///< code points of its sentences' text
};

/// One audio file: a chapter, or the whole book with --single.
struct FilePlan {
  std::string name;  ///< "01-第一章.mp3"
  std::string stem;  ///< "01-第一章": captions are stem + ".srt" ...
  std::string title;
  std::size_t first_chapter = 0;
  std::size_t chapter_end = 0;  ///< one past the last
  std::size_t first_unit = 0;
  std::size_t unit_end = 0;  ///< one past the last
};

/// What one input becomes, decided before any audio is made.
struct Plan {
  std::vector<FilePlan> files;
  std::vector<WorkUnit> units;  ///< in reading order
  std::string cue_sheet;        ///< --single: the cue sheet's name; else empty
};

/// The longest run of sentences (in code points) one unit takes when a paragraph is longer; a
/// longer sentence is a unit alone. About 100 s of speech: small enough to keep a unit's samples
/// (≈ 4 MB) in memory while it waits its turn, large enough that starting a worker per unit costs
/// under 1 %.
inline constexpr std::size_t kUnitCharacters = 400;

/// Plans the files and units of `document` for audio files with `extension` ("mp3"). Pure: it
/// looks at no file.
Plan MakePlan(const core::Document& document, bool single, std::string_view extension,
              std::size_t unit_characters = kUnitCharacters);

}  // namespace langdu::pipeline
