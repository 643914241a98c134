// `narrate DIR`, a failing input in a batch, --summary and --shard, run as a user would.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "test_util.h"

namespace langdu {
namespace {

namespace fs = std::filesystem;
using testing::Quote;
using testing::ReadFile;
using testing::RunLangdu;
using testing::TempDir;
using testing::WriteFile;

// Every file below `root`, relative, with its bytes.
std::map<std::string, std::string> Tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[entry.path().lexically_relative(root).string()] = ReadFile(entry.path());
    }
  }
  return files;
}

// A small library: six texts of different lengths in two folders, and a file langdu does not read.
void WriteLibrary(const fs::path& lib) {
  const char* numbers[] = {"一", "二", "三", "四", "五", "六"};
  for (int i = 0; i < 6; ++i) {
    std::string text = "第" + std::string(numbers[i]) + "篇\n\n";
    for (int j = 0; j <= i; ++j) text += "这是第" + std::string(numbers[i]) + "篇的一句话。\n";
    WriteFile(lib / (i < 3 ? "speeches" : "notes") / ("t" + std::to_string(i) + ".txt"), text);
  }
  WriteFile(lib / "notes" / "readme.doc", "not read");
}

TEST(BatchCliSlow, AFolderIsMirroredAndAFailedInputDoesNotStopTheOthers) {
  TempDir in;
  TempDir out;
  WriteLibrary(in / "lib");
  WriteFile(in / "lib" / "speeches" / "broken.txt", std::string("\xff\xfe\x00\xd8", 4));
  const fs::path summary = out / "summary.json";
  const auto result =
      RunLangdu("narrate --format wav --no-player " + Quote((in / "lib").string()) + " -o " +
                Quote((out / "audio").string()) + " --summary " + Quote(summary.string()));
  EXPECT_EQ(result.exit_code, 13) << result.err;
  const std::string broken = (in / "lib" / "speeches" / "broken.txt").string();
  EXPECT_NE(result.err.find("langdu: error: " + broken + ":1: invalid UTF-16LE at byte 2\n"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("langdu: batch: 6 done, 1 failed\n"), std::string::npos) << result.err;
  EXPECT_TRUE(result.err.ends_with(
      "langdu: error: 1 of 7 inputs failed (their errors are above); the others were narrated\n"))
      << result.err;
  for (const char* book : {"speeches/t0", "speeches/t2", "notes/t3", "notes/t5"}) {
    EXPECT_TRUE(fs::exists(out / "audio" / book / "manifest.json")) << book;
  }
  EXPECT_FALSE(fs::exists(out / "audio" / "speeches" / "broken"));
  EXPECT_FALSE(fs::exists(out / "audio" / "notes" / "readme"));

  const auto json = nlohmann::json::parse(ReadFile(summary));
  EXPECT_EQ(json["done"], 6);
  EXPECT_EQ(json["failed"], 1);
  ASSERT_EQ(json["inputs"].size(), 7u);
  const auto& failed = json["inputs"][3];  // notes/ t3 t4 t5, then speeches/ broken …
  EXPECT_EQ(failed["input"], broken);
  EXPECT_EQ(failed["status"], "failed");
  EXPECT_EQ(failed["exit_code"], 4);
  EXPECT_EQ(json["inputs"][0]["status"], "done");
  EXPECT_EQ(json["inputs"][0]["chapters"], 1);
}

TEST(BatchCliSlow, ThreeShardsInAnyOrderWriteExactlyTheFilesOfOneRun) {
  TempDir in;
  TempDir whole;
  TempDir sharded;
  WriteLibrary(in / "lib");
  const std::string lib = Quote((in / "lib").string());
  const auto one =
      RunLangdu("narrate -q --format wav " + lib + " -o " + Quote(whole.path().string()));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  std::size_t narrated = 0;
  for (const char* shard : {"3/3", "1/3", "2/3"}) {
    const auto part = RunLangdu("narrate --format wav --shard " + std::string(shard) + " " + lib +
                                " -o " + Quote(sharded.path().string()));
    ASSERT_EQ(part.exit_code, 0) << part.err;
    const std::size_t at = part.err.find("langdu: batch: ");
    ASSERT_NE(at, std::string::npos) << part.err;
    narrated += std::stoul(part.err.substr(at + 15));
    EXPECT_NE(part.err.find("(shard " + std::string(shard) + "; "), std::string::npos) << part.err;
  }
  EXPECT_EQ(narrated, 6u);
  const auto expected = Tree(whole.path());
  // Per text: a WAV, 3 captions, chapters.vtt, the playlist, the manifest and the page.
  EXPECT_EQ(expected.size(), 6u * 8u);
  EXPECT_TRUE(Tree(sharded.path()) == expected);
}

// A rerun (of a shard that died, of a batch that grew) leaves what an earlier run with the same
// input and options finished as it is; a changed input is not taken for finished.
TEST(BatchCliSlow, ARerunSkipsWhatIsFinishedAndTouchesNothing) {
  TempDir in;
  TempDir out;
  WriteLibrary(in / "lib");
  const std::string command = "narrate --format wav " + Quote((in / "lib").string()) + " -o " +
                              Quote((out / "audio").string());
  ASSERT_EQ(RunLangdu(command).exit_code, 0);
  const auto before = Tree(out / "audio");
  const fs::path wav = out / "audio" / "notes" / "t3" / "01-第四篇.wav";
  ASSERT_TRUE(fs::exists(wav));
  const auto written = fs::last_write_time(wav);

  const auto again = RunLangdu(command + " --summary " + Quote((out / "s.json").string()));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("langdu: batch: 0 done, 6 skipped, 0 failed\n"), std::string::npos)
      << again.err;
  const std::string t0 = (in / "lib" / "speeches" / "t0.txt").string();
  EXPECT_NE(again.err.find("langdu: " + t0 + ": already narrated into " +
                           (out / "audio" / "speeches" / "t0").string() +
                           " with the same input and options: skipped (--force narrates it "
                           "again)\n"),
            std::string::npos)
      << again.err;
  EXPECT_TRUE(again.out.empty()) << again.out;
  EXPECT_TRUE(Tree(out / "audio") == before);
  EXPECT_EQ(fs::last_write_time(wav), written);
  const auto json = nlohmann::json::parse(ReadFile(out / "s.json"));
  EXPECT_EQ(json["skipped"], 6);
  EXPECT_EQ(json["inputs"][0]["status"], "skipped");

  // Any other option that shapes the files (here: no read-along page) makes another run.
  const auto other = RunLangdu(command + " --no-player");
  EXPECT_EQ(other.err.find("skipped"), std::string::npos) << other.err;

  WriteFile(in / "lib" / "speeches" / "t0.txt", "第一篇\n\n改过的一句话。\n");
  const auto edited = RunLangdu(command);
  EXPECT_EQ(edited.exit_code, 13) << edited.err;
  EXPECT_NE(edited.err.find("langdu: batch: 0 done, 5 skipped, 1 failed\n"), std::string::npos)
      << edited.err;
  EXPECT_NE(edited.err.find("already exists (use --force to overwrite)"), std::string::npos)
      << edited.err;
}

TEST(BatchCli, AShardOutOfRangeOrOfStandardInputIsABadCommandLine) {
  TempDir out;
  for (const char* shard : {"0/3", "4/3"}) {
    const auto result =
        RunLangdu("narrate --shard " + std::string(shard) + " - -o " + Quote(out.path().string()),
                  "你好。\n");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.err, "langdu: error: --shard: \"" + std::string(shard) +
                              "\" is not I/N with 1 ≤ I ≤ N (e.g. 2/3: the second of three "
                              "shards)\n");
  }
  const auto result =
      RunLangdu("narrate --shard 1/2 - -o " + Quote(out.path().string()), "你好。\n");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "langdu: error: --shard: standard input cannot be shared between shards\n");
  EXPECT_TRUE(fs::is_empty(out.path()));
}

TEST(BatchCli, AFolderWithNothingToReadSaysSo) {
  TempDir in;
  TempDir out;
  WriteFile(in / "notes.doc", "x");
  const auto result =
      RunLangdu("narrate " + Quote(in.path().string()) + " -o " + Quote(out.path().string()));
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.err, "langdu: error: " + in.path().string() +
                            ": holds no file that langdu reads (.txt .md .html .epub .ssml …)\n");
}

}  // namespace
}  // namespace langdu
