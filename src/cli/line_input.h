#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/author_marks.h"
#include "input/reader.h"

namespace langdu::cli {

/// An input read line by line, for the commands that print one output line per input line
/// (`normalize`, `pinyin`). A plain-text file is decoded whole, in whatever encoding it is in;
/// standard input ("-") is read as UTF-8 one line at a time, so that each output line can follow
/// its input line at once when another program drives the command. An input in a markup format
/// (Markdown, HTML, EPUB: detected, or given by `options.format`) is read whole by its reader,
/// and its "lines" are its paragraphs as they will be read (headings included, markup and code
/// left out). The reader's warnings (an unknown SSML element) go to standard error once.
class LineInput {
 public:
  /// Opens the input. Throws core::Error(kInputMissing, kInputDecode) as pipeline::ReadInput and
  /// input::Read do.
  explicit LineInput(const std::string& name, const input::ReadOptions& options = {});

  /// The next line, without its line break (and without a BOM on the first); nullopt at the
  /// end. Throws core::Error(kInputDecode) naming line and byte for invalid UTF-8 on stdin.
  std::optional<std::string> Next();

  /// The 1-based number of the line Next returned last (for a paragraph of a markup input, the
  /// line where it starts in its source).
  std::size_t line_number() const { return line_number_; }

  /// The author's marks of the line Next returned last, when its reader took them from the
  /// markup (SSML), with offsets into that line; nullptr when the line's marks, if any, are
  /// inline marks still in its text.
  const core::AuthorMarks* marks() const {
    return paragraphs_ && has_marks_ ? &paragraph_lines_[next_paragraph_ - 1].marks : nullptr;
  }

 private:
  bool stdin_;
  std::string where_;
  std::string text_;          // a decoded file
  std::size_t position_ = 0;  // in text_ (file) or in the bytes read so far (stdin)
  std::size_t line_number_ = 0;
  bool paragraphs_ = false;  // lines come from a reader's paragraphs
  struct ParagraphLine {
    std::string text;
    std::size_t line = 0;  // in the source
    core::AuthorMarks marks;
  };
  std::vector<ParagraphLine> paragraph_lines_;
  bool has_marks_ = false;  // the reader took the author's marks out of the markup
  std::size_t next_paragraph_ = 0;
};

}  // namespace langdu::cli
