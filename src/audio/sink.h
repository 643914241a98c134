#pragma once

#include <cstdint>
#include <span>

namespace langdu::audio {

/// Where assembled 16-bit mono samples go: an encoder, or a buffer in tests.
class AudioSink {
 public:
  virtual ~AudioSink() = default;
  /// Appends samples. Throws core::Error(kOutput) when they cannot be written.
  virtual void Write(std::span<const std::int16_t> samples) = 0;
};

}  // namespace langdu::audio
