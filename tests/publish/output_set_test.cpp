#include "publish/output_set.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include "core/error.h"
#include "test_util.h"

namespace langdu::publish {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

TEST(ChapterFileName, KeepsChineseAndNumbersTheChapter) {
  EXPECT_EQ(ChapterFileName(1, 8, "在全区党建工作会上的讲话", "wav"),
            "01-在全区党建工作会上的讲话.wav");
  EXPECT_EQ(ChapterFileName(12, 120, "尾声", "flac"), "012-尾声.flac");
}

TEST(ChapterFileName, ReplacesCharactersThatFileSystemsReject) {
  EXPECT_EQ(ChapterFileName(3, 9, "a/b\\c:d*e?f\"g<h>i|j", "wav"), "03-a_b_c_d_e_f_g_h_i_j.wav");
  EXPECT_EQ(ChapterFileName(4, 9, "..", "wav"), "04.wav");
  EXPECT_EQ(ChapterFileName(5, 9, "", "wav"), "05.wav");
}

TEST(ChapterFileName, CutsLongTitles) {
  std::string title;
  for (int i = 0; i < 100; ++i) title += "长";
  const std::string name = ChapterFileName(1, 1, title, "wav");
  EXPECT_EQ(name.size(), 3 + 60 * 3 + 4u);
}

TEST(OutputSet, FilesAppearOnlyOnCommit) {
  TempDir dir;
  OutputSet outputs(false);
  const auto temporary = outputs.Add(dir / "a" / "01.wav");
  WriteFile(temporary, "audio");
  EXPECT_FALSE(std::filesystem::exists(dir / "a" / "01.wav"));
  outputs.Commit();
  EXPECT_EQ(ReadFile(dir / "a" / "01.wav"), "audio");
  EXPECT_FALSE(std::filesystem::exists(temporary));
}

TEST(OutputSet, AnUncommittedSetLeavesNothing) {
  TempDir dir;
  {
    OutputSet outputs(false);
    WriteFile(outputs.Add(dir / "01.wav"), "partial");
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(OutputSet, ExistingFileNeedsForce) {
  TempDir dir;
  WriteFile(dir / "01.wav", "old");
  OutputSet outputs(false);
  try {
    outputs.Add(dir / "01.wav");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kOutput);
    EXPECT_EQ(std::string(e.what()),
              (dir / "01.wav").string() + ": already exists (use --force to overwrite)");
  }
  EXPECT_EQ(ReadFile(dir / "01.wav"), "old");
  OutputSet forced(true);
  WriteFile(forced.Add(dir / "01.wav"), "new");
  forced.Commit();
  EXPECT_EQ(ReadFile(dir / "01.wav"), "new");
}

TEST(OutputSet, SameNameTwiceIsAnError) {
  TempDir dir;
  OutputSet outputs(false);
  outputs.Add(dir / "01.wav");
  EXPECT_THROW(outputs.Add(dir / "01.wav"), core::Error);
}

TEST(WriteFileAtomically, ReplacesWholeFile) {
  TempDir dir;
  WriteFile(dir / "m.json", "old contents that are longer");
  WriteFileAtomically(dir / "m.json", "new");
  EXPECT_EQ(ReadFile(dir / "m.json"), "new");
}

TEST(OutputSet, ACommittedGroupStaysWhenTheRestFails) {
  TempDir dir;
  {
    OutputSet outputs(false);
    WriteFile(outputs.Add(dir / "01.wav"), "one");
    WriteFile(outputs.Add(dir / "01.srt"), "captions");
    WriteFile(outputs.Add(dir / "02.wav"), "partial");
    outputs.Commit({dir / "01.wav", dir / "01.srt"});
    EXPECT_EQ(ReadFile(dir / "01.wav"), "one");
    EXPECT_FALSE(std::filesystem::exists(dir / "02.wav"));
  }
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"01.srt", "01.wav"}));
}

TEST(OutputSet, CommitAllReturnsWhatWasLeftAndFinalPathsListKeptFiles) {
  TempDir dir;
  WriteFile(dir / "01.wav", "from an earlier run");
  OutputSet outputs(false);
  outputs.Keep(dir / "01.wav");
  WriteFile(outputs.Add(dir / "02.wav"), "two");
  WriteFile(outputs.Add(dir / "manifest.json"), "{}");
  outputs.Commit({dir / "02.wav"});
  EXPECT_EQ(outputs.Commit(), (std::vector<std::filesystem::path>{dir / "manifest.json"}));
  EXPECT_EQ(outputs.final_paths(), (std::vector<std::filesystem::path>{
                                       dir / "01.wav", dir / "02.wav", dir / "manifest.json"}));
  EXPECT_EQ(ReadFile(dir / "01.wav"), "from an earlier run");
}

TEST(TemporaryOwner, ReadsTheProcessIdOfATemporaryName) {
  EXPECT_EQ(TemporaryOwner(".01-序.mp3.langdu-4242.tmp"), 4242);
  EXPECT_EQ(TemporaryOwner(".manifest.json.langdu-7.tmp"), 7);
  EXPECT_EQ(TemporaryOwner("01.mp3"), 0);
  EXPECT_EQ(TemporaryOwner(".01.mp3.langdu-.tmp"), 0);
  EXPECT_EQ(TemporaryOwner(".01.mp3.langdu-12a.tmp"), 0);
  EXPECT_EQ(TemporaryOwner("01.mp3.langdu-12.tmp"), 0);
}

// A process id that no process has: a child that has exited and been reaped.
int DeadProcessId() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

TEST(RemoveStaleTemporaries, RemovesADeadProcesssAndKeepsALiveOnes) {
  TempDir dir;
  const std::string dead = ".01.wav.langdu-" + std::to_string(DeadProcessId()) + ".tmp";
  const std::string mine = ".02.wav.langdu-" + std::to_string(getpid()) + ".tmp";
  const std::string parent = ".03.wav.langdu-" + std::to_string(getppid()) + ".tmp";
  for (const std::string& name : {dead, mine, parent, std::string("04.wav")}) {
    WriteFile(dir / name, "x");
  }
  EXPECT_EQ(RemoveStaleTemporaries(dir.path()), (std::vector<std::filesystem::path>{dir / dead}));
  EXPECT_FALSE(std::filesystem::exists(dir / dead));
  EXPECT_TRUE(std::filesystem::exists(dir / mine));
  EXPECT_TRUE(std::filesystem::exists(dir / parent));
  EXPECT_TRUE(std::filesystem::exists(dir / "04.wav"));
}

}  // namespace
}  // namespace langdu::publish
