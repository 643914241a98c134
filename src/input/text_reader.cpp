#include "input/text_reader.h"

#include "text/cleanup.h"
#include "text/decode.h"

namespace langdu::input {

ReadResult ReadText(std::string_view where, std::string_view bytes, const ReadOptions& options) {
  ReadResult result;
  result.format = InputFormat::kText;
  const text::DecodedText decoded = text::Decode(bytes, where, options.encoding);
  result.encoding = decoded.encoding;
  const text::CleanText clean = text::Cleanup(decoded.utf8);
  result.document = text::ParseStructure(clean, decoded.utf8, where, options.structure);
  return result;
}

}  // namespace langdu::input
