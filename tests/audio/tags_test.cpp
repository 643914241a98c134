#include "audio/tags.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "audio/sound_file.h"
#include "core/error.h"
#include "test_util.h"

namespace langdu::audio {
namespace {

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

std::filesystem::path WriteTone(const testing::TempDir& dir, Format format, double seconds) {
  const auto path = dir / ("tone." + std::string(Extension(format)));
  const EncoderSettings settings =
      ResolveEncoder(format, 22050, std::nullopt, std::nullopt, std::nullopt);
  SoundFileWriter writer(path, settings);
  std::vector<std::int16_t> samples(static_cast<std::size_t>(seconds * settings.sample_rate_hz));
  for (std::size_t i = 0; i < samples.size(); ++i) {
    samples[i] = static_cast<std::int16_t>(6000 * std::sin(static_cast<double>(i) * 0.07));
  }
  writer.Write(samples);
  writer.Close();
  return path;
}

class TagsTest : public ::testing::TestWithParam<Format> {};

TEST_P(TagsTest, EveryFieldCoverAndChapterReadsBackInFfprobe) {
  testing::TempDir dir;
  const auto path = WriteTone(dir, GetParam(), 3.0);
  Tags tags;
  tags.title = "第一，要更加从严从实抓党的政治建设";
  tags.album = "在全区党建工作会上的讲话";
  tags.artist = "张三";
  tags.track = 2;
  tags.track_count = 8;
  tags.date = "2024-05-01";
  const ChapterMark chapters[] = {{"开头", 0.0, 1.25}, {"第二章 结尾", 1.25, 3.0}};
  WriteTags(path, GetParam(), tags, ReadPicture(testing::SourcePath("tests/data/cover.png")),
            chapters);

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

INSTANTIATE_TEST_SUITE_P(Formats, TagsTest,
                         ::testing::Values(Format::kWav, Format::kFlac, Format::kMp3, Format::kOgg,
                                           Format::kOpus),
                         [](const auto& info) { return std::string(Extension(info.param)); });

class DurationTest : public ::testing::TestWithParam<Format> {};

TEST_P(DurationTest, ContainerDurationIsWhatFfprobeReports) {
  testing::TempDir dir;
  const auto path = WriteTone(dir, GetParam(), 2.5);
  const double duration = ContainerDuration(path, GetParam());
  const double probed = std::stod(Ffprobe(path)["format"]["duration"].get<std::string>());
  EXPECT_NEAR(duration, probed, 0.010);
  // MP3 adds LAME's delay and padding (under 2 frames); the others hold what was written.
  EXPECT_NEAR(duration, 2.5, GetParam() == Format::kMp3 ? 0.110 : 0.002);
}

INSTANTIATE_TEST_SUITE_P(Formats, DurationTest,
                         ::testing::Values(Format::kWav, Format::kFlac, Format::kMp3, Format::kOgg,
                                           Format::kOpus),
                         [](const auto& info) { return std::string(Extension(info.param)); });

TEST(Tags, CoverMustBeJpegOrPng) {
  testing::TempDir dir;
  testing::WriteFile(dir / "cover.gif", "GIF89a");
  try {
    ReadPicture(dir / "cover.gif");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kUsage);
    EXPECT_EQ(std::string(e.what()),
              "--cover: " + (dir / "cover.gif").string() + ": not a JPEG or PNG image");
  }
}

TEST(Tags, MissingCoverIsAnInputError) {
  try {
    ReadPicture("/nonexistent/cover.png");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kInputMissing);
    EXPECT_EQ(std::string(e.what()), "--cover: /nonexistent/cover.png: cannot read");
  }
}

}  // namespace
}  // namespace langdu::audio
