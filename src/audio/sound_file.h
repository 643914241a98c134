#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "audio/sink.h"

typedef struct sf_private_tag SNDFILE;

namespace langdu::audio {

/// Output formats.
enum class Format { kWav, kFlac };

/// "wav" or "flac" → Format; nullopt for other names.
std::optional<Format> ParseFormat(std::string_view name);

/// The file name extension of a format, without the dot.
std::string_view Extension(Format format);

/// Text tags written into a file (where the format has room for them).
struct Tags {
  std::string title;   ///< chapter title
  std::string album;   ///< document title
  std::string artist;  ///< narrator
  std::string track;   ///< "n/N"
  std::string genre = "Speech";
  std::string comment;
  std::string software;
};

/// An audio file written through libsndfile: 16-bit mono at the given rate.
class SoundFileWriter : public AudioSink {
 public:
  /// Creates `path`. Throws core::Error(kOutput) naming the path when it cannot.
  SoundFileWriter(const std::filesystem::path& path, Format format, int sample_rate_hz,
                  const Tags& tags);
  ~SoundFileWriter() override;
  SoundFileWriter(const SoundFileWriter&) = delete;
  SoundFileWriter& operator=(const SoundFileWriter&) = delete;

  void Write(std::span<const std::int16_t> samples) override;

  /// Finishes the file (headers, flush). Throws core::Error(kOutput) when that fails.
  void Close();

 private:
  std::filesystem::path path_;
  SNDFILE* file_ = nullptr;
};

}  // namespace langdu::audio
