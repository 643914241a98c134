#pragma once

#include <string>
#include <string_view>

namespace langdu::text {

/// An input decoded to UTF-8.
struct DecodedText {
  std::string utf8;      ///< the text, valid UTF-8, without a byte order mark
  std::string encoding;  ///< the encoding it was read in, as ICU names it ("UTF-8", "GB18030", ...)
};

/// Decodes `bytes` to UTF-8. With an empty `encoding` the encoding is detected: a BOM (UTF-8,
/// UTF-16 LE/BE) wins, then valid UTF-8, then ICU's charset detector among GB18030, Big5 and
/// UTF-16. Bytes that do not decode throw core::Error(kInputDecode) naming `where`, the line and
/// the byte offset in the file: `speech.txt:12: invalid GB18030 at byte 3071`. An unknown
/// `encoding` name throws core::Error(kUsage).
DecodedText Decode(std::string_view bytes, std::string_view where, std::string_view encoding = {});

}  // namespace langdu::text
