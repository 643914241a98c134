#pragma once

#include <string_view>

#include "input/reader.h"

namespace langdu::input {

/// Reads SSML with libxml2's XML parser (well-formed XML only; no network, no external
/// entities). The root must be <speak>. What each element does (docs/pronunciation.md has the
/// tables):
/// - <p> (<paragraph>) is a paragraph; <s> (<sentence>) a sentence of its own; text outside them
///   joins the paragraph around it. White space collapses as in HTML, and disappears where two
///   Chinese characters meet.
/// - <break time="500ms|1s"/> or strength="none|x-weak|weak|medium|strong|x-strong" (0, 100,
///   200, 400, 700, 1000 ms; medium when neither is given) is an author's pause.
/// - <phoneme alphabet="pinyin|x-pinyin" ph="hang2"> is a forced reading: every syllable must be
///   in the pinyin inventory (tone digits or tone marks), one per character of the text.
/// - <say-as interpret-as="digits|cardinal|ordinal|date|time|telephone|characters"> is read so.
/// - <sub alias="…"> is said as its alias; the text as written stays for captions.
/// - <prosody rate="x-slow|slow|medium|fast|x-fast|N%|+N%|-N%|N"> is a sentence of its own spoken
///   at that rate (a factor of the narrator's: 0.5, 0.75, 1, 1.25, 1.5 for the words; N% and N
///   of the narrator's, +N% and -N% of the enclosing rate; kept within 0.25–4).
/// - <mark name="chapter"/> or <mark name="chapter:标题"/> starts a chapter (titled by the name
///   after the colon, else by its first sentence); other marks are silent.
/// - <meta name="title|author" content="…"/> gives the title and author tags.
/// - Any other element is read as its text, with one warning per element name
///   (`<where>:<line>: unknown SSML element <foo>, read as text`) in ReadResult::warnings.
///
/// Throws core::Error(kInputDecode): `<where>:<line>:<column>: <what>` for malformed XML;
/// `<where>:<line>: <what>` for a root other than <speak>, a bad syllable or syllable count, a
/// bad break time or strength, or a bad rate. kInputEmpty when nothing is left to say.
ReadResult ReadSsml(std::string_view where, std::string_view bytes, const ReadOptions& options);

}  // namespace langdu::input
