#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "text/cleanup.h"

namespace langdu::text {

struct StructureOptions {
  /// ICU regular expression that a line must match from its start to be a chapter heading;
  /// replaces the built-in table of heading patterns (text/chapter_patterns.h) when set.
  std::string chapter_pattern;
  /// false: the whole text is one chapter.
  bool detect_chapters = true;
};

/// Finds the title, chapters, paragraphs and sentences of a cleaned text. `decoded` is the
/// decoded input the cleaned text came from: sentences' source_text and spans refer to it.
///
/// - Title: a first line of at most 40 code points, not ending in punctuation, followed by more
///   text (in blank-line paragraph mode, standing alone). It is spoken: the first paragraph of
///   chapter 1. A Markdown `# Title` counts when no other heading shares its level.
/// - Chapters start at headings from the table in text/chapter_patterns.h; only the rank that
///   comes first in the table among those present splits (第一章 outranks 一、 and 第一，).
///   Text before the first heading is chapter 1, titled with the document title or, with no
///   title, with the start of its first sentence. A heading is spoken: it starts its chapter's
///   first paragraph. The chapter title is the heading line (Markdown # stripped) or, when the
///   heading opens a paragraph (第一，要……。), its first sentence without final punctuation,
///   cut at a clause mark when longer than 40 code points. A chapter holding nothing but its
///   heading (or the title) is merged into the next chapter.
/// - Paragraphs: one per line, or, when the text is hard-wrapped (blank lines between blocks
///   whose lines mostly end without sentence punctuation), one per blank-line separated block
///   with its lines joined (no space between Han characters, one between Latin words).
///   Paragraphs without a letter, digit or Han character (*** separators) are dropped.
/// - Sentences: ICU's zh sentence break, corrected so that closing quotes and brackets stay with
///   the sentence they close and opening ones go with the next; punctuation-only pieces join
///   their neighbour.
///
/// Throws core::Error(kInputEmpty) when nothing is left to say: `<where>: no text to narrate`;
/// core::Error(kUsage) for an invalid chapter pattern (see HeadingMatcher).
core::Document ParseStructure(const CleanText& clean, std::string_view decoded,
                              std::string_view where, const StructureOptions& options = {});

/// Sentences of one paragraph's cleaned text, as [begin, end) byte ranges: ICU's zh sentence
/// break with the corrections ParseStructure makes (quotes and brackets, punctuation-only
/// pieces). Used by the markup readers, which find paragraphs from their markup.
std::vector<std::pair<std::size_t, std::size_t>> SplitSentences(std::string_view paragraph);

/// A chapter title from its heading or first sentence: final punctuation removed, and a long one
/// cut at a clause mark or after 40 code points with "…".
std::string ChapterTitle(std::string_view sentence);

/// `text` without the punctuation at its end (a document title).
std::string WithoutTrailingMarks(std::string_view text);

/// True when `text` has a letter, digit or Han character: something to say.
bool HasSpeakableText(std::string_view text);

}  // namespace langdu::text
