#include "pipeline/plan.h"

#include <gtest/gtest.h>

namespace langdu::pipeline {
namespace {

core::Document Book() {
  core::Document document;
  document.title = "书";
  for (int c = 1; c <= 2; ++c) {
    core::Chapter chapter;
    chapter.number = c;
    chapter.title = "第" + std::to_string(c) + "章";
    for (int p = 0; p < 2; ++p) {
      core::Paragraph paragraph;
      for (int s = 0; s < 3; ++s)
        paragraph.sentences.push_back({"一二三四五。", "一二三四五。", {}});
      chapter.paragraphs.push_back(paragraph);
    }
    document.chapters.push_back(chapter);
  }
  return document;
}

TEST(Plan, AFilePerChapterWithItsUnits) {
  const Plan plan = MakePlan(Book(), false, "mp3");
  ASSERT_EQ(plan.files.size(), 2u);
  EXPECT_EQ(plan.files[0].name, "01-第1章.mp3");
  EXPECT_EQ(plan.files[1].stem, "02-第2章");
  EXPECT_EQ(plan.files[1].first_chapter, 1u);
  EXPECT_EQ(plan.files[1].chapter_end, 2u);
  // A unit per paragraph while paragraphs are short.
  ASSERT_EQ(plan.units.size(), 4u);
  EXPECT_EQ(plan.files[0].first_unit, 0u);
  EXPECT_EQ(plan.files[0].unit_end, 2u);
  EXPECT_EQ(plan.units[3].chapter, 1u);
  EXPECT_EQ(plan.units[3].paragraph, 1u);
  EXPECT_EQ(plan.units[3].characters, 18u);
  EXPECT_TRUE(plan.cue_sheet.empty());
}

TEST(Plan, SingleIsOneBookFileWithACueSheet) {
  const Plan plan = MakePlan(Book(), true, "flac");
  ASSERT_EQ(plan.files.size(), 1u);
  EXPECT_EQ(plan.files[0].name, "书.flac");
  EXPECT_EQ(plan.files[0].chapter_end, 2u);
  EXPECT_EQ(plan.files[0].unit_end, 4u);
  EXPECT_EQ(plan.cue_sheet, "书.cue");
}

TEST(Plan, LongParagraphsAreCutBetweenSentences) {
  // 6 code points a sentence, at most 13 a unit: sentences 0-1, then 2.
  const Plan plan = MakePlan(Book(), false, "wav", 13);
  ASSERT_EQ(plan.units.size(), 8u);
  EXPECT_EQ(plan.units[0].first_sentence, 0u);
  EXPECT_EQ(plan.units[0].sentence_end, 2u);
  EXPECT_EQ(plan.units[1].first_sentence, 2u);
  EXPECT_EQ(plan.units[1].sentence_end, 3u);
  EXPECT_EQ(plan.units[1].paragraph, 0u);
  EXPECT_EQ(plan.units[2].paragraph, 1u);
}

TEST(Plan, ASentenceLongerThanTheBudgetIsAUnitAlone) {
  const Plan plan = MakePlan(Book(), false, "wav", 4);
  EXPECT_EQ(plan.units.size(), 12u);
  for (const WorkUnit& unit : plan.units) EXPECT_EQ(unit.sentence_end - unit.first_sentence, 1u);
}

}  // namespace
}  // namespace langdu::pipeline
