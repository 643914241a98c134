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

/// Cleans decoded UTF-8 text with ICU: NFC; full-width ASCII letters and digits to half-width;
/// punctuation variants unified (Chinese punctuation kept: it drives pauses); control and
/// zero-width characters dropped; runs of white space inside a line collapsed. Line breaks are
/// kept (as "\n") so that the structure stage sees lines.
CleanText Cleanup(std::string_view utf8);

}  // namespace langdu::text
