#pragma once

#include <string>
#include <vector>

#include "core/punctuation.h"

namespace langdu::core {

/// The language (and so the engine voice) a run is spoken in.
enum class Language {
  kMandarin,  ///< spoken by the narrator's Mandarin voice (cmn-latn-pinyin)
  kEnglish,   ///< spoken by the narrator's English voice
};

/// A stretch of one clause spoken in one language. `text` is the exact engine input: for Mandarin,
/// tone-numbered pinyin syllables separated by spaces (`yin2 hang2`), or Han text before the
/// pronunciation stage lands; for English, the words or, when `spell` is set, letters to spell.
struct SpeechRun {
  Language language = Language::kMandarin;
  std::string text;
  bool spell = false;
};

/// A clause: what is said between two pauses. The engine synthesizes one clause per call; the
/// audio stage trims it and then inserts the pause that `pause_after` asks for.
struct SpeechClause {
  std::vector<SpeechRun> runs;
  Pause pause_after = Pause::kNone;
  char engine_mark = '\0';   ///< ASCII mark appended for intonation ('.', ',', '?', '!'), or 0
  std::string display_text;  ///< the source text of this clause, as captions show it
  /// The author's pause after this clause in ms (an inline mark, SSML <break>); when set (≥ 0)
  /// it replaces the length the narrator's voice gives `pause_after`.
  int pause_ms = -1;
  /// Speaking rate as a factor of the narrator's (SSML <prosody rate>); 1 = the narrator's own.
  double rate = 1.0;
};

/// What exactly will be said for one sentence.
struct SpeechScript {
  std::vector<SpeechClause> clauses;
  /// Characters nothing reads, in order: symbols that are dropped, and Han characters with no
  /// known reading (given to the engine as written). Summarized to the user once per input.
  std::vector<std::string> unread;
};

/// The engine input of a clause: its runs separated by spaces, then its mark.
std::string EngineInput(const SpeechClause& clause);

/// The engine input of a whole script, clause by clause, separated by " ".
std::string EngineInput(const SpeechScript& script);

}  // namespace langdu::core
