#include "pipeline/render.h"

#include <gtest/gtest.h>

#include "synth/fake_synthesizer.h"

namespace langdu::pipeline {
namespace {

TEST(Render, TheAuthorsRateReachesTheSynthesizer) {
  synth::FakeSynthesizer synthesizer;  // its clauses last longer the slower their rate
  const text::tn::Normalizer normalizer;
  const pronounce::Pronouncer pronouncer;
  const UnitRenderer renderer(normalizer, pronouncer, synthesizer);
  core::Sentence sentence;
  sentence.text = sentence.source_text = "今天天气很好，我们去散步。";
  const RenderedSentence normal = renderer.RenderSentence(sentence);
  sentence.marks.rate = 0.5;
  const RenderedSentence slow = renderer.RenderSentence(sentence);
  ASSERT_EQ(normal.clauses.size(), 2u);
  ASSERT_EQ(slow.clauses.size(), 2u);
  EXPECT_EQ(slow.engine_input, normal.engine_input);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(slow.clauses[i].samples.size(), 2 * normal.clauses[i].samples.size()) << i;
  }
}

}  // namespace
}  // namespace langdu::pipeline
