#include "audio/format.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace langdu::audio {
namespace {

TEST(Format, ParsesEveryName) {
  for (std::string_view name : FormatNames()) {
    ASSERT_TRUE(ParseFormat(name).has_value()) << name;
    EXPECT_EQ(Extension(*ParseFormat(name)), name);
  }
  EXPECT_EQ(ParseFormat("aiff"), std::nullopt);
}

TEST(Format, SpeechDefaults) {
  const EncoderSettings mp3 =
      ResolveEncoder(Format::kMp3, 22050, std::nullopt, std::nullopt, std::nullopt);
  EXPECT_EQ(mp3.sample_rate_hz, 22050);
  EXPECT_EQ(mp3.quality, 6);
  EXPECT_EQ(mp3.bitrate_kbps, std::nullopt);
  EXPECT_EQ(mp3.mp3_speed, Info(Format::kMp3).default_speed);
  EXPECT_EQ(mp3.opus_complexity, std::nullopt);
  const EncoderSettings opus =
      ResolveEncoder(Format::kOpus, 22050, std::nullopt, std::nullopt, std::nullopt);
  EXPECT_EQ(opus.sample_rate_hz, 24000);
  EXPECT_EQ(opus.bitrate_kbps, 32);
  EXPECT_EQ(opus.opus_complexity, Info(Format::kOpus).default_speed);
  EXPECT_EQ(opus.mp3_speed, std::nullopt);
  const EncoderSettings ogg =
      ResolveEncoder(Format::kOgg, 22050, std::nullopt, std::nullopt, std::nullopt);
  EXPECT_EQ(ogg.quality, 3);
  const EncoderSettings flac =
      ResolveEncoder(Format::kFlac, 22050, 44100, std::nullopt, std::nullopt);
  EXPECT_EQ(flac.sample_rate_hz, 44100);
  EXPECT_EQ(flac.quality, std::nullopt);
  EXPECT_EQ(flac.bitrate_kbps, std::nullopt);
  EXPECT_EQ(flac.mp3_speed, std::nullopt);
  EXPECT_EQ(flac.opus_complexity, std::nullopt);
}

TEST(Format, SpeedsAreKeptForTheirFormat) {
  EXPECT_EQ(
      ResolveEncoder(Format::kMp3, 22050, std::nullopt, std::nullopt, std::nullopt, 9, std::nullopt)
          .mp3_speed,
      9);
  EXPECT_EQ(ResolveEncoder(Format::kOpus, 22050, std::nullopt, std::nullopt, std::nullopt,
                           std::nullopt, 0)
                .opus_complexity,
            0);
}

TEST(Format, BitrateReplacesTheDefaultQuality) {
  const EncoderSettings mp3 = ResolveEncoder(Format::kMp3, 22050, std::nullopt, 64, std::nullopt);
  EXPECT_EQ(mp3.bitrate_kbps, 64);
  EXPECT_EQ(mp3.quality, std::nullopt);
}

struct BadSettings {
  std::string name;
  Format format;
  std::optional<int> rate;
  std::optional<int> bitrate;
  std::optional<int> quality;
  std::string message;
  std::optional<int> mp3_speed = std::nullopt;
  std::optional<int> opus_complexity = std::nullopt;
};

class FormatErrorTest : public ::testing::TestWithParam<BadSettings> {};

TEST_P(FormatErrorTest, IsAUsageErrorNamingTheOption) {
  const BadSettings& c = GetParam();
  try {
    ResolveEncoder(c.format, 22050, c.rate, c.bitrate, c.quality, c.mp3_speed, c.opus_complexity);
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kUsage);
    EXPECT_EQ(std::string(e.what()), c.message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Errors, FormatErrorTest,
    ::testing::Values(
        BadSettings{"OpusAtTheEngineRate", Format::kOpus, 22050, std::nullopt, std::nullopt,
                    "--sample-rate: opus takes 8000, 12000, 16000, 24000 or 48000 Hz, not 22050"},
        BadSettings{"Mp3AtAnOddRate", Format::kMp3, 96000, std::nullopt, std::nullopt,
                    "--sample-rate: mp3 takes 8000, 11025, 12000, 16000, 22050, 24000, 32000, "
                    "44100 or 48000 Hz, not 96000"},
        BadSettings{"WavTooSlow", Format::kWav, 1000, std::nullopt, std::nullopt,
                    "--sample-rate: 1000 is not in 8000..192000"},
        BadSettings{"BitrateOfLossless", Format::kFlac, std::nullopt, 128, std::nullopt,
                    "--bitrate: flac is lossless"},
        BadSettings{"QualityOfLossless", Format::kWav, std::nullopt, std::nullopt, 5,
                    "--quality: wav is lossless"},
        BadSettings{"BitrateOfVorbis", Format::kOgg, std::nullopt, 96, std::nullopt,
                    "--bitrate: ogg takes --quality, not a bitrate"},
        BadSettings{"QualityOfOpus", Format::kOpus, std::nullopt, std::nullopt, 5,
                    "--quality: opus takes --bitrate, not a quality"},
        BadSettings{"Both", Format::kMp3, std::nullopt, 64, 5,
                    "--bitrate and --quality: give one, not both"},
        BadSettings{"Mp3BitrateTooHigh", Format::kMp3, std::nullopt, 400, std::nullopt,
                    "--bitrate: 400 is not in 8..320"},
        BadSettings{"OpusBitrateTooLow", Format::kOpus, std::nullopt, 4, std::nullopt,
                    "--bitrate: 4 is not in 6..256"},
        BadSettings{"QualityTooHigh", Format::kOgg, std::nullopt, std::nullopt, 11,
                    "--quality: 11 is not in 0..10"},
        BadSettings{"Mp3SpeedTooHigh", Format::kMp3, std::nullopt, std::nullopt, std::nullopt,
                    "--mp3-speed: 10 is not in 0..9", 10},
        BadSettings{"Mp3SpeedNegative", Format::kMp3, std::nullopt, std::nullopt, std::nullopt,
                    "--mp3-speed: -1 is not in 0..9", -1},
        BadSettings{"Mp3SpeedOfOpus", Format::kOpus, std::nullopt, std::nullopt, std::nullopt,
                    "--mp3-speed: applies to mp3, not opus", 5},
        BadSettings{"OpusComplexityTooHigh", Format::kOpus, std::nullopt, std::nullopt,
                    std::nullopt, "--opus-complexity: 11 is not in 0..10", std::nullopt, 11},
        BadSettings{"OpusComplexityOfWav", Format::kWav, std::nullopt, std::nullopt, std::nullopt,
                    "--opus-complexity: applies to opus, not wav", std::nullopt, 3}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace langdu::audio
