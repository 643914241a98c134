#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

typedef struct sf_private_tag SNDFILE;

namespace langdu::audio {

/// An audio file read through libsndfile (WAV, FLAC, Ogg Vorbis, Opus, MP3), as 16-bit mono.
class SoundFileReader {
 public:
  /// Opens `path`. Throws core::Error(kInputMissing) naming it when libsndfile cannot read it.
  explicit SoundFileReader(const std::filesystem::path& path);
  ~SoundFileReader();
  SoundFileReader(const SoundFileReader&) = delete;
  SoundFileReader& operator=(const SoundFileReader&) = delete;

  int sample_rate_hz() const { return sample_rate_hz_; }
  /// Frames in the file, as its decoder states them.
  std::int64_t frames() const { return frames_; }

  /// Up to `count` frames from frame `first` (fewer at the end of the file), channels averaged.
  /// Throws core::Error(kInputDecode) when the file cannot be read there.
  std::vector<std::int16_t> Read(std::int64_t first, std::int64_t count);

 private:
  std::filesystem::path path_;
  SNDFILE* file_ = nullptr;
  int sample_rate_hz_ = 0;
  int channels_ = 1;
  std::int64_t frames_ = 0;
};

}  // namespace langdu::audio
