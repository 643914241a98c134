#include "audio/assembler.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace langdu::audio {
namespace {

// About -50 dBFS: below the softest consonant eSpeak makes, above its dithering floor.
constexpr int kSpeechThreshold = 100;
// Keeps the onset of a plosive and the release of a final vowel.
constexpr int kMarginMs = 15;

}  // namespace

SpeechRange FindSpeech(std::span<const std::int16_t> samples, int threshold, std::size_t margin) {
  const auto loud = [threshold](std::int16_t s) {
    return std::abs(static_cast<int>(s)) >= threshold;
  };
  auto first = std::find_if(samples.begin(), samples.end(), loud);
  if (first == samples.end()) return {};
  auto last = std::find_if(samples.rbegin(), samples.rend(), loud);
  const std::size_t begin = static_cast<std::size_t>(first - samples.begin());
  const std::size_t end = samples.size() - static_cast<std::size_t>(last - samples.rbegin());
  return {begin > margin ? begin - margin : 0, std::min(samples.size(), end + margin)};
}

Assembler::Assembler(AudioSink& sink, int sample_rate_hz)
    : sink_(sink), sample_rate_hz_(sample_rate_hz) {}

std::size_t Assembler::AddSpeech(std::span<const std::int16_t> samples) {
  const std::size_t margin = static_cast<std::size_t>(sample_rate_hz_) * kMarginMs / 1000;
  const SpeechRange range = FindSpeech(samples, kSpeechThreshold, margin);
  const std::size_t count = range.end - range.begin;
  if (count > 0) sink_.Write(samples.subspan(range.begin, count));
  position_ += static_cast<std::int64_t>(count);
  return count;
}

void Assembler::AddSilence(int ms) {
  static constexpr std::array<std::int16_t, 4096> kZeros{};
  std::int64_t remaining = static_cast<std::int64_t>(sample_rate_hz_) * ms / 1000;
  position_ += remaining;
  while (remaining > 0) {
    const auto n = static_cast<std::size_t>(std::min<std::int64_t>(remaining, kZeros.size()));
    sink_.Write(std::span<const std::int16_t>(kZeros.data(), n));
    remaining -= static_cast<std::int64_t>(n);
  }
}

}  // namespace langdu::audio
