#pragma once

#include <cstdint>
#include <vector>

#include "core/speech_script.h"
#include "synth/voice.h"

namespace langdu::synth {

/// What turns one clause into samples. The eSpeak NG engine (synth::Engine) is the real one; tests
/// use a fake. A synthesizer may carry state from call to call (eSpeak NG does: its waveform phase
/// and flutter continue), so whoever needs reproducible output gives every unit of work a
/// synthesizer in the same state (pipeline/synthesis_pool forks one per unit).
class Synthesizer {
 public:
  virtual ~Synthesizer() = default;

  /// The rate of every sample Synthesize returns.
  virtual int sample_rate_hz() const = 0;

  /// The narrator in use: its pauses and rate.
  virtual const Voice& voice() const = 0;

  /// The samples of one clause, untrimmed. Throws core::Error(kEngine) when synthesis fails.
  virtual std::vector<std::int16_t> Synthesize(const core::SpeechClause& clause) = 0;
};

}  // namespace langdu::synth
