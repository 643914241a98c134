#include "publish/output_set.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace langdu::publish
