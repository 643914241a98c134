#pragma once

#include <optional>
#include <string_view>

namespace langdu::core {

/// The pause a punctuation mark asks for. Narrator voices give each class a length in ms
/// (voices/*.json, "pauses_ms"); paragraph and chapter gaps come after a sentence's own pause.
enum class Pause {
  kNone,
  kEnumeration,  ///< 、
  kComma,        ///< ， ,
  kSemicolon,    ///< ； ;
  kColon,        ///< ： :
  kPeriod,       ///< 。 .
  kQuestion,     ///< ？ ?
  kExclamation,  ///< ！ !
  kEllipsis,     ///< …… …
  kDash,         ///< —— —
};

/// One row of the punctuation table.
struct PunctuationClass {
  char32_t code_point;
  Pause pause;
  bool ends_sentence;     ///< 。？！ and their ASCII forms; … only when followed by a closer
  char engine_mark;       ///< the ASCII mark handed to eSpeak for its intonation (',', '.', '?', '!')
};

/// The punctuation table: every mark that drives a pause. Returns nullptr for other code points.
const PunctuationClass* FindPunctuation(char32_t code_point);

/// The name of a pause class as used in voice files and manifests ("comma", "period", ...).
std::string_view PauseName(Pause pause);

/// Parses a pause name; nullopt when the name is unknown.
std::optional<Pause> ParsePauseName(std::string_view name);

/// Closing quotes and brackets: they stay with the sentence or clause they close.
bool IsCloser(char32_t code_point);

}  // namespace langdu::core
