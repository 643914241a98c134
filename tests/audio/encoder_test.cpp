#include "audio/encoder.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/error.h"
#include "test_util.h"

namespace langdu::audio {
namespace {

std::vector<std::int16_t> Tone(std::size_t count) {
  std::vector<std::int16_t> samples(count);
  for (std::size_t i = 0; i < count; ++i) {
    samples[i] = static_cast<std::int16_t>(6000 * std::sin(static_cast<double>(i) * 0.07));
  }
  return samples;
}

// Encodes `seconds` of a tone in two writes with `tags`, `cover` and `chapters`.
std::filesystem::path EncodeTone(const testing::TempDir& dir, const EncoderSettings& settings,
                                 double seconds, const Tags& tags = {},
                                 const std::optional<Picture>& cover = std::nullopt,
                                 std::span<const ChapterMark> chapters = {}) {
  const auto path = dir / ("tone." + std::string(Extension(settings.format)));
  const std::vector<std::int16_t> samples =
      Tone(static_cast<std::size_t>(seconds * settings.sample_rate_hz / 2));
  const std::unique_ptr<Encoder> encoder = OpenEncoder(path, settings, tags, cover);
  encoder->Write(samples);
  encoder->Write(samples);
  encoder->Finish(chapters);
  return path;
}

EncoderSettings Defaults(Format format) {
  return ResolveEncoder(format, 22050, std::nullopt, std::nullopt, std::nullopt);
}

nlohmann::json Ffprobe(const std::filesystem::path& path) {
  const auto result =
      testing::RunCommand("ffprobe -v error -show_format -show_streams -show_chapters -of json " +
                          testing::Quote(path.string()));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return nlohmann::json::parse(result.out);
}

// Tags by lowercase key, from the container and the audio stream (Ogg keeps them on the stream).
std::map<std::string, std::string> TagsOf(const nlohmann::json& probe) {
  std::map<std::string, std::string> tags;
  for (const auto* where : {&probe["format"], &probe["streams"][0]}) {
    if (!where->contains("tags")) continue;
    for (const auto& [key, value] : (*where)["tags"].items()) {
      std::string lower = key;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      tags[lower] = value.get<std::string>();
    }
  }
  return tags;
}

// Slow: they read files back with ffprobe.
class EncoderSlow : public ::testing::TestWithParam<Format> {};

TEST_P(EncoderSlow, WritesSamplesThatReadBack) {
  testing::TempDir dir;
  const EncoderSettings settings = Defaults(GetParam());
  const auto path = EncodeTone(dir, settings, 2.0);
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  ASSERT_NE(file, nullptr) << sf_strerror(nullptr);
  EXPECT_EQ(info.samplerate, settings.sample_rate_hz);
  EXPECT_EQ(info.channels, 1);
  std::vector<std::int16_t> read(4 * settings.sample_rate_hz);
  const sf_count_t frames = sf_read_short(file, read.data(), static_cast<sf_count_t>(read.size()));
  sf_close(file);
  const std::vector<std::int16_t> written = Tone(static_cast<std::size_t>(settings.sample_rate_hz));
  if (!Info(GetParam()).lossy) {
    EXPECT_EQ(frames, 2 * settings.sample_rate_hz);
    EXPECT_TRUE(std::equal(written.begin(), written.end(), read.begin()));
  } else {
    // Decoders may keep the encoder's delay and padding: at most two MP3 frames (2 × 1152).
    EXPECT_NEAR(static_cast<double>(frames), 2.0 * settings.sample_rate_hz, 2 * 1152);
  }
}

TEST_P(EncoderSlow, EveryFieldCoverAndChapterReadsBackInFfprobe) {
  testing::TempDir dir;
  Tags tags;
  tags.title = "第一，要更加从严从实抓党的政治建设";
  tags.album = "在全区党建工作会上的讲话";
  tags.artist = "张三";
  tags.track = 2;
  tags.track_count = 8;
  tags.date = "2024-05-01";
  tags.comment = "langdu 测试";
  const ChapterMark chapters[] = {{"开头", 0.0, 1.25}, {"第二章 结尾", 1.25, 3.0}};
  const std::optional<Picture> cover = ReadPicture(testing::SourcePath("tests/data/cover.png"));
  const auto path = EncodeTone(dir, Defaults(GetParam()), 3.0, tags, cover, chapters);

  const nlohmann::json probe = Ffprobe(path);
  std::map<std::string, std::string> read = TagsOf(probe);
  EXPECT_EQ(read["title"], tags.title);
  EXPECT_EQ(read["album"], tags.album);
  EXPECT_EQ(read["artist"], tags.artist);
  EXPECT_EQ(read["track"].rfind("2", 0), 0u) << read["track"];
  EXPECT_EQ(read["genre"], "Speech");
  EXPECT_EQ(read["date"], "2024-05-01");
  EXPECT_TRUE(read["language"] == "zh" || read["language"] == "zho") << read["language"];

  ASSERT_EQ(probe["chapters"].size(), 2u) << probe.dump();
  EXPECT_EQ(probe["chapters"][0]["tags"]["title"], "开头");
  EXPECT_EQ(probe["chapters"][1]["tags"]["title"], "第二章 结尾");
  EXPECT_NEAR(std::stod(probe["chapters"][1]["start_time"].get<std::string>()), 1.25, 0.001);

  bool has_cover = false;
  for (const auto& stream : probe["streams"]) {
    if (stream["disposition"]["attached_pic"] == 1) has_cover = stream["codec_name"] == "png";
  }
  EXPECT_TRUE(has_cover) << probe.dump();
}

TEST_P(EncoderSlow, ContainerDurationIsWhatFfprobeReports) {
  testing::TempDir dir;
  const auto path = EncodeTone(dir, Defaults(GetParam()), 2.5);
  const double duration = ContainerDuration(path, GetParam());
  const double probed = std::stod(Ffprobe(path)["format"]["duration"].get<std::string>());
  EXPECT_NEAR(duration, probed, 0.010);
  // MP3 adds LAME's delay and padding (under 2 frames); the others hold what was written.
  EXPECT_NEAR(duration, 2.5, GetParam() == Format::kMp3 ? 0.110 : 0.002);
}

// The pipeline writes blocks of 8192 samples, but an encoder takes any length: libvorbis crashed
// on millions of samples in one call.
TEST_P(EncoderSlow, TakesMinutesOfAudioInOneWrite) {
  testing::TempDir dir;
  const EncoderSettings settings = Defaults(GetParam());
  const auto path = dir / ("long." + std::string(Extension(GetParam())));
  const std::optional<Picture> no_cover;  // the encoder keeps a reference to it
  const std::unique_ptr<Encoder> encoder = OpenEncoder(path, settings, {}, no_cover);
  encoder->Write(Tone(static_cast<std::size_t>(150 * settings.sample_rate_hz)));
  encoder->Finish({});
  EXPECT_NEAR(ContainerDuration(path, GetParam()), 150.0, 0.110);
}

INSTANTIATE_TEST_SUITE_P(Formats, EncoderSlow,
                         ::testing::Values(Format::kWav, Format::kFlac, Format::kMp3, Format::kOgg,
                                           Format::kOpus),
                         [](const auto& info) { return std::string(Extension(info.param)); });

TEST(EncoderSlow, Mp3AtABitrateIsConstant) {
  testing::TempDir dir;
  const auto path =
      EncodeTone(dir, ResolveEncoder(Format::kMp3, 22050, std::nullopt, 64, std::nullopt), 3.0);
  const nlohmann::json probe = Ffprobe(path);
  EXPECT_EQ(probe["streams"][0]["bit_rate"], "64000") << probe.dump();
}

// The same samples and tags give the same bytes (libopusenc would draw the Ogg serial number from
// rand()), and the speed settings reach the codec: they change the bytes.
TEST(Encoder, SameInputSameBytesAndTheSpeedSettingsCount) {
  const auto encode = [](const EncoderSettings& settings) {
    testing::TempDir dir;
    Tags tags;
    tags.title = "第一章";
    return testing::ReadFile(EncodeTone(dir, settings, 3.0, tags));
  };
  const auto with = [](Format format, std::optional<int> mp3_speed,
                       std::optional<int> opus_complexity) {
    return ResolveEncoder(format, 22050, std::nullopt, std::nullopt, std::nullopt, mp3_speed,
                          opus_complexity);
  };
  EXPECT_EQ(encode(with(Format::kOpus, std::nullopt, 0)),
            encode(with(Format::kOpus, std::nullopt, 0)));
  EXPECT_NE(encode(with(Format::kOpus, std::nullopt, 0)),
            encode(with(Format::kOpus, std::nullopt, 10)));
  EXPECT_EQ(encode(with(Format::kMp3, 9, std::nullopt)),
            encode(with(Format::kMp3, 9, std::nullopt)));
  EXPECT_NE(encode(with(Format::kMp3, 9, std::nullopt)),
            encode(with(Format::kMp3, 0, std::nullopt)));
}

TEST(Encoder, UnwritableFolderIsAnOutputError) {
  for (const Format format : {Format::kWav, Format::kMp3, Format::kOpus}) {
    const std::string path = "/nonexistent-folder/x." + std::string(Extension(format));
    try {
      OpenEncoder(path, Defaults(format), {}, std::nullopt);
      FAIL() << "no error";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.kind(), core::ErrorKind::kOutput);
      EXPECT_EQ(std::string(e.what()).rfind(path + ": cannot create: ", 0), 0u) << e.what();
    }
  }
}

}  // namespace
}  // namespace langdu::audio
