#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>

#include "audio/encoder.h"

typedef struct sf_private_tag SNDFILE;

namespace langdu::audio {

/// WAV, FLAC and Ogg Vorbis through libsndfile; Finish tags the closed file with TagLib
/// (audio/tags.h), since libsndfile writes no UTF-8 tags, pictures or chapter marks.
class SoundFileEncoder : public Encoder {
 public:
  /// Creates `path`. Throws core::Error(kOutput) naming the path when it cannot, or when the
  /// encoder refuses the settings. `cover` must outlive the encoder.
  SoundFileEncoder(const std::filesystem::path& path, const EncoderSettings& settings, Tags tags,
                   const std::optional<Picture>& cover);
  ~SoundFileEncoder() override;
  SoundFileEncoder(const SoundFileEncoder&) = delete;
  SoundFileEncoder& operator=(const SoundFileEncoder&) = delete;

  void Write(std::span<const std::int16_t> samples) override;
  void Finish(std::span<const ChapterMark> chapters) override;

 private:
  std::filesystem::path path_;
  Format format_;
  Tags tags_;
  const std::optional<Picture>& cover_;
  SNDFILE* file_ = nullptr;
};

}  // namespace langdu::audio
