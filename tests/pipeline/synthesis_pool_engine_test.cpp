// Integration: the real eSpeak NG engine. A worker that rewinds the engine to its checkpoint
// before each unit must give exactly the bytes of a child process forked per unit.
#include <gtest/gtest.h>

#include "pipeline/input.h"
#include "pipeline/plan.h"
#include "pipeline/render.h"
#include "pipeline/synthesis_pool.h"
#include "synth/engine.h"
#include "test_util.h"

namespace langdu::pipeline {
namespace {

// The engine, but without a checkpoint: the pool forks a child for every unit.
class ForkPerUnit : public synth::Synthesizer {
 public:
  explicit ForkPerUnit(synth::Synthesizer& engine) : engine_(engine) {}
  int sample_rate_hz() const override { return engine_.sample_rate_hz(); }
  const synth::Voice& voice() const override { return engine_.voice(); }
  std::vector<std::int16_t> Synthesize(const core::SpeechClause& clause) override {
    return engine_.Synthesize(clause);
  }

 private:
  synth::Synthesizer& engine_;
};

std::vector<std::string> RenderAll(const UnitRenderer& renderer, const core::Document& document,
                                   const std::vector<WorkUnit>& units, int workers) {
  SynthesisPool pool(renderer, document, units, workers, nullptr);
  std::vector<std::string> rendered;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i >= pool.ahead()) rendered.push_back(Serialize(pool.Take(i - pool.ahead())));
    pool.Request(i);
  }
  for (std::size_t i = rendered.size(); i < units.size(); ++i)
    rendered.push_back(Serialize(pool.Take(i)));
  return rendered;
}

TEST(SynthesisPoolSlow, RewindingTheEngineGivesTheBytesOfAChildPerUnit) {
  // The seed, a paragraph with English runs (a change of voice: rendered in a child), the seed.
  // Twice, so that each unit of the second copy comes after many rendered in place.
  const std::string seed = testing::ReadFile(
      testing::SourcePath("samples/district-party-building-speech.txt"));
  std::string text = seed + "\n\n今年GDP增长了，CPU和APP都很重要。我们再说一遍：GDP。\n\n" + seed;
  const PreparedInput input = Prepare({"seed.txt", text}, {});
  const Plan plan = MakePlan(input.document, false, "wav");
  ASSERT_GT(plan.units.size(), 30u);

  synth::Engine engine;
  engine.Use(synth::FindVoice(testing::SourcePath("voices"), "female"));
  const text::tn::Normalizer normalizer;
  const pronounce::Pronouncer pronouncer;
  ForkPerUnit forked_engine(engine);
  const std::vector<std::string> forked =
      RenderAll(UnitRenderer(normalizer, pronouncer, forked_engine), input.document, plan.units, 2);
  const UnitRenderer rewinding(normalizer, pronouncer, engine);
  const std::vector<std::string> one = RenderAll(rewinding, input.document, plan.units, 1);
  const std::vector<std::string> two = RenderAll(rewinding, input.document, plan.units, 2);
  ASSERT_EQ(one.size(), forked.size());
  for (std::size_t i = 0; i < forked.size(); ++i) {
    EXPECT_EQ(one[i], forked[i]) << "unit " << i << " with one worker";
    EXPECT_EQ(two[i], forked[i]) << "unit " << i << " with two workers";
  }
}

}  // namespace
}  // namespace langdu::pipeline
