#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "audio/sink.h"

namespace langdu::audio {

/// An AudioSink that keeps everything written to it, for tests.
class BufferSink : public AudioSink {
 public:
  void Write(std::span<const std::int16_t> samples) override {
    samples_.insert(samples_.end(), samples.begin(), samples.end());
  }
  const std::vector<std::int16_t>& samples() const { return samples_; }

 private:
  std::vector<std::int16_t> samples_;
};

}  // namespace langdu::audio
