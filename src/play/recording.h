#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "audio/sound_file_reader.h"
#include "play/navigation.h"
#include "play/player.h"

namespace langdu::play {

/// Where one sentence's audio lies: from its start to where the next sentence starts (so its
/// pause is heard), or to the end of its chapter.
struct RecordedSentence {
  std::size_t file = 0;  ///< index into Recording::files
  double start_s = 0;
  double end_s = -1;  ///< -1: to the end of the file
};

/// A folder written by `langdu narrate`, as its manifest describes it.
struct Recording {
  std::filesystem::path manifest;  ///< the manifest.json read
  std::string manifest_bytes;      ///< its content (what a saved position is keyed by)
  Outline outline;
  std::vector<std::filesystem::path> files;
  std::vector<RecordedSentence> sentences;  ///< in Outline numbering
};

/// True when `path` is a folder or a file named manifest.json (what LoadRecording reads), rather
/// than a text.
bool IsRecording(const std::filesystem::path& path);

/// Reads manifest.json in folder `path`, or `path` itself. Throws core::Error(kInputMissing) when
/// there is none, core::Error(kInputDecode) naming it when it is not a langdu manifest, and
/// core::Error(kInputEmpty) when it holds no sentence.
Recording LoadRecording(const std::filesystem::path& path);

/// Plays the files of a recording: each sentence decoded from its file when asked for, and
/// time-stretched with its pitch kept (libsonic) when the speed is not 1.
class RecordingSpeech : public SpeechSource {
 public:
  /// `recording` must outlive the object. Opens the first file (its rate is the output's).
  explicit RecordingSpeech(const Recording& recording);
  ~RecordingSpeech() override;

  int sample_rate_hz() const override { return sample_rate_hz_; }
  std::vector<std::int16_t> Audio(int index) override;
  void SetSpeed(double speed) override { speed_ = speed; }

 private:
  audio::SoundFileReader& Open(std::size_t file);

  const Recording& recording_;
  std::size_t open_file_ = 0;
  std::unique_ptr<audio::SoundFileReader> reader_;
  int sample_rate_hz_ = 0;
  double speed_ = 1;
};

/// `samples` played `speed` times as fast with the pitch kept (libsonic).
std::vector<std::int16_t> TimeStretch(const std::vector<std::int16_t>& samples, int sample_rate_hz,
                                      double speed);

}  // namespace langdu::play
