#include "audio/assembler.h"

#include <gtest/gtest.h>

#include "audio/buffer_sink.h"

#include <vector>

namespace langdu::audio {
namespace {

TEST(FindSpeech, TrimsLeadingAndTrailingSilenceKeepingAMargin) {
  std::vector<std::int16_t> samples(1000, 0);
  for (int i = 300; i < 700; ++i) samples[i] = 5000;
  samples[100] = 20;  // dither below the threshold
  const SpeechRange range = FindSpeech(samples, 100, 10);
  EXPECT_EQ(range.begin, 290u);
  EXPECT_EQ(range.end, 710u);
}

TEST(FindSpeech, MarginStaysInsideTheBuffer) {
  std::vector<std::int16_t> samples(100, -3000);
  const SpeechRange range = FindSpeech(samples, 100, 50);
  EXPECT_EQ(range.begin, 0u);
  EXPECT_EQ(range.end, 100u);
}

TEST(FindSpeech, SilenceIsEmpty) {
  std::vector<std::int16_t> samples(500, 3);
  const SpeechRange range = FindSpeech(samples, 100, 10);
  EXPECT_EQ(range.end - range.begin, 0u);
}

TEST(Assembler, PositionCountsSpeechAndSilenceExactly) {
  BufferSink sink;
  Assembler assembler(sink, 22050);
  assembler.AddSilence(300);
  EXPECT_EQ(assembler.position(), 6615);
  std::vector<std::int16_t> clause(22050, 0);
  for (int i = 5000; i < 15000; ++i) clause[i] = 4000;
  const std::size_t written = assembler.AddSpeech(clause);
  EXPECT_EQ(written, 10000u + 2 * 330u);  // 15 ms margin on each side
  assembler.AddSilence(10000);            // longer than one block of zeros
  EXPECT_EQ(assembler.position(), static_cast<std::int64_t>(sink.samples().size()));
  EXPECT_EQ(sink.samples().size(), 6615u + 10660u + 220500u);
  EXPECT_DOUBLE_EQ(assembler.position_s(), static_cast<double>(sink.samples().size()) / 22050);
}

}  // namespace
}  // namespace langdu::audio
