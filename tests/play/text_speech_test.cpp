// The synthesis thread of `play` on a text, with a fake synthesizer (no eSpeak).
#include "play/text_speech.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

#include "core/error.h"

namespace langdu::play {
namespace {

// Says each clause as 100 samples of speech between 50 of silence, at 1000 Hz; remembers what it
// was asked, in order, and can be told to fail.
class FakeSynthesizer : public synth::Synthesizer {
 public:
  FakeSynthesizer() {
    voice_.rate_wpm = 200;
    voice_.pause_ms = {{core::Pause::kPeriod, 100}};
    voice_.paragraph_pause_ms = 300;
    voice_.chapter_tail_ms = 700;
  }
  int sample_rate_hz() const override { return 1000; }
  const synth::Voice& voice() const override { return voice_; }
  std::vector<std::int16_t> Synthesize(const core::SpeechClause& clause) override {
    Log(clause.display_text);
    if (clause.display_text == fail_on) throw core::Error(core::ErrorKind::kEngine, "fake failed");
    std::vector<std::int16_t> samples(200, 0);
    std::fill(samples.begin() + 50, samples.begin() + 150, 8000);
    return samples;
  }
  void SetRate(int rate_wpm) {
    voice_.rate_wpm = rate_wpm;
    Log("rate " + std::to_string(rate_wpm));
  }
  std::vector<std::string> log() {
    std::lock_guard lock(mutex_);
    return log_;
  }
  std::string fail_on;

 private:
  void Log(const std::string& entry) {
    std::lock_guard lock(mutex_);
    log_.push_back(entry);
  }
  synth::Voice voice_;
  std::mutex mutex_;
  std::vector<std::string> log_;
};

core::Sentence Sentence(const std::string& text) { return {text, text, {}}; }

// Chapter 1: [甲。乙。] [丙。]; chapter 2: [丁。].
core::Document Book() {
  core::Document document;
  document.chapters.push_back(
      {1, "一", {{{Sentence("甲。"), Sentence("乙。")}, {}}, {{Sentence("丙。")}, {}}}});
  document.chapters.push_back({2, "二", {{{Sentence("丁。")}, {}}}});
  return document;
}

struct Fixture {
  core::Document document = Book();
  FakeSynthesizer synthesizer;
  text::tn::Normalizer normalizer;
  pronounce::Pronouncer pronouncer;
};

TEST(TextSpeech, MakesTheSentenceAskedForFirstThenTheOnesAfterIt) {
  Fixture f;
  TextSpeech speech(
      f.document, f.synthesizer, f.normalizer, f.pronouncer,
      [&](int rate) { f.synthesizer.SetRate(rate); }, 2);
  speech.Audio(1);
  speech.Audio(2);
  const std::vector<std::string> log = f.synthesizer.log();
  ASSERT_GE(log.size(), 2u);
  EXPECT_EQ(std::vector<std::string>(log.begin(), log.begin() + 2),
            (std::vector<std::string>{"乙。", "丙。"}));
  EXPECT_EQ(std::count(log.begin(), log.end(), "甲。"), 0);
}

TEST(TextSpeech, SentenceAudioIsTrimmedSpeechWithTheVoicesPauses) {
  Fixture f;
  TextSpeech speech(f.document, f.synthesizer, f.normalizer, f.pronouncer, [](int) {});
  EXPECT_EQ(speech.sample_rate_hz(), 1000);
  // Speech is trimmed to 100 samples give or take the assembler's margin; then the full stop's
  // 100 ms, plus 300 ms at a paragraph's end, plus 700 ms at a chapter's end.
  const auto first = speech.Audio(0).size();
  const auto paragraph_end = speech.Audio(1).size();
  const auto chapter_end = speech.Audio(2).size();
  EXPECT_EQ(paragraph_end - first, 300u);
  EXPECT_EQ(chapter_end - paragraph_end, 700u);
  EXPECT_GE(first, 200u);
  EXPECT_LE(first, 300u);
}

TEST(TextSpeech, SpeedIsTheEngineRateFromTheNextSentenceMade) {
  Fixture f;
  TextSpeech speech(
      f.document, f.synthesizer, f.normalizer, f.pronouncer,
      [&](int rate) { f.synthesizer.SetRate(rate); }, 1);
  speech.Audio(0);
  speech.SetSpeed(1.5);
  speech.Audio(1);
  // The rate is set once, before the next sentence made; the synthesis thread may remake the
  // sentence in hand (甲, whose audio the change dropped) before 乙, depending on which of it and
  // Audio(1) takes the lock first, but 乙 is made at the new rate.
  const std::vector<std::string> log = f.synthesizer.log();
  const auto rate = std::find(log.begin(), log.end(), "rate 300");
  ASSERT_NE(rate, log.end());
  ASSERT_NE(rate + 1, log.end());
  EXPECT_TRUE(*(rate + 1) == "甲。" || *(rate + 1) == "乙。") << *(rate + 1);
  EXPECT_NE(std::find(rate + 1, log.end(), "乙。"), log.end());
  EXPECT_EQ(std::count(log.begin(), log.end(), "rate 300"), 1);
  EXPECT_EQ(std::find(log.begin(), rate, "乙。"), rate);  // 乙 was not made before the change
}

TEST(TextSpeech, AnEngineErrorReachesTheListener) {
  Fixture f;
  f.synthesizer.fail_on = "乙。";
  TextSpeech speech(
      f.document, f.synthesizer, f.normalizer, f.pronouncer, [](int) {}, 1);
  speech.Audio(0);
  try {
    speech.Audio(1);
    FAIL() << "no error";
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kEngine);
    EXPECT_EQ(std::string(error.what()), "fake failed");
  }
}

}  // namespace
}  // namespace langdu::play
