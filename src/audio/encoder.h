#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>

#include "audio/format.h"
#include "audio/sink.h"
#include "audio/tags.h"

namespace langdu::audio {

/// One audio file being encoded: 16-bit mono samples at the settings' rate go in through Write;
/// Finish completes the file with its tags, cover and chapter marks. Each format has its own
/// implementation (libsndfile, LAME, libopusenc; see OpenEncoder). Destroying an unfinished
/// encoder closes its handles and leaves an incomplete file, which the caller discards.
class Encoder : public AudioSink {
 public:
  /// Completes the file: flushes the codec, writes the container's headers and trailer, and the
  /// tags, cover and `chapters` (seconds of decoded audio; empty: none). Call once, after the last
  /// Write. Throws core::Error(kOutput) naming the path when the file cannot be finished.
  virtual void Finish(std::span<const ChapterMark> chapters) = 0;
};

/// Creates `path` and the encoder `settings.format` asks for. `tags` and `cover` go into the file
/// (see docs/formats.md for where each container keeps them); `cover` must outlive the encoder.
/// Throws core::Error(kOutput) naming the path when the file cannot be created or the codec
/// refuses the settings.
std::unique_ptr<Encoder> OpenEncoder(const std::filesystem::path& path,
                                     const EncoderSettings& settings, const Tags& tags,
                                     const std::optional<Picture>& cover);

}  // namespace langdu::audio
