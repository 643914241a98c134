#include "audio/sound_file.h"

#include <sndfile.h>

#include <gtest/gtest.h>

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

TEST_P(SoundFileTest, WritesSamplesAndTagsThatReadBack) {
  testing::TempDir dir;
  const auto path = dir / ("chapter." + std::string(Extension(GetParam())));
  Tags tags;
  tags.title = "第一，要更加从严从实抓党的政治建设";
  tags.album = "在全区党建工作会上的讲话";
  tags.artist = "langdu female";
  tags.track = "2/8";
  const std::vector<std::int16_t> samples = Tone(22050);
  {
    SoundFileWriter writer(path, GetParam(), 22050, tags);
    writer.Write(samples);
    writer.Write(samples);
    writer.Close();
  }
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  ASSERT_NE(file, nullptr) << sf_strerror(nullptr);
  EXPECT_EQ(info.samplerate, 22050);
  EXPECT_EQ(info.channels, 1);
  EXPECT_EQ(info.frames, 44100);
  std::vector<std::int16_t> read(44100);
  EXPECT_EQ(sf_read_short(file, read.data(), 44100), 44100);
  EXPECT_TRUE(std::equal(samples.begin(), samples.end(), read.begin()));  // lossless formats
  ASSERT_NE(sf_get_string(file, SF_STR_TITLE), nullptr);
  EXPECT_STREQ(sf_get_string(file, SF_STR_TITLE), tags.title.c_str());
  EXPECT_STREQ(sf_get_string(file, SF_STR_ALBUM), tags.album.c_str());
  EXPECT_STREQ(sf_get_string(file, SF_STR_ARTIST), tags.artist.c_str());
  sf_close(file);
}

INSTANTIATE_TEST_SUITE_P(Formats, SoundFileTest, ::testing::Values(Format::kWav, Format::kFlac),
                         [](const auto& info) { return std::string(Extension(info.param)); });

TEST(SoundFile, UnwritableFolderIsAnOutputError) {
  try {
    SoundFileWriter writer("/nonexistent-folder/x.wav", Format::kWav, 22050, {});
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kOutput);
    EXPECT_EQ(std::string(e.what()).rfind("/nonexistent-folder/x.wav: cannot create: ", 0), 0u) << e.what();
  }
}

TEST(SoundFile, FormatNames) {
  EXPECT_EQ(ParseFormat("wav"), Format::kWav);
  EXPECT_EQ(ParseFormat("flac"), Format::kFlac);
  EXPECT_EQ(ParseFormat("aiff"), std::nullopt);
}

}  // namespace
}  // namespace langdu::audio
