#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "audio/sink.h"

struct soxr;

namespace langdu::audio {

/// A sink that changes the sample rate with libsoxr (high quality, no dither, so the same input
/// gives the same output) and streams the result on to another sink. soxr compensates its own
/// delay: sample n of the input lands at time n / input rate in the output.
class Resampler : public AudioSink {
 public:
  /// `out` must outlive the resampler. Throws core::Error(kInternal) when soxr refuses the rates.
  Resampler(AudioSink& out, int input_rate_hz, int output_rate_hz);
  ~Resampler() override;
  Resampler(const Resampler&) = delete;
  Resampler& operator=(const Resampler&) = delete;

  void Write(std::span<const std::int16_t> samples) override;

  /// Writes what soxr still holds. Call once, after the last Write.
  void Finish();

 private:
  void Process(const std::int16_t* samples, std::size_t count);

  AudioSink& out_;
  soxr* soxr_ = nullptr;
  std::vector<std::int16_t> buffer_;
};

}  // namespace langdu::audio
