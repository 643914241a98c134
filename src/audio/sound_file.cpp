#include "audio/sound_file.h"

#include <sndfile.h>

#include <algorithm>
#include <cctype>

#include "core/error.h"

namespace langdu::audio {
namespace {

// The one place where libsndfile's status becomes a langdu error.
core::Error OutputError(const std::filesystem::path& path, SNDFILE* file, const std::string& what) {
  std::string reason = sf_strerror(file);
  if (!reason.empty()) {
    reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  }
  return core::Error(core::ErrorKind::kOutput, path.string() + ": " + what + ": " + reason);
}

int SndfileFormat(Format format) {
  switch (format) {
    case Format::kWav:
      return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case Format::kFlac:
      return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case Format::kMp3:
      return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    case Format::kOgg:
      return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case Format::kOpus:
      return SF_FORMAT_OGG | SF_FORMAT_OPUS;
  }
  return 0;
}

// libsndfile sets every lossy encoder through one "compression level", 0 (best) .. 1 (smallest),
// which each codec maps onto its own scale (src/mpeg_l3_encode.c, ogg_vorbis.c, ogg_opus.c).
// These invert those maps so that --bitrate and --quality mean what they say.
double CompressionFor(const EncoderSettings& settings) {
  // Nudged down so that the codec's integer truncation lands on the asked bitrate, not below.
  constexpr double kNudge = 1e-9;
  if (settings.quality) return 1.0 - *settings.quality / 10.0;
  const double kbps = *settings.bitrate_kbps;
  if (settings.format == Format::kOpus) return 1.0 - (kbps * 1000.0 - 6000.0) / 250000.0 - kNudge;
  double high = 64.0;
  double low = 8.0;
  if (settings.sample_rate_hz >= 32000) {
    high = 320.0;
    low = 32.0;
  } else if (settings.sample_rate_hz >= 16000) {
    high = 160.0;
  }
  return std::clamp((high - kbps) / (high - low) - kNudge, 0.0, 1.0);
}

void Configure(SNDFILE* file, const std::filesystem::path& path, const EncoderSettings& settings) {
  if (!Info(settings.format).lossy) return;
  double compression = CompressionFor(settings);
  if (!sf_command(file, SFC_SET_COMPRESSION_LEVEL, &compression, sizeof compression)) {
    throw OutputError(path, file, "encoder refuses the quality");
  }
  if (settings.format == Format::kMp3) {
    int mode = settings.quality ? SF_BITRATE_MODE_VARIABLE : SF_BITRATE_MODE_CONSTANT;
    if (!sf_command(file, SFC_SET_BITRATE_MODE, &mode, sizeof mode)) {
      throw OutputError(path, file, "encoder refuses the bitrate mode");
    }
  }
}

}  // namespace

SoundFileEncoder::SoundFileEncoder(const std::filesystem::path& path,
                                   const EncoderSettings& settings, Tags tags,
                                   const std::optional<Picture>& cover)
    : path_(path), format_(settings.format), tags_(std::move(tags)), cover_(cover) {
  SF_INFO info{};
  info.samplerate = settings.sample_rate_hz;
  info.channels = 1;
  info.format = SndfileFormat(settings.format);
  file_ = sf_open(path.c_str(), SFM_WRITE, &info);
  if (file_ == nullptr) throw OutputError(path, nullptr, "cannot create");
  Configure(file_, path, settings);
}

SoundFileEncoder::~SoundFileEncoder() {
  if (file_ != nullptr) sf_close(file_);
}

void SoundFileEncoder::Write(std::span<const std::int16_t> samples) {
  const auto count = static_cast<sf_count_t>(samples.size());
  if (sf_write_short(file_, samples.data(), count) != count) {
    throw OutputError(path_, file_, "cannot write");
  }
}

void SoundFileEncoder::Finish(std::span<const ChapterMark> chapters) {
  sf_write_sync(file_);
  const int status = sf_close(file_);
  file_ = nullptr;
  if (status != 0) {
    throw core::Error(core::ErrorKind::kOutput,
                      path_.string() + ": cannot finish: " + sf_error_number(status));
  }
  WriteTags(path_, format_, tags_, cover_, chapters);
}

}  // namespace langdu::audio
