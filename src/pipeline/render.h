#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/punctuation.h"
#include "pipeline/plan.h"
#include "pronounce/pronouncer.h"
#include "synth/synthesizer.h"
#include "text/tn/normalizer.h"

namespace langdu::pipeline {

/// One clause as synthesized: the engine's samples, untrimmed.
struct RenderedClause {
  std::string display_text;
  std::string engine_input;
  core::Pause pause_after = core::Pause::kNone;
  std::vector<std::int16_t> samples;
  int pause_ms = -1;  ///< the author's pause (core::SpeechClause::pause_ms); -1: none
};

/// One sentence as normalized, pronounced and synthesized.
struct RenderedSentence {
  std::string spoken_text;
  std::string engine_input;
  std::vector<std::string> unread;  ///< characters nothing read, in order
  std::vector<RenderedClause> clauses;
};

/// A work unit's sentences, in order.
struct RenderedUnit {
  std::vector<RenderedSentence> sentences;
};

/// Normalizes, pronounces and synthesizes work units. Holds references: `normalizer`,
/// `pronouncer` and `synthesizer` must outlive it.
class UnitRenderer {
 public:
  UnitRenderer(const text::tn::Normalizer& normalizer, const pronounce::Pronouncer& pronouncer,
               synth::Synthesizer& synthesizer)
      : normalizer_(normalizer), pronouncer_(pronouncer), synthesizer_(synthesizer) {}

  /// The unit's sentences of `document`, rendered. Throws core::Error(kEngine).
  RenderedUnit Render(const core::Document& document, const WorkUnit& unit) const;

  /// One sentence, rendered (also used by `play`).
  RenderedSentence RenderSentence(const core::Sentence& sentence) const;

  /// The synthesizer it renders with (the synthesis workers checkpoint and rewind it).
  synth::Synthesizer& synthesizer() const { return synthesizer_; }

 private:
  const text::tn::Normalizer& normalizer_;
  const pronounce::Pronouncer& pronouncer_;
  synth::Synthesizer& synthesizer_;
};

/// The bytes of a rendered unit, to carry it between processes (or to a cache).
std::string Serialize(const RenderedUnit& unit);

/// Serialize's bytes into `out`, replacing what it held but keeping its capacity, so that a worker
/// reuses one buffer for every unit instead of faulting in megabytes of fresh memory per unit.
void SerializeTo(const RenderedUnit& unit, std::string& out);

/// The unit back from Serialize's bytes. Throws core::Error(kInternal) on truncated or malformed
/// bytes.
RenderedUnit Deserialize(std::string_view bytes);

}  // namespace langdu::pipeline
