#include "audio/resampler.h"

#include <gtest/gtest.h>

#include "audio/buffer_sink.h"

#include <cmath>
#include <numbers>
#include <vector>

namespace langdu::audio {
namespace {

std::vector<std::int16_t> Sine(double hz, int rate, int count) {
  std::vector<std::int16_t> samples(count);
  for (int i = 0; i < count; ++i) {
    samples[i] = static_cast<std::int16_t>(10000 * std::sin(2 * std::numbers::pi * hz * i / rate));
  }
  return samples;
}

int RisingZeroCrossings(const std::vector<std::int16_t>& samples) {
  int crossings = 0;
  for (std::size_t i = 1; i < samples.size(); ++i) {
    if (samples[i - 1] < 0 && samples[i] >= 0) ++crossings;
  }
  return crossings;
}

TEST(Resampler, KeepsDurationAndPitch) {
  BufferSink out;
  Resampler resampler(out, 22050, 24000);
  const std::vector<std::int16_t> input = Sine(440, 22050, 22050);
  // Written in odd pieces, as the assembler does.
  for (std::size_t at = 0; at < input.size(); at += 1000) {
    const std::size_t n = std::min<std::size_t>(1000, input.size() - at);
    resampler.Write(std::span<const std::int16_t>(input.data() + at, n));
  }
  resampler.Finish();
  EXPECT_NEAR(static_cast<double>(out.samples().size()), 24000.0, 2.0);
  // A relabelled rate would play 9 % sharp: 480 cycles instead of 440.
  EXPECT_NEAR(RisingZeroCrossings(out.samples()), 440, 2);
}

TEST(Resampler, SameInputGivesTheSameSamples) {
  BufferSink a;
  BufferSink b;
  for (BufferSink* out : {&a, &b}) {
    Resampler resampler(*out, 22050, 48000);
    resampler.Write(Sine(300, 22050, 5000));
    resampler.Finish();
  }
  EXPECT_EQ(a.samples(), b.samples());
}

}  // namespace
}  // namespace langdu::audio
