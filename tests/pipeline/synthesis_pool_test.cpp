#include "pipeline/synthesis_pool.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cerrno>

#include "core/error.h"
#include "pipeline/plan.h"
#include "pipeline/render.h"
#include "synth/fake_synthesizer.h"

namespace langdu::pipeline {
namespace {

core::Document Text(int paragraphs) {
  core::Document document;
  core::Chapter chapter;
  chapter.number = 1;
  for (int p = 0; p < paragraphs; ++p) {
    core::Paragraph paragraph;
    const std::string text = "第" + std::to_string(p) + "段，好的。";
    paragraph.sentences.push_back({text, text, {}});
    paragraph.sentences.push_back({"再见。", "再见。", {}});
    chapter.paragraphs.push_back(paragraph);
  }
  document.chapters.push_back(chapter);
  return document;
}

// Every process this test started has been reaped.
bool NoChildren() { return waitpid(-1, nullptr, WNOHANG) < 0 && errno == ECHILD; }

class SynthesisPoolTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    normalizer_ = new text::tn::Normalizer();
    pronouncer_ = new pronounce::Pronouncer();
  }
  static void TearDownTestSuite() {
    delete normalizer_;
    delete pronouncer_;
  }

  std::vector<std::string> RenderAll(const core::Document& document, int workers) {
    const Plan plan = MakePlan(document, false, "wav");
    const UnitRenderer renderer(*normalizer_, *pronouncer_, synthesizer_);
    SynthesisPool pool(renderer, document, plan.units, workers, nullptr);
    std::vector<std::string> units;
    for (std::size_t i = 0; i < plan.units.size(); ++i) pool.Request(i);
    for (std::size_t i = 0; i < plan.units.size(); ++i) units.push_back(Serialize(pool.Take(i)));
    return units;
  }

  static text::tn::Normalizer* normalizer_;
  static pronounce::Pronouncer* pronouncer_;
  synth::FakeSynthesizer synthesizer_;
};

text::tn::Normalizer* SynthesisPoolTest::normalizer_ = nullptr;
pronounce::Pronouncer* SynthesisPoolTest::pronouncer_ = nullptr;

TEST_F(SynthesisPoolTest, EveryUnitStartsFromTheSameSynthesizerState) {
  const std::vector<std::string> units = RenderAll(Text(4), 2);
  ASSERT_EQ(units.size(), 4u);
  const RenderedUnit first = Deserialize(units[0]);
  const RenderedUnit last = Deserialize(units[3]);
  // The fake's level rises with each call: equal levels mean a fresh state for each unit.
  EXPECT_EQ(first.sentences[0].clauses[0].samples.front(), 1010);
  EXPECT_EQ(last.sentences[0].clauses[0].samples.front(), 1010);
  EXPECT_EQ(last.sentences[1].clauses[0].samples.front(), 1030);
  EXPECT_EQ(first.sentences[1].spoken_text, "再见。");
  EXPECT_EQ(synthesizer_.calls(), 0) << "the parent never synthesizes";
  EXPECT_TRUE(NoChildren());
}

TEST_F(SynthesisPoolTest, TheNumberOfWorkersNeverChangesTheBytes) {
  const core::Document document = Text(7);
  EXPECT_EQ(RenderAll(document, 1), RenderAll(document, 3));
}

TEST_F(SynthesisPoolTest, AnEngineErrorComesBackWithItsKind) {
  synthesizer_.fail_on = "zai4";
  try {
    RenderAll(Text(2), 2);
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kEngine);
    EXPECT_EQ(std::string(e.what()), "fake: cannot say \"zai4 jian4.\"");
  }
  EXPECT_TRUE(NoChildren());
}

// A crash in the second paragraph (第1段), whether the unit is rendered in a child or in place.
class SynthesisPoolCrashTest : public SynthesisPoolTest,
                               public ::testing::WithParamInterface<bool> {};

TEST_P(SynthesisPoolCrashTest, IsAnEngineErrorNamingThePlace) {
  synthesizer_.rewinds = GetParam();
  synthesizer_.crash_on = "di4 yi1";
  try {
    RenderAll(Text(3), 2);
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kEngine);
    EXPECT_EQ(std::string(e.what()),
              "speech worker failed in chapter 1, paragraph 2: signal 9 (Killed)");
  }
  EXPECT_TRUE(NoChildren());
}

INSTANTIATE_TEST_SUITE_P(ChildOrInPlace, SynthesisPoolCrashTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "InPlace" : "InAChild"; });

TEST_F(SynthesisPoolTest, RewindingGivesTheBytesOfAFreshProcessPerUnit) {
  const core::Document document = Text(5);
  const std::vector<std::string> forked = RenderAll(document, 2);
  synthesizer_.rewinds = true;
  EXPECT_EQ(RenderAll(document, 1), forked);
  EXPECT_EQ(RenderAll(document, 2), forked);
  EXPECT_TRUE(NoChildren());
}

TEST_F(SynthesisPoolTest, AUnitThatWouldLeaveTheCheckpointIsRenderedInAChild) {
  core::Document document = Text(5);
  document.chapters[0].paragraphs[2].sentences[1] = {"再见，朋友。", "再见，朋友。", {}};
  const std::vector<std::string> forked = RenderAll(document, 1);
  synthesizer_.rewinds = true;
  // The third unit would leave the checkpoint at its last clause, after three synthesized ones.
  synthesizer_.leaves_checkpoint_on = "peng2 you5";
  EXPECT_EQ(RenderAll(document, 1), forked);
  EXPECT_TRUE(NoChildren());
}

TEST(RenderedUnit, SurvivesSerialization) {
  RenderedUnit unit;
  unit.sentences.push_back(
      {"好。", "hao3.", {"♥"}, {{"好。", "hao3.", core::Pause::kPeriod, {1, -2, 3}}}});
  const RenderedUnit back = Deserialize(Serialize(unit));
  ASSERT_EQ(back.sentences.size(), 1u);
  EXPECT_EQ(back.sentences[0].unread, std::vector<std::string>{"♥"});
  EXPECT_EQ(back.sentences[0].clauses[0].pause_after, core::Pause::kPeriod);
  EXPECT_EQ(back.sentences[0].clauses[0].samples, (std::vector<std::int16_t>{1, -2, 3}));
}

TEST(RenderedUnit, SerializeToReplacesTheBufferAndKeepsItsCapacity) {
  RenderedUnit unit;
  unit.sentences.push_back(
      {"好。", "hao3.", {}, {{"好。", "hao3.", core::Pause::kPeriod, {1, -2, 3}}}});
  std::string buffer(1 << 16, 'x');
  const std::size_t capacity = buffer.capacity();
  SerializeTo(unit, buffer);
  EXPECT_EQ(buffer, Serialize(unit));
  EXPECT_EQ(buffer.capacity(), capacity);
}

TEST(RenderedUnit, TruncatedBytesAreAnInternalError) {
  RenderedUnit unit;
  unit.sentences.push_back(
      {"好。", "hao3.", {}, {{"好。", "hao3.", core::Pause::kPeriod, {1, 2}}}});
  const std::string bytes = Serialize(unit);
  try {
    Deserialize(std::string_view(bytes).substr(0, bytes.size() - 1));
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kInternal);
    EXPECT_EQ(std::string(e.what()), "rendered unit: truncated or malformed bytes");
  }
}

}  // namespace
}  // namespace langdu::pipeline
