// End-to-end tests of what `langdu narrate` writes: every format read back with ffprobe and
// libsndfile, tags, chapter marks, captions against the manifest, playlists.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/utf8.h"
#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::RunLangdu;
using testing::SourcePath;
using testing::TempDir;

const std::string kStory = "samples/three-chapters.txt";

nlohmann::json Ffprobe(const std::filesystem::path& path) {
  const auto result =
      RunCommand("ffprobe -v error -show_format -show_streams -show_chapters -of json " +
                 Quote(path.string()));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return nlohmann::json::parse(result.out);
}

double Number(const nlohmann::json& value) { return std::stod(value.get<std::string>()); }

std::string Tag(const nlohmann::json& probe, const std::string& key) {
  for (const auto* where : {&probe["format"], &probe["streams"][0]}) {
    if (!where->contains("tags")) continue;
    for (const auto& [name, value] : (*where)["tags"].items()) {
      if (strcasecmp(name.c_str(), key.c_str()) == 0) return value.get<std::string>();
    }
  }
  return "";
}

nlohmann::json Narrate(const TempDir& out, const std::string& options) {
  const auto result = RunLangdu("narrate -q " + Quote(SourcePath(kStory).string()) + " -o " +
                                Quote(out.path().string()) + " " + options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return nlohmann::json::parse(ReadFile(out / "manifest.json"));
}

std::string Stem(const std::string& file) { return file.substr(0, file.rfind('.')); }

struct SrtCue {
  double start_s;
  double end_s;
  std::vector<std::string> lines;
};

std::vector<SrtCue> ReadSrt(const std::filesystem::path& path) {
  std::vector<SrtCue> cues;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    int t[8];
    if (std::sscanf(line.c_str(), "%d:%d:%d,%d --> %d:%d:%d,%d", &t[0], &t[1], &t[2], &t[3], &t[4],
                    &t[5], &t[6], &t[7]) != 8) {
      continue;
    }
    const auto at = [&](int i) {
      return t[i] * 3600.0 + t[i + 1] * 60.0 + t[i + 2] + t[i + 3] / 1000.0;
    };
    SrtCue cue{at(0), at(4), {}};
    while (std::getline(in, line) && !line.empty()) cue.lines.push_back(line);
    cues.push_back(cue);
  }
  return cues;
}

class FormatTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FormatTest, ChapterFilesMatchTheManifestAndCarryTagsAndCaptions) {
  TempDir out;
  const nlohmann::json manifest = Narrate(out, "--format " + GetParam());
  ASSERT_GE(manifest["chapters"].size(), 2u);
  const std::string playlist = ReadFile(out / "playlist.m3u8");
  EXPECT_EQ(playlist.rfind("#EXTM3U\n", 0), 0u);
  EXPECT_TRUE(std::filesystem::exists(out / "chapters.vtt"));
  ASSERT_EQ(manifest["files"].size(), manifest["chapters"].size());
  for (const auto& chapter : manifest["chapters"]) {
    const std::string file = chapter["file"];
    const auto path = out / file;
    SCOPED_TRACE(file);
    EXPECT_EQ(chapter["format"], GetParam());
    EXPECT_EQ(chapter["bytes"].get<std::uintmax_t>(), std::filesystem::file_size(path));
    EXPECT_GT(chapter["bitrate_kbps"].get<double>(), 0);
    EXPECT_NE(playlist.find("," + chapter["title"].get<std::string>() + "\n" + file + "\n"),
              std::string::npos)
        << playlist;

    const nlohmann::json probe = Ffprobe(path);
    EXPECT_NEAR(Number(probe["format"]["duration"]), chapter["duration_s"].get<double>(), 0.020);
    EXPECT_EQ(Tag(probe, "title"), chapter["title"]);
    EXPECT_EQ(Tag(probe, "album"), manifest["title"]);
    EXPECT_EQ(Tag(probe, "genre"), "Speech");
    EXPECT_EQ(Tag(probe, "track").rfind(std::to_string(chapter["number"].get<int>()), 0), 0u);

    SF_INFO info{};
    SNDFILE* sound = sf_open(path.c_str(), SFM_READ, &info);
    ASSERT_NE(sound, nullptr) << sf_strerror(nullptr);
    sf_close(sound);
    EXPECT_EQ(info.channels, 1);

    // Captions: each cue starts where a clause starts and ends where one ends.
    std::set<long long> starts;
    std::set<long long> ends;
    std::string spoken;
    for (const auto& paragraph : chapter["paragraphs"]) {
      for (const auto& sentence : paragraph["sentences"]) {
        for (const auto& clause : sentence["clauses"]) {
          if (clause["end_s"].get<double>() <= clause["start_s"].get<double>()) continue;
          starts.insert(std::llround(clause["start_s"].get<double>() * 1000));
          ends.insert(std::llround(clause["end_s"].get<double>() * 1000));
          spoken += clause["text"].get<std::string>();
        }
      }
    }
    const std::vector<SrtCue> cues = ReadSrt(out / (Stem(file) + ".srt"));
    ASSERT_FALSE(cues.empty());
    std::string shown;
    for (const SrtCue& cue : cues) {
      EXPECT_TRUE(starts.count(std::llround(cue.start_s * 1000))) << cue.start_s;
      EXPECT_TRUE(ends.count(std::llround(cue.end_s * 1000))) << cue.end_s;
      EXPECT_LE(cue.lines.size(), 2u);
      for (const std::string& line : cue.lines) {
        EXPECT_LE(core::CodePointCount(line), 20u) << line;
        shown += line;
      }
    }
    std::erase(spoken, ' ');
    std::erase(shown, ' ');
    EXPECT_EQ(shown, spoken);
    EXPECT_EQ(ReadFile(out / (Stem(file) + ".vtt")).rfind("WEBVTT\n", 0), 0u);
    EXPECT_NE(ReadFile(out / (Stem(file) + ".lrc")).find("[ti:"), std::string::npos);
  }
}

