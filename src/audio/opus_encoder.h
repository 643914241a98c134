#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>

#include "audio/encoder.h"

struct OggOpusEnc;

namespace langdu::audio {

/// Ogg Opus through libopusenc, at settings.bitrate_kbps and settings.opus_complexity. The tags
/// and the cover (METADATA_BLOCK_PICTURE) go into the comment header as the file is created;
/// chapter marks (CHAPTERnnn), known only at the end, are added by TagLib in Finish. The Ogg
/// serial number comes from the tags, so the same input gives the same bytes.
class OpusEncoder : public Encoder {
 public:
  /// Creates `path`. Throws core::Error(kOutput) naming the path when it cannot, or when the
  /// codec refuses the settings. `cover` must outlive the encoder.
  OpusEncoder(const std::filesystem::path& path, const EncoderSettings& settings, Tags tags,
              const std::optional<Picture>& cover);
  ~OpusEncoder() override;
  OpusEncoder(const OpusEncoder&) = delete;
  OpusEncoder& operator=(const OpusEncoder&) = delete;

  void Write(std::span<const std::int16_t> samples) override;
  void Finish(std::span<const ChapterMark> chapters) override;

 private:
  std::filesystem::path path_;
  Tags tags_;
  const std::optional<Picture>& cover_;
  OggOpusEnc* encoder_ = nullptr;
};

}  // namespace langdu::audio
