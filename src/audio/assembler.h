#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "audio/sink.h"

namespace langdu::audio {

/// The part of a clause's audio that is speech: [begin, end) in samples.
struct SpeechRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Finds the speech in engine output: from the first to the last sample whose magnitude reaches
/// `threshold`, widened by `margin` samples on each side (kept inside the buffer). An all-silent
/// buffer gives an empty range.
SpeechRange FindSpeech(std::span<const std::int16_t> samples, int threshold, std::size_t margin);

/// Lays out one chapter's audio: speech with the engine's own leading and trailing silence trimmed,
/// and silences of exact length between, streamed straight to a sink. Knows the position of every
/// sample it wrote, which is where the manifest's times come from.
class Assembler {
 public:
  /// `sink` must outlive the assembler.
  Assembler(AudioSink& sink, int sample_rate_hz);

  /// Writes a clause's speech, trimmed. Returns the number of samples written.
  std::size_t AddSpeech(std::span<const std::int16_t> samples);

  /// Writes `ms` milliseconds of silence.
  void AddSilence(int ms);

  /// Samples written so far.
  std::int64_t position() const { return position_; }
  /// Seconds written so far.
  double position_s() const { return static_cast<double>(position_) / sample_rate_hz_; }
  int sample_rate_hz() const { return sample_rate_hz_; }

 private:
  AudioSink& sink_;
  int sample_rate_hz_;
  std::int64_t position_ = 0;
};

}  // namespace langdu::audio
