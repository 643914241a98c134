#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "core/speech_script.h"
#include "synth/voice.h"

namespace langdu::synth {

/// Thrown by a synthesizer holding a checkpoint when a call would take it where Rewind() cannot
/// bring it back from (eSpeak NG: another voice). Nothing has been synthesized or changed when it
/// is thrown; the caller rewinds and renders the unit in a fresh process instead.
class LeavesCheckpoint : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What turns one clause into samples. The eSpeak NG engine (synth::Engine) is the real one; tests
/// use a fake. A synthesizer may carry state from call to call (eSpeak NG does: its waveform phase
/// and flutter continue), so whoever needs reproducible output gives every unit of work a
/// synthesizer in the same state: pipeline/synthesis_pool rewinds it to a checkpoint, or forks a
/// process per unit when it cannot.
class Synthesizer {
 public:
  virtual ~Synthesizer() = default;

  /// The rate of every sample Synthesize returns.
  virtual int sample_rate_hz() const = 0;

  /// The narrator in use: its pauses and rate.
  virtual const Voice& voice() const = 0;

  /// The samples of one clause, untrimmed. Throws core::Error(kEngine) when synthesis fails.
  virtual std::vector<std::int16_t> Synthesize(const core::SpeechClause& clause) = 0;

  /// Takes the present state as the one Rewind() returns to. From then on, a call that would
  /// leave what Rewind() can undo throws LeavesCheckpoint instead. Returns false when this
  /// synthesizer cannot rewind at all (the default).
  virtual bool Checkpoint() { return false; }

  /// Back to the state of the last Checkpoint(), in place.
  virtual void Rewind() {}

  /// Forgets the checkpoint: every call is allowed again (in a process of its own, which never
  /// rewinds).
  virtual void DropCheckpoint() {}
};

}  // namespace langdu::synth
