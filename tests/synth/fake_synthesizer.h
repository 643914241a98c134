#pragma once

#include <csignal>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "synth/synthesizer.h"

namespace langdu::synth {

/// A synthesizer with state, like eSpeak NG: every clause is 10 ms of speech per byte of its
/// engine input (divided by the clause's rate), at a level that rises with the number of calls made
/// before. So output depends on what came before, exactly what the pipeline must hide by giving
/// every unit a fresh state. A clause whose engine input contains `crash_on` is killed (as a
/// crashing engine would); one containing `fail_on` throws core::Error(kEngine). With `rewinds`, it
/// keeps a checkpoint of its call count, and a clause containing `leaves_checkpoint_on` throws
/// LeavesCheckpoint while the checkpoint is held (as eSpeak NG does on a change of voice).
class FakeSynthesizer : public Synthesizer {
 public:
  static constexpr int kRateHz = 8000;

  FakeSynthesizer() {
    voice_.name = "fake";
    voice_.pause_ms = {{core::Pause::kComma, 100}, {core::Pause::kPeriod, 200}};
    voice_.paragraph_pause_ms = 300;
    voice_.chapter_lead_ms = 50;
    voice_.chapter_tail_ms = 100;
  }

  int sample_rate_hz() const override { return kRateHz; }
  const Voice& voice() const override { return voice_; }

  std::vector<std::int16_t> Synthesize(const core::SpeechClause& clause) override {
    const std::string input = core::EngineInput(clause);
    if (!crash_on.empty() && input.find(crash_on) != std::string::npos) std::raise(SIGKILL);
    if (!fail_on.empty() && input.find(fail_on) != std::string::npos) {
      throw core::Error(core::ErrorKind::kEngine, "fake: cannot say \"" + input + "\"");
    }
    if (checkpoint_ && !leaves_checkpoint_on.empty() &&
        input.find(leaves_checkpoint_on) != std::string::npos) {
      throw LeavesCheckpoint("fake: \"" + input + "\"");
    }
    ++calls_;
    const auto level = static_cast<std::int16_t>(1000 + 10 * calls_);
    const auto samples =
        static_cast<std::size_t>(static_cast<double>(input.size()) * kRateHz / 100 / clause.rate);
    return std::vector<std::int16_t>(samples, level);
  }

  bool Checkpoint() override {
    if (!rewinds) return false;
    checkpoint_ = calls_;
    return true;
  }
  void Rewind() override { calls_ = checkpoint_.value_or(calls_); }
  void DropCheckpoint() override { checkpoint_.reset(); }

  int calls() const { return calls_; }

  std::string crash_on;
  std::string fail_on;
  bool rewinds = false;
  std::string leaves_checkpoint_on;

 private:
  Voice voice_;
  int calls_ = 0;
  std::optional<int> checkpoint_;
};

}  // namespace langdu::synth
