#include "audio/sound_file_reader.h"

#include <sndfile.h>

#include <algorithm>

#include "core/error.h"

namespace langdu::audio {

SoundFileReader::SoundFileReader(const std::filesystem::path& path) : path_(path) {
  SF_INFO info{};
  file_ = sf_open(path.c_str(), SFM_READ, &info);
  if (file_ == nullptr) {
    throw core::Error(core::ErrorKind::kInputMissing,
                      path.string() + ": cannot read audio: " + sf_strerror(nullptr));
  }
  sample_rate_hz_ = info.samplerate;
  channels_ = std::max(1, info.channels);
  frames_ = info.frames;
}

SoundFileReader::~SoundFileReader() { sf_close(file_); }

std::vector<std::int16_t> SoundFileReader::Read(std::int64_t first, std::int64_t count) {
  first = std::clamp<std::int64_t>(first, 0, frames_);
  count = std::clamp<std::int64_t>(count, 0, frames_ - first);
  if (sf_seek(file_, first, SEEK_SET) < 0) {
    throw core::Error(core::ErrorKind::kInputDecode, path_.string() + ": cannot seek to frame " +
                                                         std::to_string(first) + ": " +
                                                         sf_strerror(file_));
  }
  std::vector<short> interleaved(static_cast<std::size_t>(count * channels_));
  const sf_count_t got = sf_readf_short(file_, interleaved.data(), count);
  std::vector<std::int16_t> mono(static_cast<std::size_t>(std::max<sf_count_t>(got, 0)));
  for (std::size_t frame = 0; frame < mono.size(); ++frame) {
    int sum = 0;
    for (int channel = 0; channel < channels_; ++channel) {
      sum += interleaved[frame * static_cast<std::size_t>(channels_) +
                         static_cast<std::size_t>(channel)];
    }
    mono[frame] = static_cast<std::int16_t>(sum / channels_);
  }
  return mono;
}

}  // namespace langdu::audio
