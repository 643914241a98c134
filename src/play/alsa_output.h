#pragma once

#include <string>

#include "play/player.h"

typedef struct _snd_pcm snd_pcm_t;

namespace langdu::play {

/// A sound device through ALSA: 16-bit mono at the source's rate (ALSA's plug layer converts when
/// the device needs it), about 100 ms of buffer.
class AlsaOutput : public AudioOutput {
 public:
  /// Opens device `name` ("default", "hw:1", ...). Throws core::Error(kDevice) with a line that
  /// suggests --device null when it cannot.
  AlsaOutput(const std::string& name, int sample_rate_hz);
  ~AlsaOutput() override;
  AlsaOutput(const AlsaOutput&) = delete;
  AlsaOutput& operator=(const AlsaOutput&) = delete;

  void Write(std::span<const std::int16_t> samples) override;
  std::int64_t Stop() override;
  void Drain() override;

 private:
  std::string name_;
  snd_pcm_t* pcm_ = nullptr;
};

}  // namespace langdu::play
