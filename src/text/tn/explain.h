#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/spoken_text.h"
#include "text/tn/normalizer.h"

namespace langdu::text::tn {

/// Normalizes `text` line by line: one SpokenText per line, in order. Lines end at "\n" (a "\r"
/// before it is dropped); a final line break does not start another line.
std::vector<core::SpokenText> NormalizeLines(const Normalizer& normalizer, std::string_view text);

/// The reading lint for one normalized line: one line per rewrite and per mark of the author's
/// (rule "author: pinyin" with its syllables, "author: pause" with its length), tab separated,
/// "<line>:<first column>-<last column>\t<rule>\t<source>\t<spoken>\n". Columns count code points
/// of the text without marks, from 1; `line_number` counts from 1.
std::string ExplainRewrites(const core::SpokenText& line, std::size_t line_number);

}  // namespace langdu::text::tn
