// Playing a narrated folder: the manifest read into sentences, their audio cut from the files.
#include "play/recording.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>

#include "core/error.h"
#include "publish/manifest.h"
#include "test_util.h"

namespace langdu::play {
namespace {

using testing::TempDir;
using testing::WriteFile;

// A WAV file at 1000 Hz whose sample i is i (so a cut shows where it came from).
void WriteRamp(const std::filesystem::path& path, int frames) {
  SF_INFO info{};
  info.samplerate = 1000;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
  ASSERT_NE(file, nullptr);
  std::vector<short> samples(static_cast<std::size_t>(frames));
  for (int i = 0; i < frames; ++i) samples[static_cast<std::size_t>(i)] = static_cast<short>(i);
  sf_write_short(file, samples.data(), frames);
  sf_close(file);
}

publish::SentenceRecord Sentence(const std::string& text, double start_s) {
  return {text, {}, text, "", start_s, start_s + 0.2, {}};
}

// Chapter 1 in 01.wav: [甲 at 0.1, 乙 at 0.5] [丙 at 1.2]; chapter 2 in 02.wav: [丁 at 0.3].
void WriteManifest(const std::filesystem::path& path) {
  publish::ManifestWriter writer(path, publish::ManifestHeader{});
  writer.BeginChapter(1, "一");
  publish::ParagraphRecord first;
  first.sentences = {Sentence("甲。", 0.1), Sentence("乙。", 0.5)};
  writer.AddParagraph(first);
  publish::ParagraphRecord second;
  second.sentences = {Sentence("丙\n丙。", 1.2)};
  writer.AddParagraph(second);
  publish::ChapterEnd end;
  end.file_record = publish::FileRecord{"01.wav", "wav", 1000, 2000, 2, 2, 0, 0, ""};
  writer.EndChapter(end);
  writer.BeginChapter(2, "二");
  publish::ParagraphRecord third;
  third.sentences = {Sentence("丁。", 0.3)};
  writer.AddParagraph(third);
  end.file_record = publish::FileRecord{"02.wav", "wav", 1000, 900, 0.9, 0.9, 0, 0, ""};
  writer.EndChapter(end);
  writer.Finish(2, {}, 2.9);
}

TEST(Recording, ReadsTheOutlineAndWhereEachSentenceLies) {
  TempDir dir;
  WriteManifest(dir / "manifest.json");
  const Recording recording = LoadRecording(dir.path());
  ASSERT_EQ(recording.outline.size(), 4);
  EXPECT_EQ(Label(recording.outline, 2), "1.3");
  EXPECT_EQ(recording.outline.sentences[2].text, "丙 丙。");
  EXPECT_EQ(Label(recording.outline, 3), "2.1");
  EXPECT_EQ(recording.outline.paragraph_first, (std::vector<int>{0, 2, 3}));
  ASSERT_EQ(recording.files.size(), 2u);
  EXPECT_EQ(recording.files[1], dir / "02.wav");
  // A sentence runs to the next one's start, so that its pause is heard; the last of a file to
  // the end of the file.
  EXPECT_EQ(recording.sentences[0].start_s, 0.1);
  EXPECT_EQ(recording.sentences[0].end_s, 0.5);
  EXPECT_EQ(recording.sentences[1].end_s, 1.2);
  EXPECT_EQ(recording.sentences[2].end_s, -1);
  EXPECT_EQ(recording.sentences[3].file, 1u);
}

TEST(Recording, CutsEachSentenceFromItsFile) {
  TempDir dir;
  WriteManifest(dir / "manifest.json");
  WriteRamp(dir / "01.wav", 2000);
  WriteRamp(dir / "02.wav", 900);
  const Recording recording = LoadRecording(dir / "manifest.json");
  RecordingSpeech speech(recording);
  EXPECT_EQ(speech.sample_rate_hz(), 1000);
  const std::vector<std::int16_t> second = speech.Audio(1);
  ASSERT_EQ(second.size(), 700u);
  EXPECT_EQ(second.front(), 500);
  EXPECT_EQ(second.back(), 1199);
  EXPECT_EQ(speech.Audio(2).size(), 800u);
  const std::vector<std::int16_t> fourth = speech.Audio(3);
  ASSERT_EQ(fourth.size(), 600u);
  EXPECT_EQ(fourth.front(), 300);
}

TEST(Recording, FasterSpeedShortensTheSentence) {
  TempDir dir;
  WriteManifest(dir / "manifest.json");
  WriteRamp(dir / "01.wav", 2000);
  const Recording recording = LoadRecording(dir.path());
  RecordingSpeech speech(recording);
  speech.SetSpeed(2);
  EXPECT_NEAR(static_cast<double>(speech.Audio(1).size()), 350, 20);
}

TEST(Recording, TimeStretchKeepsThePitch) {
  // One second of 440 Hz at 22050 Hz, played twice as fast: half as long, still 440 Hz.
  constexpr int kRate = 22050;
  std::vector<std::int16_t> tone(kRate);
  for (int i = 0; i < kRate; ++i) {
    tone[static_cast<std::size_t>(i)] =
        static_cast<std::int16_t>(8000 * std::sin(2 * M_PI * 440 * i / kRate));
  }
  const std::vector<std::int16_t> fast = TimeStretch(tone, kRate, 2.0);
  EXPECT_NEAR(static_cast<double>(fast.size()), kRate / 2.0, kRate * 0.02);
  int crossings = 0;
  for (std::size_t i = 1; i < fast.size(); ++i) {
    if ((fast[i - 1] < 0) != (fast[i] < 0)) ++crossings;
  }
  const double hz = crossings / 2.0 / (static_cast<double>(fast.size()) / kRate);
  EXPECT_NEAR(hz, 440, 10);
}

TEST(Recording, ManifestErrorsNameTheFile) {
  TempDir dir;
  WriteFile(dir / "manifest.json", "{");
  const std::string where = (dir / "manifest.json").string();
  try {
    LoadRecording(dir.path());
    FAIL() << "no error";
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kInputDecode);
    EXPECT_EQ(std::string(error.what()), where + ": not a langdu manifest");
  }
  {
    publish::ManifestWriter writer(dir / "manifest.json", publish::ManifestHeader{});
    writer.Finish(0, {}, 0);
  }
  try {
    LoadRecording(dir.path());
    FAIL() << "no error";
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kInputEmpty);
    EXPECT_EQ(std::string(error.what()), where + ": no sentence to play");
  }
}

}  // namespace
}  // namespace langdu::play
