#pragma once

#include <cstdint>
#include <filesystem>
#include <span>

#include "audio/format.h"
#include "audio/sink.h"

typedef struct sf_private_tag SNDFILE;

namespace langdu::audio {

/// An audio file written through libsndfile: 16-bit mono samples at settings.sample_rate_hz,
/// encoded as settings ask. Tags are written afterwards (audio/tags.h).
class SoundFileWriter : public AudioSink {
 public:
  /// Creates `path`. Throws core::Error(kOutput) naming the path when it cannot, or when the
  /// encoder refuses the settings.
  SoundFileWriter(const std::filesystem::path& path, const EncoderSettings& settings);
  ~SoundFileWriter() override;
  SoundFileWriter(const SoundFileWriter&) = delete;
  SoundFileWriter& operator=(const SoundFileWriter&) = delete;

  void Write(std::span<const std::int16_t> samples) override;

  /// Finishes the file (headers, flush). Throws core::Error(kOutput) when that fails.
  void Close();

  /// Samples written so far.
  std::int64_t samples_written() const { return samples_written_; }

 private:
  std::filesystem::path path_;
  SNDFILE* file_ = nullptr;
  std::int64_t samples_written_ = 0;
};

}  // namespace langdu::audio
