#pragma once

#include "core/speech_script.h"
#include "core/spoken_text.h"

namespace langdu::pronounce {

struct PronounceOptions {};

/// Turns a sentence's spoken text into a SpeechScript: clauses split at the punctuation table,
/// each with its pause class, its runs by language, and its source text for captions.
class Pronouncer {
 public:
  explicit Pronouncer(PronounceOptions options = {});

  /// What exactly will be said for one sentence.
  core::SpeechScript Script(const core::SpokenText& text) const;

 private:
  PronounceOptions options_;
};

}  // namespace langdu::pronounce
