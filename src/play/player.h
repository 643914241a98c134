#pragma once

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "play/navigation.h"

namespace langdu::play {

/// Time as the player sees it: the steady clock, or a fake one in tests.
class Clock {
 public:
  virtual ~Clock() = default;
  /// Seconds since some fixed point.
  virtual double now_s() = 0;
  /// Returns once now_s() >= `time_s`.
  virtual void SleepUntil(double time_s) = 0;
};

/// The steady clock of the machine.
class SteadyClock : public Clock {
 public:
  double now_s() override;
  void SleepUntil(double time_s) override;
};

/// Where samples are played: a sound device, or nothing at the pace of a clock.
class AudioOutput {
 public:
  virtual ~AudioOutput() = default;
  /// Plays 16-bit mono samples, returning when the device has taken them (at most a few tens of
  /// milliseconds ahead of what is heard). Throws core::Error(kDevice).
  virtual void Write(std::span<const std::int16_t> samples) = 0;
  /// Silences at once what was written but not yet heard, and returns how many samples that was.
  virtual std::int64_t Stop() = 0;
  /// Waits until everything written has been heard.
  virtual void Drain() = 0;
};

/// Plays into nothing in real time: each Write returns when the clock has run for as long as the
/// samples last, so a listener of the printed text hears it at the pace of speech.
class ClockOutput : public AudioOutput {
 public:
  /// `clock` must outlive the output.
  ClockOutput(Clock& clock, int sample_rate_hz) : clock_(clock), sample_rate_hz_(sample_rate_hz) {}
  void Write(std::span<const std::int16_t> samples) override;
  std::int64_t Stop() override;
  void Drain() override {}

 private:
  Clock& clock_;
  int sample_rate_hz_;
  double due_s_ = 0;  // when the samples written so far have been heard
};

/// What the player sounds: the audio of one sentence, from the engine or from a recording.
class SpeechSource {
 public:
  virtual ~SpeechSource() = default;
  virtual int sample_rate_hz() const = 0;
  /// The samples of sentence `index` (Outline numbering), with the pause that follows it. May
  /// wait while the sentence is made.
  virtual std::vector<std::int16_t> Audio(int index) = 0;
  /// Sets the speed (1 = as recorded or narrated) of the sentences asked for next.
  virtual void SetSpeed(double speed) = 0;
};

/// Keys as they come: from a terminal in raw mode, lines of a pipe, or a script in tests.
class KeySource {
 public:
  virtual ~KeySource() = default;
  /// The next key, waiting at most `timeout_s` for one; nullopt when none came.
  virtual std::optional<char> Next(double timeout_s) = 0;
};

/// What the keys do.
enum class Command { kPause, kMove, kFaster, kSlower, kQuit };

/// One key's meaning; the table of keys is keys.cpp.
struct KeyBinding {
  char key;
  Command command;
  Move move;  ///< for kMove
  const char* help;
};

/// Every key the player knows, in the order the help lists them.
std::span<const KeyBinding> KeyBindings();

/// How a play ended.
enum class Ending {
  kFinished,     ///< the last sentence was heard
  kQuit,         ///< q
  kInterrupted,  ///< a signal (the interrupted flag was set)
};

/// The player's settings.
struct PlayerOptions {
  bool quiet = false;     ///< print nothing
  double chunk_s = 0.05;  ///< samples written at once; keys are read between writes
};

/// Speeds + and - step through, in tenths: 0.5 to 2.5 by 0.1.
inline constexpr int kMinSpeedTenths = 5;
inline constexpr int kMaxSpeedTenths = 25;

/// What the player did.
struct PlayResult {
  Ending ending = Ending::kFinished;
  int sentence = 0;  ///< the sentence playing when it stopped (the last one when finished)
};

/// Plays `outline` from sentence `start` until it ends, q, or `interrupted` becomes true. As each
/// sentence starts, prints "<chapter>.<sentence> <text>" on `out` and flushes it; speed changes
/// and pauses are said on `messages`. Reads keys between writes of `options.chunk_s`.
PlayResult Play(const Outline& outline, int start, SpeechSource& source, AudioOutput& output,
                KeySource& keys, std::FILE* out, std::FILE* messages,
                const volatile std::sig_atomic_t& interrupted, const PlayerOptions& options = {});

}  // namespace langdu::play
