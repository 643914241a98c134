#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/author_marks.h"
#include "core/document.h"

namespace langdu::text {

/// A text with the author's inline marks taken out, and the marks (byte offsets into `text`).
struct MarkedText {
  std::string text;
  core::AuthorMarks marks;
};

/// Takes the inline marks out of one sentence or line:
/// - `{银行|yin2 hang2}`: 银行 is said as the tone-numbered pinyin after the bar (tones 1-5,
///   5 = neutral; "v" or "ü" for ü), whatever the lexicon says;
/// - `{停顿|500ms}` (or `1s`, `1.5s`): a pause; what stands before the bar is a label, not said;
/// - `\{` is a literal "{".
/// Braces that hold anything else (no bar, text after the bar that is neither pinyin nor a
/// duration, a line break) are ordinary text, kept as written.
MarkedText ExtractInlineMarks(std::string_view text);

/// A pause length as the marks write it ("500ms", "1s", "1.5s"; at most 60 s) in milliseconds;
/// nullopt for anything else. SSML's <break time> takes the same forms.
std::optional<int> ParsePauseMs(std::string_view text);

/// The text of `text` without its inline marks (what captions and outlines show).
std::string StripInlineMarks(std::string_view text);

/// Takes the inline marks out of every sentence of `document` (into Sentence::marks; its
/// source_text loses them too), its title and its chapter titles.
core::Document ExtractInlineMarks(core::Document document);

}  // namespace langdu::text
