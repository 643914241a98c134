#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/speech_script.h"
#include "synth/synthesizer.h"
#include "synth/voice.h"

namespace langdu::synth {

/// The rate eSpeak NG's voices synthesize at (Debian 12). Engine::sample_rate_hz() is the truth at
/// run time; this is for checking options before the engine starts.
inline constexpr int kEngineRateHz = 22050;

/// The eSpeak NG engine, through its C library in synchronous mode. eSpeak NG keeps one global
/// engine per process and is not thread-safe: at most one Engine may exist at a time, and it must
/// be used from one thread.
class Engine : public Synthesizer {
 public:
  /// Starts eSpeak NG. Throws core::Error(kEngine) when it cannot start (no voice data), and
  /// core::Error(kInternal) when another Engine exists.
  Engine();
  ~Engine() override;
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// The rate of every sample Synthesize returns (22050 Hz on Debian 12).
  int sample_rate_hz() const override { return sample_rate_hz_; }

  /// eSpeak NG's version, e.g. "1.51".
  static std::string Version();

  /// Selects the narrator for the following clauses. When the narrator's Mandarin voice reads Han
  /// characters as English (eSpeak NG 1.51's `cmn`), `cmn-latn-pinyin` is used instead and a
  /// warning is returned. Throws core::Error(kVoice) when eSpeak NG lacks a voice it names.
  std::vector<std::string> Use(const Voice& voice);

  /// The narrator in use, after any substitution Use made.
  const Voice& voice() const override { return voice_; }

  /// Synthesizes one clause, run by run, each in its language's voice. Returns the engine's
  /// samples, untrimmed. Throws core::Error(kEngine) when eSpeak NG fails.
  std::vector<std::int16_t> Synthesize(const core::SpeechClause& clause) override;

  /// True when `espeak_voice` reads the Han text 你好 as Mandarin (not as English letters).
  bool ReadsHanzi(const std::string& espeak_voice);

  /// Copies eSpeak NG's writable global memory (after Use, which has made the buffers eSpeak
  /// makes on its first synthesis). Rewind() copies it back: the
  /// engine is then in exactly that state (its waveform phase, flutter and echo), with no new
  /// process. This holds only while the heap objects those globals point to stay the same ones,
  /// so a change of voice (which frees and reallocates eSpeak's translator) or a rate that needs
  /// eSpeak's time-stretcher throws LeavesCheckpoint until DropCheckpoint(). Returns false when
  /// eSpeak NG is not a shared library of this process.
  bool Checkpoint() override;
  void Rewind() override;
  void DropCheckpoint() override;

 private:
  void Select(const std::string& espeak_voice);
  void Speak(const std::string& text, std::vector<std::int16_t>& samples);

  int sample_rate_hz_ = 0;
  Voice voice_;
  std::string selected_;  // the eSpeak voice name currently loaded
  std::vector<char> checkpoint_;  // eSpeak NG's writable globals at the checkpoint; empty: none
  char* globals_ = nullptr;       // where they live
  int rate_wpm_ = 0;             // the rate eSpeak speaks at now
  int checkpoint_rate_wpm_ = 0;  // and at the checkpoint
};

}  // namespace langdu::synth
