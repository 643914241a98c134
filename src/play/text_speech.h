#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "core/document.h"
#include "play/player.h"
#include "pronounce/pronouncer.h"
#include "synth/synthesizer.h"
#include "text/tn/normalizer.h"

namespace langdu::play {

/// A text spoken as it plays: a thread of its own normalizes, pronounces and synthesizes the
/// sentence asked for first, then the ones after it, so that the listener never waits for more
/// than one sentence. Speed is the engine's rate.
class TextSpeech : public SpeechSource {
 public:
  /// Sets the engine's rate in words per minute; called on the synthesis thread.
  using RateSetter = std::function<void(int rate_wpm)>;

  /// Every argument must outlive the object, and `synthesizer` must be used by no other thread
  /// while it lives. Sentences are numbered as OutlineOf(document) numbers them. `ahead` is how
  /// many sentences are made ahead of the one playing.
  TextSpeech(const core::Document& document, synth::Synthesizer& synthesizer,
             const text::tn::Normalizer& normalizer, const pronounce::Pronouncer& pronouncer,
             RateSetter set_rate, int ahead = 8);
  ~TextSpeech() override;
  TextSpeech(const TextSpeech&) = delete;
  TextSpeech& operator=(const TextSpeech&) = delete;

  int sample_rate_hz() const override { return sample_rate_hz_; }
  /// Waits for the sentence to be made. Throws the core::Error that making it threw.
  std::vector<std::int16_t> Audio(int index) override;
  void SetSpeed(double speed) override;

 private:
  struct Item {
    const core::Sentence* sentence;
    bool paragraph_end;
    bool chapter_end;
  };

  void Run();
  int NextToMake() const;
  std::vector<std::int16_t> Make(const Item& item);

  std::vector<Item> items_;
  synth::Synthesizer& synthesizer_;
  const text::tn::Normalizer& normalizer_;
  const pronounce::Pronouncer& pronouncer_;
  RateSetter set_rate_;
  const int ahead_;
  const int sample_rate_hz_;
  const int base_rate_wpm_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<int, std::vector<std::int16_t>> ready_;  // made sentences near the one wanted
  int wanted_ = -1;
  int rate_wpm_;
  int generation_ = 0;  // bumped by a change of speed: what was made before is dropped
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once everything above is set
};

}  // namespace langdu::play
