#include "cli/line_input.h"

#include <iostream>

#include "core/error.h"
#include "core/utf8.h"
#include "pipeline/input.h"
#include "text/decode.h"

namespace langdu::cli {
namespace {

// A sentence's marks added to its paragraph's, the sentence starting at byte `offset`.
void AppendMarks(core::AuthorMarks& to, const core::AuthorMarks& from, std::size_t offset) {
  for (core::ForcedReading reading : from.readings) {
    reading.begin += offset;
    reading.end += offset;
    to.readings.push_back(std::move(reading));
  }
  for (core::AuthorPause pause : from.pauses) {
    pause.offset += offset;
    to.pauses.push_back(pause);
  }
  for (core::SayAsSpan span : from.say_as) {
    span.begin += offset;
    span.end += offset;
    to.say_as.push_back(span);
  }
  for (core::Substitution sub : from.substitutions) {
    sub.begin += offset;
    sub.end += offset;
    to.substitutions.push_back(std::move(sub));
  }
}

}  // namespace

LineInput::LineInput(const std::string& name, const input::ReadOptions& options)
    : stdin_(name == "-"), where_(stdin_ ? "<stdin>" : name) {
  // Standard input in auto mode stays line by line: it cannot be sniffed without waiting for
  // all of it.
  if (stdin_ && (options.format == input::InputFormat::kAuto ||
                 options.format == input::InputFormat::kText)) {
    return;
  }
  const std::string bytes = pipeline::ReadInput(name).bytes;
  if (input::ResolveFormat(options.format, where_, bytes) == input::InputFormat::kText) {
    text_ = text::Decode(bytes, where_, options.encoding).utf8;
    stdin_ = false;
    return;
  }
  paragraphs_ = true;
  const input::ReadResult read = input::Read(where_, bytes, options);
  for (const std::string& warning : read.warnings) {
    std::cerr << "langdu: warning: " << warning << '\n';
  }
  has_marks_ = read.format == input::InputFormat::kSsml;
  for (const core::Chapter& chapter : read.document.chapters) {
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      ParagraphLine line;
      line.line = static_cast<std::size_t>(paragraph.span.line);
      for (const core::Sentence& sentence : paragraph.sentences) {
        AppendMarks(line.marks, sentence.marks, line.text.size());
        line.text += sentence.text;
      }
      paragraph_lines_.push_back(std::move(line));
    }
  }
}

std::optional<std::string> LineInput::Next() {
  if (paragraphs_) {
    if (next_paragraph_ >= paragraph_lines_.size()) return std::nullopt;
    line_number_ = paragraph_lines_[next_paragraph_].line;
    return paragraph_lines_[next_paragraph_++].text;
  }
  std::string line;
  if (stdin_) {
    if (!std::getline(std::cin, line)) return std::nullopt;
    ++line_number_;
    const std::size_t line_start = position_;
    position_ += line.size() + 1;
    for (std::size_t pos = 0; pos < line.size();) {
      const std::size_t length = core::ValidSequenceLength(line, pos);
      if (length == 0) {
        throw core::Error(core::ErrorKind::kInputDecode,
                          where_ + ":" + std::to_string(line_number_) + ": invalid UTF-8 at byte " +
                              std::to_string(line_start + pos));
      }
      pos += length;
    }
    if (line_number_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  } else {
    if (position_ >= text_.size()) return std::nullopt;
    std::size_t end = text_.find('\n', position_);
    if (end == std::string::npos) end = text_.size();
    line = text_.substr(position_, end - position_);
    position_ = end + 1;
    ++line_number_;
  }
  if (line.ends_with('\r')) line.pop_back();
  return line;
}

}  // namespace langdu::cli
