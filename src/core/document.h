#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/author_marks.h"

namespace langdu::core {

/// Where a piece of text stands in the input. Line and column are 1-based (column counts code
/// points); byte_offset and byte_length index the input decoded to UTF-8 (for a UTF-8 input, the
/// file itself less any BOM).
struct SourceSpan {
  int line = 0;
  int column = 0;
  std::size_t byte_offset = 0;
  std::size_t byte_length = 0;
};

/// One sentence: `text` is the cleaned text that normalization reads; `source_text` is exactly
/// what the author wrote (captions and manifests show it), less any markup (inline marks, SSML).
struct Sentence {
  std::string text;
  std::string source_text;
  SourceSpan span;
  AuthorMarks marks = {};  ///< the author's own readings and pauses, with offsets into `text`
};

struct Paragraph {
  std::vector<Sentence> sentences;
  SourceSpan span;
};

/// A chapter. A heading that stands on its own line is spoken: it is the chapter's first
/// paragraph. A chapter with no heading (the opening) takes the document title as its title.
struct Chapter {
  int number = 0;  ///< 1-based, in reading order
  std::string title;
  std::vector<Paragraph> paragraphs;
};

struct Document {
  std::string title;  ///< empty when the text has no title line
  std::vector<Chapter> chapters;
};

}  // namespace langdu::core
