#pragma once

#include <string_view>

#include "input/reader.h"

namespace langdu::input {

/// Reads plain text: decode (text/decode), cleanup, scraper-noise lines dropped, then the
/// structure heuristics of text/structure (headings, front and back matter, hard wrapping).
/// Throws as Read does.
ReadResult ReadText(std::string_view where, std::string_view bytes, const ReadOptions& options);

}  // namespace langdu::input
