#include "input/text_reader.h"

#include "text/cleanup.h"
#include "text/decode.h"
#include "text/inline_marks.h"

namespace langdu::input {

ReadResult ReadText(std::string_view where, std::string_view bytes, const ReadOptions& options) {
  ReadResult result;
  result.format = InputFormat::kText;
  const text::DecodedText decoded = text::Decode(bytes, where, options.encoding);
  result.encoding = decoded.encoding;
  const text::CleanText clean = text::Cleanup(decoded.utf8);
  // The author's inline marks ({银行|yin2 hang2}, {停顿|500ms}) leave the text here.
  result.document =
      text::ExtractInlineMarks(text::ParseStructure(clean, decoded.utf8, where, options.structure));
  return result;
}

}  // namespace langdu::input
