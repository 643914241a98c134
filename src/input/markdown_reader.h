#pragma once

#include <string_view>

#include "input/reader.h"

namespace langdu::input {

/// Reads Markdown with the CommonMark reference parser (libcmark): headings become chapters (see
/// BuildDocument), emphasis and link text are read and URLs never are, images are read by their
/// alt text, code blocks are skipped unless `options.read_code`, list items, table rows and
/// block quotes are paragraphs, HTML is stripped to its text, and YAML front matter's `title` and
/// `author` become the metadata. Any bytes that decode are valid Markdown: this never fails but
/// for decoding (kInputDecode) or having nothing to say (kInputEmpty).
ReadResult ReadMarkdown(std::string_view where, std::string_view bytes, const ReadOptions& options);

}  // namespace langdu::input
