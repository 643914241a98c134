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

}  // namespace langdu::core
