// Playing a narrated folder: the manifest read into sentences, their audio cut from the files.
#include "play/recording.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>

#include "core/error.h"
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

const char* kManifest = R"({
  "format": "langdu-manifest", "version": 1,
  "chapters": [
    {"number": 1, "file": "01.wav", "paragraphs": [
      {"sentences": [{"source_text": "甲。", "start_s": 0.1, "end_s": 0.3},
                     {"source_text": "乙。", "start_s": 0.5, "end_s": 0.8}]},
      {"sentences": [{"source_text": "丙\n丙。", "start_s": 1.2, "end_s": 1.5}]}]},
    {"number": 2, "file": "02.wav", "paragraphs": [
      {"sentences": [{"source_text": "丁。", "start_s": 0.3, "end_s": 0.6}]}]}
  ]
})";

TEST(Recording, ReadsTheOutlineAndWhereEachSentenceLies) {
  TempDir dir;
  WriteFile(dir / "manifest.json", kManifest);
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
  WriteFile(dir / "manifest.json", kManifest);
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
  WriteFile(dir / "manifest.json", kManifest);
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
  const auto message = [&](const std::string& json) {
    WriteFile(dir / "manifest.json", json);
    try {
      LoadRecording(dir.path());
    } catch (const core::Error& error) {
      return std::to_string(static_cast<int>(core::ExitCode(error.kind()))) + " " + error.what();
    }
    return std::string("no error");
  };
  const std::string where = (dir / "manifest.json").string();
  EXPECT_EQ(message("{"), "4 " + where + ": not a langdu manifest: invalid JSON");
  EXPECT_EQ(message(R"({"format": "langdu-manifest"})"),
            "4 " + where + ": not a langdu manifest: no \"chapters\"");
  EXPECT_EQ(message(R"({"format": "langdu-manifest", "chapters": [{"number": 1, "file": "a.wav",
            "paragraphs": [{"sentences": [{"source_text": "甲", "start_s": "x"}]}]}]})"),
            "4 " + where + ": not a langdu manifest: \"start_s\" is no number");
  EXPECT_EQ(message(R"({"format": "langdu-manifest", "chapters": []})"),
            "5 " + where + ": no sentence to play");
}

}  // namespace
}  // namespace langdu::play
