#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace langdu::text {

/// Cleaned text with the map back to the decoded input.
struct CleanText {
  std::string text;
  /// source_offsets[i] is the byte offset in the decoded input of cleaned byte i; it has
  /// text.size() + 1 entries (the last one is the input's size).
  std::vector<std::uint32_t> source_offsets;
};

/// Cleans decoded UTF-8 text, one code point at a time:
/// - NFC (composed with ICU only where the input is not NFC already);
/// - full-width ASCII letters and digits to ASCII (Ａ１ → A1); Chinese punctuation is kept (it
///   drives pauses), which NFKC and ICU's Fullwidth-Halfwidth would fold;
/// - punctuation variants unified from one table: small and vertical forms (﹐︰ → ，：),
///   quote variants (〝〞 → “”), dashes (― — －－ → ——), ellipses (... 。。。 … → ……), other
///   full-width symbols to ASCII (％ → %), and ．：between digits to . and : (３．５, 10：30);
/// - Kangxi radicals (⼀) to the ideographs they stand for;
/// - control characters (but tab) and zero-width characters dropped;
/// - CR LF, CR, NEL, U+2028 and U+2029 to "\n"; runs of spaces, tabs, U+3000 and other spaces
///   inside a line collapsed to one " ", and both ends of every line trimmed.
/// The input must be valid UTF-8 (Decode guarantees it).
CleanText Cleanup(std::string_view utf8);

/// True for what Cleanup drops or turns into white space: spaces, line breaks, control,
/// zero-width and bidi-control characters.
bool IsSilent(char32_t code_point);

}  // namespace langdu::text
