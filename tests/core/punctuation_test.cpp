#include "core/punctuation.h"

#include <gtest/gtest.h>

#include "core/speech_script.h"

namespace langdu::core {
namespace {

TEST(Punctuation, ChineseMarksHaveTheirPauseClass) {
  EXPECT_EQ(FindPunctuation(U'、')->pause, Pause::kEnumeration);
  EXPECT_EQ(FindPunctuation(U'，')->pause, Pause::kComma);
  EXPECT_EQ(FindPunctuation(U'；')->pause, Pause::kSemicolon);
  EXPECT_EQ(FindPunctuation(U'：')->pause, Pause::kColon);
  EXPECT_EQ(FindPunctuation(U'。')->pause, Pause::kPeriod);
  EXPECT_EQ(FindPunctuation(U'？')->engine_mark, '?');
  EXPECT_EQ(FindPunctuation(U'！')->engine_mark, '!');
  EXPECT_EQ(FindPunctuation(U'…')->pause, Pause::kEllipsis);
  EXPECT_EQ(FindPunctuation(U'字'), nullptr);
  EXPECT_TRUE(FindPunctuation(U'。')->ends_sentence);
  EXPECT_FALSE(FindPunctuation(U'，')->ends_sentence);
}

TEST(Punctuation, PauseNamesRoundTrip) {
  for (Pause pause : {Pause::kNone, Pause::kComma, Pause::kEllipsis, Pause::kDash}) {
    EXPECT_EQ(ParsePauseName(PauseName(pause)), pause);
  }
  EXPECT_EQ(ParsePauseName("pause"), std::nullopt);
}

TEST(Punctuation, ClosersStayWithTheirSentence) {
  EXPECT_TRUE(IsCloser(U'”'));
  EXPECT_TRUE(IsCloser(U'）'));
  EXPECT_TRUE(IsCloser(U'》'));
  EXPECT_FALSE(IsCloser(U'“'));
}

TEST(SpeechScript, EngineInputJoinsRunsAndAddsTheMark) {
  SpeechClause clause;
  clause.runs = {{Language::kMandarin, "wo3 yong4"}, {Language::kEnglish, "CPU", true}};
  clause.engine_mark = '?';
  EXPECT_EQ(EngineInput(clause), "wo3 yong4 CPU?");
  SpeechScript script;
  script.clauses = {clause, SpeechClause{{{Language::kMandarin, "hao3"}}, Pause::kPeriod, '.', "好。"}};
  EXPECT_EQ(EngineInput(script), "wo3 yong4 CPU? hao3.");
}

}  // namespace
}  // namespace langdu::core
