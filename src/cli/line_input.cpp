#include "cli/line_input.h"

#include <iostream>

#include "core/error.h"
#include "core/utf8.h"
#include "pipeline/input.h"
#include "text/decode.h"

namespace langdu::cli {

LineInput::LineInput(const std::string& name) : stdin_(name == "-"), where_(stdin_ ? "<stdin>" : name) {
  if (!stdin_) text_ = text::Decode(pipeline::ReadInput(name).bytes, name).utf8;
}

std::optional<std::string> LineInput::Next() {
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
