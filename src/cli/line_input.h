#pragma once

#include <optional>
#include <string>

namespace langdu::cli {

/// An input read line by line, for the commands that print one output line per input line
/// (`normalize`, `pinyin`). A file is decoded whole, in whatever encoding it is in; standard input
/// ("-") is read as UTF-8 one line at a time, so that each output line can follow its input line
/// at once when another program drives the command.
class LineInput {
 public:
  /// Opens the input. Throws core::Error(kInputMissing, kInputDecode) as pipeline::ReadInput and
  /// text::Decode do.
  explicit LineInput(const std::string& name);

  /// The next line, without its line break (and without a BOM on the first); nullopt at the
  /// end. Throws core::Error(kInputDecode) naming line and byte for invalid UTF-8 on stdin.
  std::optional<std::string> Next();

  /// The 1-based number of the line Next returned last.
  std::size_t line_number() const { return line_number_; }

 private:
  bool stdin_;
  std::string where_;
  std::string text_;          // a decoded file
  std::size_t position_ = 0;  // in text_ (file) or in the bytes read so far (stdin)
  std::size_t line_number_ = 0;
};

}  // namespace langdu::cli
