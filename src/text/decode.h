#pragma once

#include <string>
#include <string_view>

namespace langdu::text {

/// An input decoded to UTF-8.
struct DecodedText {
  std::string utf8;      ///< the text, valid UTF-8, without a byte order mark
  std::string encoding;  ///< the encoding it was read in ("UTF-8", "GB18030", "Big5", "UTF-16LE")
};

/// Decodes `bytes` to UTF-8 and strips a leading byte order mark.
///
/// With an empty `encoding` the encoding is detected: a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE)
/// wins; then text that is valid UTF-8 is UTF-8 (and text that is mostly valid UTF-8 is reported
/// as invalid UTF-8, never guessed as something else); then ICU's charset detector proposes among
/// GB18030, Big5 and BOM-less UTF-16, and the candidate that decodes without error into the most
/// common Han characters wins (the detector alone confuses GB18030 and Big5 on short texts).
///
/// A non-empty `encoding` is an ICU converter name or alias, case-insensitive ("utf-8", "big5",
/// "utf-16le", "gb18030"); "gbk", "gb2312", "cp936" and "euc-cn" read as GB18030, their superset.
///
/// Throws core::Error(kInputDecode) for bytes that do not decode, with the 1-based line and the
/// byte offset in `bytes`: `speech.txt:12: invalid GB18030 at byte 3071`. Throws
/// core::Error(kUsage) for an unknown encoding name: `unknown encoding "xyz"`.
DecodedText Decode(std::string_view bytes, std::string_view where, std::string_view encoding = {});

}  // namespace langdu::text
