#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "audio/encoder.h"

struct lame_global_struct;

namespace langdu::audio {

/// MP3 through libmp3lame: VBR (--quality q = LAME -V(10-q)) or CBR (--bitrate), at LAME's
/// algorithm quality settings.mp3_speed (-q). The first frame is the Xing/LAME info frame, filled
/// in at the end with the frame count, encoder delay and padding (for durations and gapless
/// players); Finish then adds the ID3v2.4 tag, cover and chapters with TagLib.
class LameEncoder : public Encoder {
 public:
  /// Creates `path`. Throws core::Error(kOutput) naming the path when it cannot, or when LAME
  /// refuses the settings. `cover` must outlive the encoder.
  LameEncoder(const std::filesystem::path& path, const EncoderSettings& settings, Tags tags,
              const std::optional<Picture>& cover);
  ~LameEncoder() override;
  LameEncoder(const LameEncoder&) = delete;
  LameEncoder& operator=(const LameEncoder&) = delete;

  void Write(std::span<const std::int16_t> samples) override;
  void Finish(std::span<const ChapterMark> chapters) override;

 private:
  void WriteBytes(std::size_t count);

  std::filesystem::path path_;
  Tags tags_;
  const std::optional<Picture>& cover_;
  lame_global_struct* lame_ = nullptr;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  std::vector<unsigned char> buffer_;
};

}  // namespace langdu::audio
