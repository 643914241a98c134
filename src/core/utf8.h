#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace langdu::core {

/// Decodes the code point at `pos` in valid UTF-8 and advances `pos` past it. The text must be
/// valid UTF-8 (the decode stage guarantees it for everything after it).
char32_t NextCodePoint(std::string_view text, std::size_t& pos);

/// The UTF-8 encoding of `code_point`.
std::string EncodeUtf8(char32_t code_point);

/// Length of the valid UTF-8 sequence at `pos` (1 to 4), or 0 when the bytes there are not valid
/// UTF-8 (overlong, surrogate, out of range, truncated).
std::size_t ValidSequenceLength(std::string_view text, std::size_t pos);

/// Number of code points in valid UTF-8.
std::size_t CodePointCount(std::string_view text);

/// True for CJK unified ideographs (base, extensions A-G, compatibility).
bool IsHan(char32_t code_point);

/// True for the ASCII digits 0-9 (full-width digits are folded to these by cleanup).
constexpr bool IsDigit(char32_t code_point) { return code_point >= U'0' && code_point <= U'9'; }

/// True for the full-width digits ０-９.
constexpr bool IsFullwidthDigit(char32_t code_point) {
  return code_point >= 0xFF10 && code_point <= 0xFF19;
}

/// True for line breaks: LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
constexpr bool IsLineBreak(char32_t c) {
  return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/// True for white space within a line: space, tab, CR, the ideographic space, no-break spaces
/// and the typographic spaces U+2000-U+200A.
constexpr bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

/// True for any white space: IsSpace or IsLineBreak.
constexpr bool IsWhiteSpace(char32_t c) { return IsSpace(c) || IsLineBreak(c); }

}  // namespace langdu::core
