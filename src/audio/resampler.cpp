#include "audio/resampler.h"

#include <soxr.h>

#include <string>

#include "core/error.h"

namespace langdu::audio {
namespace {

constexpr std::size_t kBufferSamples = 8192;

// The one place where soxr's status becomes a langdu error.
void Check(soxr_error_t error, const char* what) {
  if (error != nullptr) {
    throw core::Error(core::ErrorKind::kInternal, std::string("resampler: ") + what + ": " + error);
  }
}

}  // namespace

Resampler::Resampler(AudioSink& out, int input_rate_hz, int output_rate_hz)
    : out_(out), buffer_(kBufferSamples) {
  const soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I);
  soxr_io_spec_t io_no_dither = io;
  io_no_dither.flags |= SOXR_NO_DITHER;
  const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
  soxr_error_t error = nullptr;
  soxr_ = soxr_create(input_rate_hz, output_rate_hz, 1, &error, &io_no_dither, &quality, nullptr);
  Check(error, "cannot start");
}

Resampler::~Resampler() { soxr_delete(soxr_); }

void Resampler::Write(std::span<const std::int16_t> samples) {
  if (!samples.empty()) Process(samples.data(), samples.size());
}

void Resampler::Finish() { Process(nullptr, 0); }

void Resampler::Process(const std::int16_t* samples, std::size_t count) {
  // A null input tells soxr the stream has ended: it then drains what it holds.
  std::size_t offset = 0;
  do {
    std::size_t used = 0;
    std::size_t made = 0;
    Check(soxr_process(soxr_, samples == nullptr ? nullptr : samples + offset, count - offset,
                       &used, buffer_.data(), buffer_.size(), &made),
          "cannot resample");
    offset += used;
    if (made > 0) out_.Write(std::span<const std::int16_t>(buffer_.data(), made));
    if (samples == nullptr && made == 0) break;
  } while (samples == nullptr || offset < count);
}

}  // namespace langdu::audio
