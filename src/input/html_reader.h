#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "input/blocks.h"
#include "input/reader.h"

namespace langdu::input {

/// Reads HTML or XHTML with libxml2's HTML parser (which recovers from any markup): h1–h6 are
/// headings (the top levels present become chapters, see BuildDocument), p, li, blockquote, td,
/// dd, figcaption and other blocks are paragraphs; links are read by their text and images by
/// their alt text; script, style, nav, noscript, template and the head are skipped (the <title>
/// and <meta name="author"> become the metadata); pre is code: skipped unless
/// `options.read_code`. Malformed HTML is never an error.
ReadResult ReadHtml(std::string_view where, std::string_view bytes, const ReadOptions& options);

/// The blocks of one HTML or XHTML document already in UTF-8, and what its head says.
struct HtmlContent {
  std::vector<Block> blocks;
  std::string title;
  std::string author;
  /// XHTML only: each element id, and the index in `blocks` of the first block at or after the
  /// element (blocks.size() when none follows), where a link to `#id` lands.
  std::map<std::string, std::size_t> anchors;
};

/// Parses `utf8` (HTML, or XHTML when `xhtml`: an EPUB content document) into blocks, as
/// ReadHtml does. Never fails.
HtmlContent ParseHtml(std::string_view utf8, bool xhtml, bool read_code);

}  // namespace langdu::input
