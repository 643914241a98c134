#include "core/spoken_text.h"

namespace langdu::core {

SpokenText SpokenText::Verbatim(std::string text) {
  SpokenText spoken_text;
  spoken_text.spoken = text;
  spoken_text.source = std::move(text);
  return spoken_text;
}

std::size_t SpokenText::SourceOffset(std::size_t spoken_offset, bool at_end) const {
  std::ptrdiff_t shift = 0;  // source offset minus spoken offset after the rewrites passed so far
  for (const Rewrite& r : rewrites) {
    // An end right before a rewrite does not take it in: "在德国，" ends where "十六" (16) starts.
    if (spoken_offset < r.spoken_begin || (at_end && spoken_offset == r.spoken_begin)) break;
    if (spoken_offset < r.spoken_end ||
        (spoken_offset == r.spoken_end && at_end && spoken_offset > r.spoken_begin)) {
      return at_end ? r.source_end : r.source_begin;
    }
    shift = static_cast<std::ptrdiff_t>(r.source_end) - static_cast<std::ptrdiff_t>(r.spoken_end);
  }
  return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(spoken_offset) + shift);
}

}  // namespace langdu::core
