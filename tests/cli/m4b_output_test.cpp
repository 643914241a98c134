// The seed speech as an M4B audiobook, read back with ffprobe.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::RunLangdu;
using testing::SourcePath;
using testing::TempDir;

TEST(M4bSlow, SeedHasEightAacChaptersWithinFiftyMillisecondsOfTheManifestAndTags) {
  TempDir out;
  const auto result = RunLangdu("narrate -q --format m4b --no-player --author 某区委 --cover " +
                                Quote(SourcePath("tests/data/cover.png")) + " " +
                                Quote(SourcePath("samples/district-party-building-speech.txt")) +
                                " -o " + Quote(out.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto manifest = nlohmann::json::parse(ReadFile(out / "manifest.json"));
  ASSERT_EQ(manifest["files"].size(), 1u);
  const std::string book = manifest["files"][0]["file"];
  EXPECT_EQ(book, "在全区党建工作会上的讲话.m4b");

  const auto probe =
      RunCommand("ffprobe -v error -show_format -show_streams -show_chapters -of json " +
                 Quote((out / book).string()));
  ASSERT_EQ(probe.exit_code, 0) << probe.err;
  const auto info = nlohmann::json::parse(probe.out);
  EXPECT_EQ(info["streams"][0]["codec_name"], "aac");
  ASSERT_EQ(info["chapters"].size(), 8u);
  for (std::size_t i = 0; i < 8; ++i) {
    const auto& chapter = manifest["chapters"][i];
    const auto& shown = info["chapters"][i];
    EXPECT_EQ(shown["tags"]["title"], chapter["title"]);
    EXPECT_NEAR(std::stod(shown["start_time"].get<std::string>()), chapter["start_s"].get<double>(),
                0.05);
    EXPECT_NEAR(std::stod(shown["end_time"].get<std::string>()), chapter["end_s"].get<double>(),
                0.05);
  }
  const auto& tags = info["format"]["tags"];
  EXPECT_EQ(tags["title"], "在全区党建工作会上的讲话");
  EXPECT_EQ(tags["album"], "在全区党建工作会上的讲话");
  EXPECT_EQ(tags["artist"], "某区委");
  EXPECT_EQ(tags["genre"], "Speech");
  bool cover = false;
  for (const auto& stream : info["streams"]) {
    cover |= stream.value("disposition", nlohmann::json::object()).value("attached_pic", 0) == 1;
  }
  EXPECT_TRUE(cover);
  EXPECT_NEAR(std::stod(info["format"]["duration"].get<std::string>()),
              manifest["duration_s"].get<double>(), 0.1);
  const std::string cue = ReadFile(out / "在全区党建工作会上的讲话.cue");
  EXPECT_NE(cue.find("FILE \"在全区党建工作会上的讲话.m4b\" WAVE\n"), std::string::npos) << cue;
}

TEST(M4bSlow, ABookOfThreeHundredChaptersKeepsThemAllAndSaysWhyNeroListsNone) {
  TempDir out;
  std::string text = "三百章\n\n";
  for (int i = 1; i <= 300; ++i) text += "第" + std::to_string(i) + "章\n\n好。\n\n";
  const auto result =
      RunLangdu("narrate --no-player --format m4b - -o " + Quote(out.path().string()), text);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("langdu: warning: -: 300 chapters: more than a Nero chapter list "
                            "(chpl) holds (255), so the M4B has only its QuickTime chapter track"),
            std::string::npos)
      << result.err;
  const auto probe = RunCommand("ffprobe -v error -show_chapters -of json " +
                                Quote((out / "三百章.m4b").string()));
  ASSERT_EQ(probe.exit_code, 0) << probe.err;
  const auto chapters = nlohmann::json::parse(probe.out)["chapters"];
  ASSERT_EQ(chapters.size(), 300u);
  EXPECT_EQ(chapters[299]["tags"]["title"], "第300章");
}

// FFmpeg is loaded only by a run that writes M4B: the dynamic loader's log (LD_DEBUG=files, on
// stderr) names every library a run maps.
TEST(M4bSlow, OnlyAnM4bRunLoadsFfmpeg) {
  ASSERT_EQ(setenv("LD_DEBUG", "files", 1), 0);
  TempDir wav;
  const auto plain =
      RunLangdu("narrate --no-player --format wav - -o " + Quote(wav.path().string()), "你好。\n");
  TempDir m4b;
  const auto book =
      RunLangdu("narrate --no-player --format m4b - -o " + Quote(m4b.path().string()), "你好。\n");
  unsetenv("LD_DEBUG");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(book.exit_code, 0) << book.err;
  EXPECT_EQ(plain.err.find("libavformat"), std::string::npos);
  EXPECT_EQ(plain.err.find("libavcodec"), std::string::npos);
  for (const char* library :
       {"file=libavutil.so.", "file=libavcodec.so.", "file=libavformat.so."}) {
    EXPECT_NE(book.err.find(library), std::string::npos) << library;
  }
}

TEST(M4bCli, QualityIsRefusedWithAReason) {
  TempDir out;
  const auto result =
      RunLangdu("narrate --format m4b --quality 5 - -o " + Quote(out.path().string()), "你好。\n");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
  EXPECT_NE(result.err.find("--quality"), std::string::npos) << result.err;
  EXPECT_TRUE(std::filesystem::is_empty(out.path()));
}

}  // namespace
}  // namespace langdu
