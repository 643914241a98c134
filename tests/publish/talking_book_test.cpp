#include "publish/talking_book.h"

#include <gtest/gtest.h>

namespace langdu::publish {
namespace {

SentenceRecord Sentence(const std::string& text, double start_s, double end_s) {
  SentenceRecord sentence;
  sentence.source_text = text;
  sentence.start_s = start_s;
  sentence.end_s = end_s;
  return sentence;
}

Manifest TwoChapterFiles() {
  Manifest manifest;
  manifest.header.title = "书";
  manifest.header.source.sha256 = "feed";
  manifest.header.voice.name = "female";
  ChapterRecord one;
  one.number = 1;
  one.title = "一";
  one.file = "01-一.mp3";
  one.paragraphs.push_back(
      {{}, 0.3, 2.0, {Sentence("甲。", 0.3, 1.0), Sentence("乙。", 1.2, 2.0)}});
  one.duration_s = 2.55;
  one.end_s = 2.55;
  ChapterRecord two = one;
  two.number = 2;
  two.title = "二";
  two.file = "02-二.mp3";
  two.book_start_s = 2.55;
  manifest.chapters = {one, two};
  manifest.files.push_back({"01-一.mp3", "mp3", 22050, 55125, 2.5, 2.55, 48, 1000, ""});
  manifest.files.push_back({"02-二.mp3", "mp3", 22050, 55125, 2.5, 2.55, 48, 1000, ""});
  manifest.duration_s = 5.1;
  return manifest;
}

TEST(TalkingBook, TakesTextAndTimesFromTheManifest) {
  const TalkingBook book = BookFromManifest(TwoChapterFiles(), "");
  EXPECT_EQ(book.title, "书");
  EXPECT_EQ(book.author, "langdu female");
  EXPECT_EQ(book.sha256, "feed");
  ASSERT_EQ(book.chapters.size(), 2u);
  EXPECT_EQ(book.chapters[1].file, "02-二.mp3");
  ASSERT_EQ(book.chapters[0].paragraphs[0].sentences.size(), 2u);
  EXPECT_EQ(book.chapters[0].paragraphs[0].sentences[1].text, "乙。");
  EXPECT_DOUBLE_EQ(book.chapters[0].paragraphs[0].sentences[1].start_s, 1.2);
}

TEST(TalkingBook, AChapterFileLastsItsSamplesNotItsContainer) {
  const TalkingBook book = BookFromManifest(TwoChapterFiles(), "");
  EXPECT_DOUBLE_EQ(book.chapters[0].end_s, 2.5);
  EXPECT_DOUBLE_EQ(book.chapters[0].file_duration_s, 2.55);
}

TEST(TalkingBook, AuthorOverridesTheNarrator) {
  EXPECT_EQ(BookFromManifest(TwoChapterFiles(), "某人").author, "某人");
}

TEST(TalkingBook, SentenceIdsAreStable) { EXPECT_EQ(SentenceId(3, 17), "c3-s17"); }

TEST(TalkingBook, ASpokenHeadingIsTheFirstSentence) {
  BookChapter chapter;
  chapter.title = "第一，要抓好";
  chapter.paragraphs.push_back({{{"第一，要抓好。", 0, 1}, {"其次。", 1, 2}}});
  EXPECT_TRUE(HeadingIsFirstSentence(chapter));
  chapter.title = "最后";
  EXPECT_FALSE(HeadingIsFirstSentence(chapter));
}

}  // namespace
}  // namespace langdu::publish