TEST_P(FormatTest, SingleFileHasChapterMarksAndACueSheet) {
  TempDir out;
  const nlohmann::json manifest = Narrate(out, "--single --format " + GetParam());
  ASSERT_EQ(manifest["files"].size(), 1u);
  const std::string file = manifest["files"][0]["file"];
  const nlohmann::json probe = Ffprobe(out / file);
  EXPECT_NEAR(Number(probe["format"]["duration"]), manifest["files"][0]["duration_s"].get<double>(),
              0.020);
  ASSERT_EQ(probe["chapters"].size(), manifest["chapters"].size()) << probe["chapters"].dump();
  for (std::size_t i = 0; i < probe["chapters"].size(); ++i) {
    const auto& mark = probe["chapters"][i];
    const auto& chapter = manifest["chapters"][i];
    EXPECT_EQ(mark["tags"]["title"], chapter["title"]);
    EXPECT_EQ(chapter["file"], file);
    EXPECT_NEAR(Number(mark["start_time"]), chapter["start_s"].get<double>(), 0.020);
  }
  const std::string cue = ReadFile(out / (Stem(file) + ".cue"));
  const std::string type = file.ends_with(".mp3") ? "MP3" : "WAVE";
  EXPECT_NE(cue.find("FILE \"" + file + "\" " + type + "\n"), std::string::npos) << cue;
  EXPECT_NE(cue.find("  TRACK 02 AUDIO\n"), std::string::npos) << cue;
  EXPECT_EQ(ReadFile(out / "playlist.m3u8").find("#EXTM3U\n#EXTINF:"), 0u);
}

INSTANTIATE_TEST_SUITE_P(Formats, FormatTest,
                         ::testing::Values("wav", "flac", "mp3", "ogg", "opus"),
                         [](const auto& info) { return info.param; });

TEST(AudioOutputs, DefaultIsMp3) {
  TempDir out;
  const nlohmann::json manifest = Narrate(out, "");
  EXPECT_EQ(manifest["options"]["format"], "mp3");
  EXPECT_EQ(
      Ffprobe(out / manifest["chapters"][0]["file"].get<std::string>())["streams"][0]["codec_name"],
      "mp3");
}

TEST(AudioOutputs, SampleRateResamplesAndKeepsTheDuration) {
  TempDir out;
  const nlohmann::json manifest = Narrate(out, "--format flac --sample-rate 16000");
  const auto& chapter = manifest["chapters"][0];
  const nlohmann::json probe = Ffprobe(out / chapter["file"].get<std::string>());
  EXPECT_EQ(probe["streams"][0]["sample_rate"], "16000");
  EXPECT_EQ(chapter["sample_rate_hz"], 16000);
  EXPECT_NEAR(Number(probe["format"]["duration"]), chapter["duration_s"].get<double>(), 0.001);
  // The same speech as at the engine's rate: resampled, not relabelled.
  TempDir engine_rate;
  const nlohmann::json original = Narrate(engine_rate, "--format flac");
  EXPECT_NEAR(chapter["duration_s"].get<double>(),
              original["chapters"][0]["duration_s"].get<double>(), 0.001);
}

TEST(AudioOutputs, JobsDoNotChangeTheBytes) {
  TempDir one;
  TempDir two;
  Narrate(one, "--format flac -j 1 --no-cache");
  Narrate(two, "--format flac -j 2 --no-cache");
  for (const auto& entry : std::filesystem::directory_iterator(one.path())) {
    const auto name = entry.path().filename().string();
    EXPECT_EQ(ReadFile(entry.path()), ReadFile(two / name)) << name;
  }
}

TEST(AudioOutputs, CoverIsEmbedded) {
  TempDir out;
  const nlohmann::json manifest =
      Narrate(out, "--cover " + Quote(SourcePath("tests/data/cover.png").string()) + " --author " +
                       Quote("张三"));
  const nlohmann::json probe = Ffprobe(out / manifest["chapters"][0]["file"].get<std::string>());
  ASSERT_EQ(probe["streams"].size(), 2u);
  EXPECT_EQ(probe["streams"][1]["disposition"]["attached_pic"], 1);
  EXPECT_EQ(Tag(probe, "artist"), "张三");
}

TEST(AudioOutputs, OpusAtTheEngineRateIsAUsageError) {
  TempDir out;
  const auto result = RunLangdu("narrate " + Quote(SourcePath(kStory).string()) + " -o " +
                                Quote(out.path().string()) + " --format opus --sample-rate 22050");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "langdu: error: --sample-rate: opus takes 8000, 12000, 16000, 24000 or 48000 Hz, not "
            "22050\n");
  EXPECT_TRUE(std::filesystem::is_empty(out.path()));
}

}  // namespace
}  // namespace langdu
