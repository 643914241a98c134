#include "audio/sound_file.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <vector>

#include "core/error.h"
#include "test_util.h"

namespace langdu::audio {
namespace {

std::vector<std::int16_t> Tone(int count) {
  std::vector<std::int16_t> samples(count);
  for (int i = 0; i < count; ++i) samples[i] = static_cast<std::int16_t>(8000 * std::sin(i * 0.05));
  return samples;
}

class SoundFileTest : public ::testing::TestWithParam<Format> {};

TEST_P(SoundFileTest, WritesSamplesThatReadBack) {
  testing::TempDir dir;
  const auto path = dir / ("chapter." + std::string(Extension(GetParam())));
  const EncoderSettings settings =
      ResolveEncoder(GetParam(), 22050, std::nullopt, std::nullopt, std::nullopt);
  const std::vector<std::int16_t> samples = Tone(settings.sample_rate_hz);
  {
    SoundFileWriter writer(path, settings);
    writer.Write(samples);
    writer.Write(samples);
    writer.Close();
    EXPECT_EQ(writer.samples_written(), 2 * settings.sample_rate_hz);
  }
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  ASSERT_NE(file, nullptr) << sf_strerror(nullptr);
  EXPECT_EQ(info.samplerate, settings.sample_rate_hz);
  EXPECT_EQ(info.channels, 1);
  std::vector<std::int16_t> read(4 * settings.sample_rate_hz);
  const sf_count_t frames = sf_read_short(file, read.data(), static_cast<sf_count_t>(read.size()));
  sf_close(file);
  if (!Info(GetParam()).lossy) {
    EXPECT_EQ(frames, 2 * settings.sample_rate_hz);
    EXPECT_TRUE(std::equal(samples.begin(), samples.end(), read.begin()));
  } else {
    // Decoders may add the encoder's delay and padding: at most a few frames.
    EXPECT_NEAR(static_cast<double>(frames), 2.0 * settings.sample_rate_hz,
                0.1 * settings.sample_rate_hz);
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, SoundFileTest,
                         ::testing::Values(Format::kWav, Format::kFlac, Format::kMp3, Format::kOgg,
                                           Format::kOpus),
                         [](const auto& info) { return std::string(Extension(info.param)); });

TEST(SoundFile, UnwritableFolderIsAnOutputError) {
  try {
    SoundFileWriter writer("/nonexistent-folder/x.wav",
                           EncoderSettings{Format::kWav, 22050, std::nullopt, std::nullopt});
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kOutput);
    EXPECT_EQ(std::string(e.what()).rfind("/nonexistent-folder/x.wav: cannot create: ", 0), 0u)
        << e.what();
  }
}

}  // namespace
}  // namespace langdu::audio
