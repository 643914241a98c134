// Integration tests: these run the real eSpeak NG engine.
#include "synth/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "test_util.h"

namespace langdu::synth {
namespace {

double Rms(const std::vector<std::int16_t>& samples) {
  double sum = 0;
  for (std::int16_t s : samples) sum += static_cast<double>(s) * s;
  return samples.empty() ? 0 : std::sqrt(sum / samples.size());
}

core::SpeechClause Clause(std::vector<core::SpeechRun> runs, char mark = '.') {
  core::SpeechClause clause;
  clause.runs = std::move(runs);
  clause.engine_mark = mark;
  return clause;
}

class EngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    engine_ = new Engine();
    engine_->Use(FindVoice(testing::SourcePath("voices"), "female"));
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static Engine* engine_;
};

Engine* EngineTest::engine_ = nullptr;

TEST_F(EngineTest, SpeaksPinyinAt22050Hz) {
  EXPECT_EQ(engine_->sample_rate_hz(), 22050);
  const auto samples = engine_->Synthesize(Clause({{core::Language::kMandarin, "ni3 hao3"}}));
  const double seconds = static_cast<double>(samples.size()) / engine_->sample_rate_hz();
  EXPECT_GT(seconds, 0.3);
  EXPECT_LT(seconds, 2.0);
  EXPECT_GT(Rms(samples), 300.0);
}

TEST_F(EngineTest, LongerTextTakesLonger) {
  const auto short_clause = engine_->Synthesize(Clause({{core::Language::kMandarin, "ni3 hao3"}}));
  const auto long_clause = engine_->Synthesize(Clause(
      {{core::Language::kMandarin, "jin1 tian1 wo3 men5 zai4 zhe4 li3 kai1 hui4 tao3 lun4 gong1 zuo4"}}));
  EXPECT_GT(long_clause.size(), 3 * short_clause.size());
}

// The engine's filters carry state from call to call, so two calls differ in their first samples;
// whole runs are byte-identical (the CLI tests check that). Lengths do not depend on that state.
TEST_F(EngineTest, SameInputGivesTheSameLength) {
  const auto clause = Clause({{core::Language::kMandarin, "yin2 hang2 hang2 zhang3"}});
  EXPECT_EQ(engine_->Synthesize(clause).size(), engine_->Synthesize(clause).size());
}

TEST_F(EngineTest, EnglishRunsUseTheEnglishVoiceAndComeBack) {
  const auto mixed = engine_->Synthesize(Clause({{core::Language::kMandarin, "wo3 yong4"},
                                                 {core::Language::kEnglish, "CPU", true},
                                                 {core::Language::kMandarin, "ji4 suan4"}}));
  EXPECT_GT(Rms(mixed), 300.0);
  const auto after = engine_->Synthesize(Clause({{core::Language::kMandarin, "ni3 hao3"}}));
  const auto fresh = engine_->Synthesize(Clause({{core::Language::kMandarin, "ni3 hao3"}}));
  EXPECT_EQ(after.size(), fresh.size());  // the Mandarin voice and its rate are back
}

TEST_F(EngineTest, RewindGivesTheSamplesOfTheCheckpointedState) {
  const auto clause = Clause({{core::Language::kMandarin, "yin2 hang2 hang2 zhang3"}});
  ASSERT_TRUE(engine_->Checkpoint());
  const auto first = engine_->Synthesize(clause);
  const auto second = engine_->Synthesize(clause);
  engine_->Rewind();
  const auto rewound = engine_->Synthesize(clause);
  engine_->DropCheckpoint();
  EXPECT_NE(first, second);  // the engine's state moves on from call to call
  EXPECT_EQ(rewound, first);
}

TEST_F(EngineTest, AChangeOfVoiceAfterACheckpointIsRefusedUntilItIsDropped) {
  ASSERT_TRUE(engine_->Checkpoint());
  const auto english = Clause({{core::Language::kEnglish, "CPU", true}});
  EXPECT_THROW(engine_->Synthesize(english), LeavesCheckpoint);
  engine_->Rewind();
  engine_->DropCheckpoint();
  EXPECT_GT(Rms(engine_->Synthesize(english)), 300.0);
}

TEST_F(EngineTest, BrokenCmnVoiceIsDetectedAndReplaced) {
  EXPECT_TRUE(engine_->ReadsHanzi("cmn-latn-pinyin"));
  Voice voice = FindVoice(testing::SourcePath("voices"), "female");
  voice.mandarin = "cmn";
  const bool cmn_reads_hanzi = engine_->ReadsHanzi("cmn");
  const std::vector<std::string> warnings = engine_->Use(voice);
  if (cmn_reads_hanzi) {
    EXPECT_TRUE(warnings.empty());
  } else {
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("reads Han characters as English; using cmn-latn-pinyin"),
              std::string::npos);
    EXPECT_EQ(engine_->voice().mandarin, "cmn-latn-pinyin");
  }
  engine_->Use(FindVoice(testing::SourcePath("voices"), "female"));
}

TEST_F(EngineTest, MissingEspeakVoiceIsAVoiceError) {
  Voice voice = FindVoice(testing::SourcePath("voices"), "female");
  voice.english = "xx-nonexistent";
  try {
    engine_->Use(voice);
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kVoice);
    EXPECT_EQ(std::string(e.what()),
              "voice \"female\": espeak-ng has no voice \"xx-nonexistent+f2\"");
  }
  engine_->Use(FindVoice(testing::SourcePath("voices"), "female"));
}

TEST_F(EngineTest, OnlyOneEnginePerProcess) {
  try {
    Engine second;
    FAIL() << "a second engine started";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kInternal);
  }
}

}  // namespace
}  // namespace langdu::synth
