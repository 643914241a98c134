#include "play/text_speech.h"

#include <algorithm>
#include <cmath>

#include "audio/assembler.h"

namespace langdu::play {
namespace {

constexpr int kKeptBehind = 4;  // sentences kept for p and r

class VectorSink : public audio::AudioSink {
 public:
  void Write(std::span<const std::int16_t> samples) override {
    samples_.insert(samples_.end(), samples.begin(), samples.end());
  }
  std::vector<std::int16_t> Take() { return std::move(samples_); }

 private:
  std::vector<std::int16_t> samples_;
};

}  // namespace

TextSpeech::TextSpeech(const core::Document& document, synth::Synthesizer& synthesizer,
                       const text::tn::Normalizer& normalizer,
                       const pronounce::Pronouncer& pronouncer, RateSetter set_rate, int ahead)
    : synthesizer_(synthesizer),
      normalizer_(normalizer),
      pronouncer_(pronouncer),
      set_rate_(std::move(set_rate)),
      ahead_(ahead),
      sample_rate_hz_(synthesizer.sample_rate_hz()),
      base_rate_wpm_(synthesizer.voice().rate_wpm),
      rate_wpm_(base_rate_wpm_) {
  // The same sentences, in the same order, as OutlineOf.
  for (const core::Chapter& chapter : document.chapters) {
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      for (const core::Sentence& sentence : paragraph.sentences) {
        items_.push_back({&sentence, &sentence == &paragraph.sentences.back(), false});
      }
    }
    if (!items_.empty() && !items_.back().chapter_end) items_.back().chapter_end = true;
  }
  thread_ = std::thread([this] { Run(); });
}

TextSpeech::~TextSpeech() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

std::vector<std::int16_t> TextSpeech::Audio(int index) {
  std::unique_lock lock(mutex_);
  wanted_ = index;
  std::erase_if(ready_, [&](const auto& entry) {
    return entry.first < index - kKeptBehind || entry.first >= index + ahead_;
  });
  changed_.notify_all();
  changed_.wait(lock, [&] { return ready_.contains(index) || error_; });
  if (error_) std::rethrow_exception(error_);
  return ready_[index];
}

void TextSpeech::SetSpeed(double speed) {
  std::lock_guard lock(mutex_);
  const int rate = std::clamp(static_cast<int>(std::lround(base_rate_wpm_ * speed)),
                              synth::kRateWpm.low, synth::kRateWpm.high);
  if (rate == rate_wpm_) return;
  rate_wpm_ = rate;
  ++generation_;
  ready_.clear();
  changed_.notify_all();
}

int TextSpeech::NextToMake() const {
  if (wanted_ < 0) return -1;
  const int end = std::min(wanted_ + ahead_, static_cast<int>(items_.size()));
  for (int index = wanted_; index < end; ++index) {
    if (!ready_.contains(index)) return index;
  }
  return -1;
}

void TextSpeech::Run() {
  std::unique_lock lock(mutex_);
  int rate_in_use = base_rate_wpm_;
  while (!stop_) {
    const int next = NextToMake();
    if (next < 0) {
      changed_.wait(lock);
      continue;
    }
    const int generation = generation_;
    const int rate = rate_wpm_;
    lock.unlock();
    std::vector<std::int16_t> audio;
    try {
      if (rate != rate_in_use) set_rate_(rate);
      rate_in_use = rate;
      audio = Make(items_[static_cast<std::size_t>(next)]);
    } catch (...) {
      lock.lock();
      error_ = std::current_exception();
      changed_.notify_all();
      return;
    }
    lock.lock();
    if (generation == generation_ && next >= wanted_ - kKeptBehind && next < wanted_ + ahead_) {
      ready_[next] = std::move(audio);
      changed_.notify_all();
    }
  }
}

std::vector<std::int16_t> TextSpeech::Make(const Item& item) {
  const synth::Voice& voice = synthesizer_.voice();
  const core::Sentence& sentence = *item.sentence;
  const core::SpeechScript script =
      pronouncer_.Script(normalizer_.Normalize(sentence.text, sentence.marks));
  VectorSink sink;
  audio::Assembler assembler(sink, sample_rate_hz_);
  for (core::SpeechClause clause : script.clauses) {
    clause.rate = sentence.marks.rate;
    // A clause with nothing to say is an author's pause alone.
    if (!clause.runs.empty()) assembler.AddSpeech(synthesizer_.Synthesize(clause));
    assembler.AddSilence(clause.pause_ms >= 0 ? clause.pause_ms
                                              : voice.PauseMs(clause.pause_after));
  }
  if (item.paragraph_end) assembler.AddSilence(voice.paragraph_pause_ms);
  if (item.chapter_end) assembler.AddSilence(voice.chapter_tail_ms);
  return sink.Take();
}

}  // namespace langdu::play
