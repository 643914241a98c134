#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/punctuation.h"

namespace langdu::synth {

/// An inclusive range of integer values, defined once for the voice files, the command line's
/// checks and its help text.
struct IntRange {
  int low = 0;
  int high = 0;
  bool Contains(int value) const { return value >= low && value <= high; }
  /// "80-450"
  std::string ToString() const { return std::to_string(low) + "-" + std::to_string(high); }
};

inline constexpr IntRange kRateWpm{80, 450};
inline constexpr IntRange kPitch{0, 100};
inline constexpr IntRange kPitchRange{0, 100};
inline constexpr IntRange kVolume{0, 200};
inline constexpr IntRange kPauseMs{0, 10000};

/// A narrator: which eSpeak NG voices speak each language, at what rate, pitch and volume, and how
/// long each pause is. Narrators are data: one JSON file per narrator in voices/.
struct Voice {
  std::string name;  ///< the file name without .json, e.g. "female"
  std::string description;
  std::string gender;    ///< "female" or "male"
  std::string mandarin;  ///< eSpeak NG voice for Mandarin runs, e.g. "cmn-latn-pinyin"
  std::string english;   ///< eSpeak NG voice for English runs, e.g. "en-us"
  std::string variant;   ///< eSpeak NG variant ("f2", "m3"); empty for the voice's own
  int rate_wpm = 160;    ///< words per minute, 80..450
  int pitch = 50;        ///< base pitch, 0..100
  int pitch_range = 50;  ///< intonation range, 0..100
  int volume = 100;      ///< 0..200
  std::map<core::Pause, int> pause_ms;  ///< silence after each punctuation class
  int paragraph_pause_ms = 400;         ///< added after the last sentence of a paragraph
  int chapter_lead_ms = 300;            ///< silence at the start of every chapter file
  int chapter_tail_ms = 800;            ///< silence at the end of every chapter file

  /// The pause after a punctuation class (0 for kNone or a class the file does not give).
  int PauseMs(core::Pause pause) const;
};

/// Reads one narrator file. Throws core::Error(kData) naming the file for a malformed file or an
/// out-of-range value.
Voice LoadVoiceFile(const std::filesystem::path& path);

/// Reads the JSON text of a narrator file found at `path` (which names the voice and the errors).
/// Throws core::Error(kData) as LoadVoiceFile does.
Voice ParseVoice(std::string_view text, const std::filesystem::path& path);

/// The narrators in `voices_dir`, sorted by name.
std::vector<Voice> ListVoices(const std::filesystem::path& voices_dir);

/// The narrator called `name` in `voices_dir`. Throws core::Error(kVoice) listing the known
/// narrators when there is none of that name.
Voice FindVoice(const std::filesystem::path& voices_dir, const std::string& name);

}  // namespace langdu::synth
