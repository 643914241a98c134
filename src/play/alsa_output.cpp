#include "play/alsa_output.h"

#include <alsa/asoundlib.h>

#include "core/error.h"

namespace langdu::play {
namespace {

constexpr unsigned kLatencyUs = 100000;

// ALSA reports its own errors on stderr (a card not found, a bad configuration): langdu says
// what failed in one line of its own instead.
void Silent(const char*, int, const char*, int, const char*, ...) {}

// The one place an ALSA status becomes an error.
void Check(int status, const std::string& device, const std::string& what) {
  if (status >= 0) return;
  throw core::Error(core::ErrorKind::kDevice, "--device " + device + ": " + what + ": " +
                                                  snd_strerror(status) +
                                                  "; use --device null to play without sound");
}

}  // namespace

AlsaOutput::AlsaOutput(const std::string& name, int sample_rate_hz) : name_(name) {
  snd_lib_error_set_handler(&Silent);
  Check(snd_pcm_open(&pcm_, name.c_str(), SND_PCM_STREAM_PLAYBACK, 0), name,
        "cannot open the sound device");
  const int status = snd_pcm_set_params(pcm_, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                                        static_cast<unsigned>(sample_rate_hz), 1, kLatencyUs);
  if (status < 0) {
    snd_pcm_close(pcm_);
    pcm_ = nullptr;
    Check(status, name, "cannot play 16-bit mono at " + std::to_string(sample_rate_hz) + " Hz");
  }
}

AlsaOutput::~AlsaOutput() {
  if (pcm_ != nullptr) snd_pcm_close(pcm_);
}

void AlsaOutput::Write(std::span<const std::int16_t> samples) {
  while (!samples.empty()) {
    snd_pcm_sframes_t written = snd_pcm_writei(pcm_, samples.data(), samples.size());
    if (written < 0) {
      // An underrun (the listener paused, or a sentence came late): start the device again.
      Check(snd_pcm_recover(pcm_, static_cast<int>(written), 1), name_, "cannot play");
      continue;
    }
    samples = samples.subspan(static_cast<std::size_t>(written));
  }
}

std::int64_t AlsaOutput::Stop() {
  snd_pcm_sframes_t delay = 0;
  if (snd_pcm_delay(pcm_, &delay) < 0 || delay < 0) delay = 0;
  snd_pcm_drop(pcm_);
  Check(snd_pcm_prepare(pcm_), name_, "cannot play");
  return delay;
}

void AlsaOutput::Drain() { snd_pcm_drain(pcm_); }

}  // namespace langdu::play
