#include "audio/sound_file.h"

#include <sndfile.h>

#include <algorithm>
#include <cctype>

#include "core/error.h"

namespace langdu::audio {
namespace {

constexpr std::size_t kChunkSamples = 8192;

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
    case Format::kFlac:
      return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case Format::kOgg:
      return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    default:
      return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  }
}

// libsndfile sets Vorbis through one "compression level", 0 (best) .. 1 (smallest), which it maps
// onto oggenc's -q (src/ogg_vorbis.c): this inverts the map so that --quality means oggenc's -q.
void Configure(SNDFILE* file, const std::filesystem::path& path, const EncoderSettings& settings) {
  if (settings.format != Format::kOgg || !settings.quality) return;
  double compression = 1.0 - *settings.quality / 10.0;
  if (!sf_command(file, SFC_SET_COMPRESSION_LEVEL, &compression, sizeof compression)) {
    throw OutputError(path, file, "encoder refuses the quality");
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
  // libsndfile hands a write to libvorbis whole, and libvorbis 1.3.7 crashes in
  // vorbis_analysis_wrote on a few million samples at once: bounded chunks.
  while (!samples.empty()) {
    const std::size_t count = std::min(samples.size(), kChunkSamples);
    const auto frames = static_cast<sf_count_t>(count);
    if (sf_write_short(file_, samples.data(), frames) != frames) {
      throw OutputError(path_, file_, "cannot write");
    }
    samples = samples.subspan(count);
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
