#include "audio/lame_encoder.h"

#include <lame/lame.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/error.h"

namespace langdu::audio {
namespace {

// LAME encodes at most this many samples per call into a buffer of kBufferBytes: lame.h asks
// for 1.25 × samples + 7200 bytes.
constexpr std::size_t kChunkSamples = 8192;
constexpr std::size_t kBufferBytes = kChunkSamples * 5 / 4 + 7200;

core::Error OutputError(const std::filesystem::path& path, const std::string& what) {
  return core::Error(core::ErrorKind::kOutput, path.string() + ": " + what);
}

// The one place where LAME's status becomes a langdu error. LAME's codes have no text.
void Check(int status, const std::filesystem::path& path, const char* what) {
  if (status < 0) {
    throw OutputError(path, std::string(what) + ": LAME error " + std::to_string(status));
  }
}

void Configure(lame_global_flags* lame, const EncoderSettings& settings,
               const std::filesystem::path& path) {
  Check(lame_set_in_samplerate(lame, settings.sample_rate_hz), path, "cannot set the rate");
  Check(lame_set_out_samplerate(lame, settings.sample_rate_hz), path, "cannot set the rate");
  Check(lame_set_num_channels(lame, 1), path, "cannot set mono");
  Check(lame_set_mode(lame, MONO), path, "cannot set mono");
  Check(lame_set_quality(lame, settings.mp3_speed.value_or(Info(Format::kMp3).default_speed)), path,
        "encoder refuses the speed");
  if (settings.quality) {
    // LAME's default VBR (mtrh), at -V 10 - quality: quality 6 is -V4.
    Check(lame_set_VBR(lame, vbr_default), path, "encoder refuses the bitrate mode");
    Check(lame_set_VBR_quality(lame, static_cast<float>(10 - *settings.quality)), path,
          "encoder refuses the quality");
  } else {
    Check(lame_set_VBR(lame, vbr_off), path, "encoder refuses the bitrate mode");
    Check(lame_set_brate(lame, *settings.bitrate_kbps), path, "encoder refuses the bitrate");
  }
  // The info frame is written here, ID3 tags by TagLib; ReplayGain analysis would only fill a
  // field of the info frame that no player of speech needs.
  Check(lame_set_bWriteVbrTag(lame, 1), path, "cannot ask for the info frame");
  lame_set_write_id3tag_automatic(lame, 0);
  Check(lame_set_findReplayGain(lame, 0), path, "cannot turn off ReplayGain");
  Check(lame_init_params(lame), path, "encoder refuses the settings");
}

}  // namespace

LameEncoder::LameEncoder(const std::filesystem::path& path, const EncoderSettings& settings,
                         Tags tags, const std::optional<Picture>& cover)
    : path_(path),
      tags_(std::move(tags)),
      cover_(cover),
      lame_(lame_init()),
      file_(nullptr, std::fclose),
      buffer_(kBufferBytes) {
  if (lame_ == nullptr) throw OutputError(path, "cannot start LAME");
  // The destructor does not run when the constructor throws: LAME is closed here then.
  try {
    Configure(lame_, settings, path);
    file_.reset(std::fopen(path.c_str(), "wb"));
    if (!file_) throw OutputError(path, std::string("cannot create: ") + std::strerror(errno));
  } catch (...) {
    lame_close(lame_);
    lame_ = nullptr;
    throw;
  }
}

LameEncoder::~LameEncoder() {
  if (lame_ != nullptr) lame_close(lame_);
}

void LameEncoder::Write(std::span<const std::int16_t> samples) {
  while (!samples.empty()) {
    const std::size_t count = std::min(samples.size(), kChunkSamples);
    // LAME reads the left channel only in mono; its pointer lacks a const.
    const int bytes = lame_encode_buffer(lame_, const_cast<short*>(samples.data()), nullptr,
                                         static_cast<int>(count), buffer_.data(),
                                         static_cast<int>(buffer_.size()));
    Check(bytes, path_, "cannot encode");
    WriteBytes(static_cast<std::size_t>(bytes));
    samples = samples.subspan(count);
  }
}

void LameEncoder::Finish(std::span<const ChapterMark> chapters) {
  const int bytes = lame_encode_flush(lame_, buffer_.data(), static_cast<int>(buffer_.size()));
  Check(bytes, path_, "cannot finish");
  WriteBytes(static_cast<std::size_t>(bytes));
  // LAME left an empty frame first; it becomes the Xing/LAME info frame now that the frame
  // count, delay and padding are known.
  const std::size_t info_bytes = lame_get_lametag_frame(lame_, buffer_.data(), buffer_.size());
  if (info_bytes > buffer_.size()) throw OutputError(path_, "info frame too large");
  if (std::fseek(file_.get(), 0, SEEK_SET) != 0) {
    throw OutputError(path_, std::string("cannot finish: ") + std::strerror(errno));
  }
  WriteBytes(info_bytes);
  if (std::fclose(file_.release()) != 0) {
    throw OutputError(path_, std::string("cannot finish: ") + std::strerror(errno));
  }
  WriteTags(path_, Format::kMp3, tags_, cover_, chapters);
}

void LameEncoder::WriteBytes(std::size_t count) {
  if (count > 0 && std::fwrite(buffer_.data(), 1, count, file_.get()) != count) {
    throw OutputError(path_, std::string("cannot write: ") + std::strerror(errno));
  }
}

}  // namespace langdu::audio
