#include "audio/m4b_encoder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/error.h"
#include "test_util.h"

namespace langdu::audio {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourcePath;
using testing::TempDir;

constexpr int kRate = 22050;

std::vector<std::int16_t> Tone(double seconds) {
  std::vector<std::int16_t> samples(static_cast<std::size_t>(seconds * kRate));
  for (std::size_t i = 0; i < samples.size(); ++i) {
    samples[i] = static_cast<std::int16_t>(8000 * std::sin(2 * M_PI * 220 * i / kRate));
  }
  return samples;
}

nlohmann::json Probe(const std::filesystem::path& path) {
  const auto result =
      RunCommand("ffprobe -v error -show_format -show_streams -show_chapters -of json " +
                 Quote(path.string()));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return nlohmann::json::parse(result.out);
}

EncoderSettings M4b() {
  EncoderSettings settings;
  settings.format = Format::kM4b;
  settings.sample_rate_hz = kRate;
  settings.bitrate_kbps = 48;
  return settings;
}

std::vector<ChapterMark> Marks(int count, double seconds) {
  std::vector<ChapterMark> marks;
  for (int i = 0; i < count; ++i) {
    marks.push_back(
        {"第" + std::to_string(i + 1) + "章", seconds * i / count, seconds * (i + 1) / count});
  }
  return marks;
}

void Encode(const std::filesystem::path& path, const std::vector<ChapterMark>& marks,
            const std::optional<Picture>& cover, double seconds = 6) {
  Tags tags;
  tags.title = "讲话";
  tags.album = "讲话";
  tags.artist = "某人";
  tags.date = "2020-05-01";
  M4bEncoder writer(path, M4b(), tags, cover);
  const std::vector<std::int16_t> samples = Tone(seconds);
  // In uneven pieces, as the assembler delivers them.
  for (std::size_t at = 0; at < samples.size(); at += 3001) {
    writer.Write(std::span(samples).subspan(at, std::min<std::size_t>(3001, samples.size() - at)));
  }
  writer.Finish(marks);
}

TEST(M4bEncoder, WritesAacWithChaptersTagsAndCover) {
  TempDir dir;
  const auto marks = Marks(3, 6);
  Encode(dir / "book.m4b", marks, ReadPicture(SourcePath("tests/data/cover.png")));
  const nlohmann::json probe = Probe(dir / "book.m4b");
  EXPECT_EQ(probe["streams"][0]["codec_name"], "aac");
  EXPECT_EQ(probe["streams"][0]["sample_rate"], "22050");
  ASSERT_EQ(probe["chapters"].size(), 3u);
  for (std::size_t i = 0; i < marks.size(); ++i) {
    EXPECT_NEAR(std::stod(probe["chapters"][i]["start_time"].get<std::string>()), marks[i].start_s,
                0.05);
    EXPECT_EQ(probe["chapters"][i]["tags"]["title"], marks[i].title);
  }
  const auto& tags = probe["format"]["tags"];
  EXPECT_EQ(tags["title"], "讲话");
  EXPECT_EQ(tags["artist"], "某人");
  EXPECT_EQ(tags["album"], "讲话");
  EXPECT_EQ(tags["genre"], "Speech");
  EXPECT_NEAR(std::stod(probe["format"]["duration"].get<std::string>()), 6, 0.05);
  bool cover = false;
  for (const auto& stream : probe["streams"]) {
    cover |= stream["codec_name"] == "png" && stream["disposition"]["attached_pic"] == 1;
  }
  EXPECT_TRUE(cover);
  // faststart: the index comes before the audio.
  const std::string bytes = ReadFile(dir / "book.m4b");
  EXPECT_LT(bytes.find("moov"), bytes.find("mdat"));
  EXPECT_NE(bytes.find("chpl"), std::string::npos);
}

TEST(M4bEncoder, SameSamplesGiveTheSameBytes) {
  TempDir dir;
  Encode(dir / "a.m4b", Marks(2, 2), std::nullopt, 2);
  Encode(dir / "b.m4b", Marks(2, 2), std::nullopt, 2);
  EXPECT_EQ(ReadFile(dir / "a.m4b"), ReadFile(dir / "b.m4b"));
}

TEST(M4bEncoder, MoreChaptersThanNeroHoldsGoInTheChapterTrackAlone) {
  TempDir dir;
  Encode(dir / "long.m4b", Marks(300, 30), std::nullopt, 30);
  EXPECT_EQ(Probe(dir / "long.m4b")["chapters"].size(), 300u);
  // A Nero list cut at 255 would make its last chapter run to the end: past the limit, none.
  EXPECT_EQ(ReadFile(dir / "long.m4b").find("chpl"), std::string::npos);
}

TEST(M4bEncoder, AsManyChaptersAsNeroHoldsGoInBothLists) {
  TempDir dir;
  Encode(dir / "full.m4b", Marks(255, 26), std::nullopt, 26);
  EXPECT_EQ(Probe(dir / "full.m4b")["chapters"].size(), 255u);
  // The chpl box: size, "chpl", version and flags, 4 reserved bytes, then the entry count.
  const std::string bytes = ReadFile(dir / "full.m4b");
  const auto chpl = bytes.find("chpl");
  ASSERT_NE(chpl, std::string::npos);
  EXPECT_EQ(static_cast<unsigned char>(bytes[chpl + 12]), kNeroChapterLimit);
}

TEST(M4bEncoder, UnwritablePathIsAnOutputError) {
  try {
    M4bEncoder writer("/nonexistent/x.m4b", M4b(), {}, std::nullopt);
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kOutput);
    EXPECT_EQ(std::string(e.what()).rfind("/nonexistent/x.m4b: cannot write M4B (create): ", 0), 0u)
        << e.what();
  }
}

}  // namespace
}  // namespace langdu::audio
