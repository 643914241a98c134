#pragma once

#include <string>
#include <string_view>

#include "core/document.h"
#include "text/cleanup.h"

namespace langdu::text {

struct StructureOptions {
  /// ICU regular expression that a line must match from its start to be a chapter heading;
  /// replaces the built-in table of heading patterns when set.
  std::string chapter_pattern;
  /// false: the whole text is one chapter.
  bool detect_chapters = true;
};

/// Finds the title, chapters, paragraphs and sentences of a cleaned text. `decoded` is the
/// decoded input the cleaned text came from: sentences' source_text and spans refer to it.
/// Throws core::Error(kInputEmpty) naming `where` when the text has nothing to say, and
/// core::Error(kUsage) for an invalid chapter pattern.
core::Document ParseStructure(const CleanText& clean, std::string_view decoded, std::string_view where,
                              const StructureOptions& options = {});

}  // namespace langdu::text
