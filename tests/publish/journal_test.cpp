#include "publish/journal.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace langdu::publish {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

JournalEntry Entry(const std::string& stem, const TempDir& dir) {
  JournalEntry entry;
  entry.finished.file = {stem + ".mp3", "mp3", 22050, 44100, 2.0, 2.050113, 48.123456, 12,
                         "9c1e"};
  SentenceRecord sentence{"第一句。", {1, 1, 0, 12}, "第一句。", "di4 yi1 ju4", 0.3, 1.2, {}};
  sentence.clauses.push_back({"第一句", "di4 yi1 ju4", "period", 0.3, 1.2});
  entry.finished.chapters.push_back({1, "第一章", {{{1, 1, 0, 12}, 0.3, 1.2, {sentence}}}});
  WriteFile(dir / (stem + ".mp3"), "audio bytes!");
  WriteFile(dir / (stem + ".srt"), "srt");
  entry.outputs = {{stem + ".mp3", 12}, {stem + ".srt", 3}};
  entry.finished.unread = {{"♥", 3, 7}};
  return entry;
}

TEST(Journal, AFinishedFileIsReadBackExactly) {
  TempDir dir;
  const JournalEntry entry = Entry("01", dir);
  Journal(dir.path(), "key").Record(entry);
  const Journal journal(dir.path(), "key");
  ASSERT_TRUE(journal.IsFinished("01.mp3"));
  EXPECT_FALSE(journal.IsFinished("02.mp3"));
  const JournalEntry read = journal.Read("01.mp3");
  nlohmann::ordered_json expected = entry.finished.chapters[0].paragraphs;
  nlohmann::ordered_json actual = read.finished.chapters[0].paragraphs;
  EXPECT_EQ(actual.dump(), expected.dump());
  EXPECT_EQ(read.finished.chapters[0].title, "第一章");
  EXPECT_EQ(read.finished.file.duration_s, 2.050113);
  EXPECT_EQ(read.finished.file.bitrate_kbps, 48.123456);
  EXPECT_EQ(read.finished.file.audio_key, "9c1e");
  EXPECT_EQ(read.finished.file.samples, 44100);
  EXPECT_EQ(read.outputs, entry.outputs);
  ASSERT_EQ(read.finished.unread.size(), 1u);
  EXPECT_EQ(read.finished.unread[0].character, "♥");
  EXPECT_EQ(read.finished.unread[0].count, 3);
  EXPECT_EQ(read.finished.unread[0].first_line, 7);
}

TEST(Journal, AnotherKeyStartsAfresh) {
  TempDir dir;
  Journal(dir.path(), "old").Record(Entry("01", dir));
  Journal journal(dir.path(), "new");
  EXPECT_FALSE(journal.IsFinished("01.mp3"));
  journal.Record(Entry("02", dir));
  EXPECT_FALSE(Journal(dir.path(), "new").IsFinished("01.mp3"));
  EXPECT_TRUE(Journal(dir.path(), "new").IsFinished("02.mp3"));
  EXPECT_FALSE(Journal(dir.path(), "old").IsFinished("01.mp3"));
}

TEST(Journal, AFileChangedOrGoneIsNotFinished) {
  TempDir dir;
  Journal journal(dir.path(), "key");
  journal.Record(Entry("01", dir));
  journal.Record(Entry("02", dir));
  WriteFile(dir / "01.srt", "longer srt");
  std::filesystem::remove(dir / "02.mp3");
  const Journal read(dir.path(), "key");
  EXPECT_FALSE(read.IsFinished("01.mp3"));
  EXPECT_FALSE(read.IsFinished("02.mp3"));
}

// A kill in the middle of an append leaves a line cut short: it is ignored, and the next entry
// is written in its place.
TEST(Journal, ALineCutShortIsIgnoredAndOverwritten) {
  TempDir dir;
  Journal(dir.path(), "key").Record(Entry("01", dir));
  const std::string whole = ReadFile(dir / kJournalFileName);
  WriteFile(dir / kJournalFileName, whole + "{\"file\":{\"file\":\"02.mp3\",\"for");
  Journal journal(dir.path(), "key");
  EXPECT_TRUE(journal.IsFinished("01.mp3"));
  EXPECT_FALSE(journal.IsFinished("02.mp3"));
  journal.Record(Entry("03", dir));
  const Journal read(dir.path(), "key");
  EXPECT_TRUE(read.IsFinished("01.mp3"));
  EXPECT_TRUE(read.IsFinished("03.mp3"));
  EXPECT_EQ(read.Read("03.mp3").finished.file.file, "03.mp3");
}

TEST(Journal, RemoveLeavesNothing) {
  TempDir dir;
  Journal journal(dir.path(), "key");
  journal.Record(Entry("01", dir));
  journal.Remove();
  EXPECT_FALSE(std::filesystem::exists(dir / kJournalFileName));
  EXPECT_FALSE(Journal(dir.path(), "key").IsFinished("01.mp3"));
}

TEST(Journal, AnotherRunsJournalIsNotRemoved) {
  TempDir dir;
  Journal(dir.path(), "other").Record(Entry("01", dir));
  Journal(dir.path(), "key").Remove();
  EXPECT_TRUE(Journal(dir.path(), "other").IsFinished("01.mp3"));
}

}  // namespace
}  // namespace langdu::publish
