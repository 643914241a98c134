#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>

#include "audio/encoder.h"
#include "audio/format.h"
#include "audio/tags.h"

namespace langdu::audio {

/// The most chapters a Nero chapter list (`chpl`) holds; the QuickTime chapter track has no limit.
inline constexpr std::size_t kNeroChapterLimit = 255;

/// An M4B audiobook through libavformat and libavcodec: AAC-LC from FFmpeg's native encoder in
/// the "ipod" muxer (MP4 with brand M4A), tags (title, artist, album, genre, date, comment) and
/// the cover as iTunes atoms, chapters both as a QuickTime chapter track and as a Nero `chpl`
/// list (only the QuickTime track past kNeroChapterLimit chapters), and the index (`moov`) moved to the front (faststart) so
/// players can start before the file is read to the end. Output is bit-exact (no version strings,
/// no creation time), so the same samples give the same bytes.
class M4bEncoder : public Encoder {
 public:
  /// Creates `path` for 16-bit mono samples at `settings.sample_rate_hz`, AAC at
  /// `settings.bitrate_kbps` (default 48). Throws core::Error(kOutput) naming the path when the
  /// file cannot be created or the codec refuses the settings.
  M4bEncoder(const std::filesystem::path& path, const EncoderSettings& settings, const Tags& tags,
             const std::optional<Picture>& cover);
  ~M4bEncoder() override;
  M4bEncoder(const M4bEncoder&) = delete;
  M4bEncoder& operator=(const M4bEncoder&) = delete;

  /// Encodes samples. Throws core::Error(kOutput).
  void Write(std::span<const std::int16_t> samples) override;

  /// Flushes the encoder and completes the file with `chapters` (seconds of decoded audio; empty:
  /// none). Call once, after the last Write. Throws core::Error(kOutput).
  void Finish(std::span<const ChapterMark> chapters) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace langdu::audio
