// Encoder speed against size, on real speech: LANGDU_BENCH_SPEECH names a 16-bit mono WAV at
// 22050 Hz (scripts/bench.sh makes one with espeak-ng). Each case encodes its first minutes at
// one setting of the encoder's effort (MP3 --mp3-speed, Opus --opus-complexity); with
// LANGDU_BENCH_OUT set, the files are kept there for scripts/measure-encoders.sh.
#include <benchmark/benchmark.h>
#include <sndfile.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "audio/encoder.h"
#include "audio/resampler.h"

namespace {

using namespace langdu;

constexpr int kEngineRateHz = 22050;
constexpr int kSeconds = 120;

const std::vector<std::int16_t>& Speech() {
  static const std::vector<std::int16_t> samples = [] {
    std::vector<std::int16_t> read;
    const char* path = std::getenv("LANGDU_BENCH_SPEECH");
    if (path == nullptr) return read;
    SF_INFO info{};
    SNDFILE* file = sf_open(path, SFM_READ, &info);
    if (file == nullptr || info.channels != 1 || info.samplerate != kEngineRateHz) {
      if (file != nullptr) sf_close(file);
      return read;
    }
    read.resize(static_cast<std::size_t>(kSeconds) * kEngineRateHz);
    read.resize(static_cast<std::size_t>(
        sf_read_short(file, read.data(), static_cast<sf_count_t>(read.size()))));
    sf_close(file);
    return read;
  }();
  return samples;
}

std::filesystem::path OutputPath(const audio::EncoderSettings& settings, int speed) {
  const char* dir = std::getenv("LANGDU_BENCH_OUT");
  const std::filesystem::path folder =
      dir != nullptr ? dir : std::filesystem::temp_directory_path();
  return folder /
         ("bench-" + std::to_string(speed) + "." + std::string(audio::Extension(settings.format)));
}

void Encode(benchmark::State& state, const audio::EncoderSettings& settings, int speed) {
  const std::vector<std::int16_t>& speech = Speech();
  if (speech.empty()) {
    state.SkipWithError("set LANGDU_BENCH_SPEECH to a 22050 Hz mono WAV");
    return;
  }
  const std::filesystem::path path = OutputPath(settings, speed);
  for (auto _ : state) {
    const std::unique_ptr<audio::Encoder> encoder = audio::OpenEncoder(path, settings, {}, {});
    if (settings.sample_rate_hz != kEngineRateHz) {
      audio::Resampler resampler(*encoder, kEngineRateHz, settings.sample_rate_hz);
      resampler.Write(speech);
      resampler.Finish();
    } else {
      encoder->Write(speech);
    }
    encoder->Finish({});
  }
  const auto bytes = static_cast<double>(std::filesystem::file_size(path));
  const double seconds = static_cast<double>(speech.size()) / kEngineRateHz;
  state.counters["kbps"] = bytes * 8 / seconds / 1000;
  state.counters["x_realtime"] =
      benchmark::Counter(seconds, benchmark::Counter::kIsIterationInvariantRate);
  if (std::getenv("LANGDU_BENCH_OUT") == nullptr) std::filesystem::remove(path);
}

void BM_EncodeMp3(benchmark::State& state) {
  const int speed = static_cast<int>(state.range(0));
  Encode(state, audio::ResolveEncoder(audio::Format::kMp3, kEngineRateHz, {}, {}, {}, speed, {}),
         speed);
}
BENCHMARK(BM_EncodeMp3)->DenseRange(0, 9)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_EncodeOpus(benchmark::State& state) {
  const int complexity = static_cast<int>(state.range(0));
  Encode(state,
         audio::ResolveEncoder(audio::Format::kOpus, kEngineRateHz, {}, {}, {}, {}, complexity),
         complexity);
}
BENCHMARK(BM_EncodeOpus)->DenseRange(0, 10)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_EncodeOther(benchmark::State& state) {
  const auto format = static_cast<audio::Format>(state.range(0));
  Encode(state, audio::ResolveEncoder(format, kEngineRateHz, {}, {}, {}), 0);
}
BENCHMARK(BM_EncodeOther)
    ->Arg(static_cast<int>(audio::Format::kWav))
    ->Arg(static_cast<int>(audio::Format::kFlac))
    ->Arg(static_cast<int>(audio::Format::kOgg))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
