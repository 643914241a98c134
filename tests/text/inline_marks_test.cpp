#include "text/inline_marks.h"

#include <gtest/gtest.h>

namespace langdu::text {
namespace {

TEST(InlineMarks, PinyinMarkKeepsTheTextAndForcesItsReading) {
  const MarkedText marked = ExtractInlineMarks("他去{银行|yin2 hang2}了");
  EXPECT_EQ(marked.text, "他去银行了");
  ASSERT_EQ(marked.marks.readings.size(), 1u);
  const core::ForcedReading& reading = marked.marks.readings[0];
  EXPECT_EQ(marked.text.substr(reading.begin, reading.end - reading.begin), "银行");
  EXPECT_EQ(reading.syllables, (std::vector<std::string>{"yin2", "hang2"}));
}

TEST(InlineMarks, UmlautIsWrittenV) {
  const MarkedText marked = ExtractInlineMarks("{绿|lü4}{女|nu:3}");
  ASSERT_EQ(marked.marks.readings.size(), 2u);
  EXPECT_EQ(marked.marks.readings[0].syllables[0], "lv4");
  EXPECT_EQ(marked.marks.readings[1].syllables[0], "nv3");
}

TEST(InlineMarks, PauseMarkIsNotSaid) {
  const MarkedText marked = ExtractInlineMarks("同志们{停顿|500ms}今天开会{停顿|1.5s}。");
  EXPECT_EQ(marked.text, "同志们今天开会。");
  ASSERT_EQ(marked.marks.pauses.size(), 2u);
  EXPECT_EQ(marked.marks.pauses[0].offset, std::string("同志们").size());
  EXPECT_EQ(marked.marks.pauses[0].pause_ms, 500);
  EXPECT_EQ(marked.marks.pauses[1].pause_ms, 1500);
}

TEST(InlineMarks, BracesOfOrdinaryProseStayText) {
  for (const char* prose : {"集合{1,2,3}的元素", "{注：见下文}", "a|b {x|y} 和 {甲|乙}",
                            "{未闭合|yin2", "{|500ms 没有闭合", "{行|hang}没有声调", "{行|2}"}) {
    const MarkedText marked = ExtractInlineMarks(prose);
    EXPECT_EQ(marked.text, prose);
    EXPECT_TRUE(marked.marks.empty()) << prose;
  }
}

TEST(InlineMarks, BackslashEscapesABrace) {
  const MarkedText marked = ExtractInlineMarks("写作\\{银行|yin2 hang2}");
  EXPECT_EQ(marked.text, "写作{银行|yin2 hang2}");
  EXPECT_TRUE(marked.marks.empty());
}

TEST(InlineMarks, DocumentLosesMarksInTitlesAndSourceText) {
  core::Document document;
  document.title = "{行|hang2}长讲话";
  core::Sentence sentence{"他{行|xing2}了。", "他{行|xing2}了。", {}, {}};
  document.chapters.push_back({1, "第一章{停顿|1s}", {core::Paragraph{{sentence}, {}}}});
  const core::Document marked = ExtractInlineMarks(std::move(document));
  EXPECT_EQ(marked.title, "行长讲话");
  EXPECT_EQ(marked.chapters[0].title, "第一章");
  const core::Sentence& s = marked.chapters[0].paragraphs[0].sentences[0];
  EXPECT_EQ(s.text, "他行了。");
  EXPECT_EQ(s.source_text, "他行了。");
  ASSERT_EQ(s.marks.readings.size(), 1u);
  EXPECT_EQ(s.marks.readings[0].syllables[0], "xing2");
}

}  // namespace
}  // namespace langdu::text
