#include "publish/captions.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "test_util.h"

namespace langdu::publish {
namespace {

TEST(Captions, ShortClausesOfASentenceShareOneCue) {
  const TimedClause clauses[] = {{"同志们，", 0.5, 1.2}, {"大家好。", 1.6, 2.4}};
  const std::vector<Cue> cues = SentenceCues(clauses);
  ASSERT_EQ(cues.size(), 1u);
  EXPECT_EQ(cues[0].start_s, 0.5);
  EXPECT_EQ(cues[0].end_s, 2.4);
  EXPECT_EQ(cues[0].lines, std::vector<std::string>{"同志们，大家好。"});
}

TEST(Captions, LongCueBreaksItsLineAfterPunctuation) {
  const TimedClause clauses[] = {{"今天我们召开全区党建工作会议，", 0.0, 3.0},
                                 {"主要任务是总结工作。", 3.4, 5.0}};
  const std::vector<Cue> cues = SentenceCues(clauses);
  ASSERT_EQ(cues.size(), 1u);
  EXPECT_EQ(cues[0].lines,
            (std::vector<std::string>{"今天我们召开全区党建工作会议，", "主要任务是总结工作。"}));
}

TEST(Captions, ClausesThatDoNotFitStartANewCueAtTheClauseTime) {
  const TimedClause clauses[] = {{"一二三四五六七八九十一二三四五六七八九十，", 0.0, 4.0},
                                 {"一二三四五六七八九十一二三四五六七八九十，", 4.5, 8.0},
                                 {"完。", 8.5, 9.0}};
  const std::vector<Cue> cues = SentenceCues(clauses);
  ASSERT_EQ(cues.size(), 2u);
  EXPECT_EQ(cues[0].end_s, 4.0);
  EXPECT_EQ(cues[1].start_s, 4.5);
  EXPECT_EQ(cues[1].end_s, 9.0);
  for (const Cue& cue : cues) {
    EXPECT_LE(cue.lines.size(), kMaxCueLines);
    for (const std::string& line : cue.lines) {
      EXPECT_LE(core::CodePointCount(line), kMaxLineCodePoints) << line;
    }
  }
}

TEST(Captions, AClauseLongerThanACueIsCutWithSharedOutTimes) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "字";
  const TimedClause clauses[] = {{text, 10.0, 15.0}};
  const std::vector<Cue> cues = SentenceCues(clauses);
  ASSERT_EQ(cues.size(), 2u);
  EXPECT_EQ(cues[0].start_s, 10.0);
  EXPECT_DOUBLE_EQ(cues[0].end_s, 14.0);
  EXPECT_DOUBLE_EQ(cues[1].start_s, 14.0);
  EXPECT_EQ(cues[1].end_s, 15.0);
  EXPECT_EQ(cues[0].lines.size(), 2u);
  EXPECT_EQ(core::CodePointCount(cues[1].lines[0]), 10u);
}

TEST(Captions, WritesSrtVttAndLrc) {
  testing::TempDir dir;
  CaptionWriter writer(dir / "a.srt", dir / "a.vtt", dir / "a.lrc", "第一章", "讲话", "张三");
  const TimedClause first[] = {{"同志们，", 0.3, 1.0}, {"大家好。", 1.5, 2.25}};
  const TimedClause second[] = {{"开会。", 62.5, 63.0}};
  writer.AddSentence(first);
  writer.AddSentence(second);
  writer.Finish();
  EXPECT_EQ(testing::ReadFile(dir / "a.srt"),
            "1\n00:00:00,300 --> 00:00:02,250\n同志们，大家好。\n\n"
            "2\n00:01:02,500 --> 00:01:03,000\n开会。\n\n");
  EXPECT_EQ(testing::ReadFile(dir / "a.vtt"),
            "WEBVTT\n\n00:00:00.300 --> 00:00:02.250\n同志们，大家好。\n"
            "\n00:01:02.500 --> 00:01:03.000\n开会。\n");
  EXPECT_EQ(testing::ReadFile(dir / "a.lrc"),
            "[ti:第一章]\n[al:讲话]\n[ar:张三]\n[00:00.30]同志们，大家好。\n[01:02.50]开会。\n");
}

TEST(Captions, ChaptersTrack) {
  const TimedChapter chapters[] = {{"开头", 0, 61.5}, {"第一章", 61.5, 3725.125}};
  EXPECT_EQ(ChaptersVtt(chapters),
            "WEBVTT\n\nchapter-1\n00:00:00.000 --> 00:01:01.500\n开头\n"
            "\nchapter-2\n00:01:01.500 --> 01:02:05.125\n第一章\n");
}

}  // namespace
}  // namespace langdu::publish
