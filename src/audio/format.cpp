#include "audio/format.h"

#include <algorithm>
#include <array>

#include "core/error.h"

namespace langdu::audio {
namespace {

// The rates LAME encodes (MPEG-1, -2 and -2.5 layer III).
constexpr std::array<int, 9> kMp3Rates = {8000,  11025, 12000, 16000, 22050,
                                          24000, 32000, 44100, 48000};
// The rates the Opus codec runs at; other rates must be resampled, never relabelled.
constexpr std::array<int, 5> kOpusRates = {8000, 12000, 16000, 24000, 48000};

// The rates FFmpeg's AAC encoder takes (the MPEG-4 sampling frequency table, up to 48 kHz).
constexpr std::array<int, 9> kAacRates = {8000,  11025, 12000, 16000, 22050,
                                          24000, 32000, 44100, 48000};

// Speech defaults: MP3 quality 6 is LAME's -V4 (≈ 55 kbit/s for langdu's voice at 22050 Hz,
// measured on the seed speech), Vorbis quality 3 is oggenc's -q 3, Opus at 24 kHz (super-wideband:
// all of a voice) and 32 kbit/s is transparent for speech. Speeds, by scripts/measure-encoders.sh
// (docs/formats.md): MP3 speed 5 decodes to the very samples of speeds 0-4 (below 5 LAME only
// searches harder for Huffman tables) for 1.8% more bytes and 17% less time; Opus complexity 5
// costs a third of 10 for 0.6 dB less SDR, where 4 loses 3.6 dB.
constexpr std::array<FormatInfo, 6> kFormats = {{
    {Format::kWav, "wav", "wav", false, {}, 0, false, false, 0, 0, 0},
    {Format::kFlac, "flac", "flac", false, {}, 0, false, false, 0, 0, 0},
    {Format::kMp3, "mp3", "mp3", true, kMp3Rates, 0, true, true, 0, 6, 5},
    {Format::kOgg, "ogg", "ogg", true, {}, 0, false, true, 0, 3, 0},
    {Format::kOpus, "opus", "opus", true, kOpusRates, 24000, true, false, 32, 0, 5},
    // AAC-LC at 48 kbit/s: clean mono speech at the engine's 22050 Hz.
    {Format::kM4b, "m4b", "m4b", true, kAacRates, 0, true, false, 48, 0, 0},
}};

constexpr std::array<std::string_view, 6> kNames = {"wav", "flac", "mp3", "ogg", "opus", "m4b"};

core::Error Usage(const std::string& message) {
  return core::Error(core::ErrorKind::kUsage, message);
}

void CheckRange(const char* option, int value, int low, int high) {
  if (value < low || value > high) {
    throw Usage(std::string(option) + ": " + std::to_string(value) + " is not in " +
                std::to_string(low) + ".." + std::to_string(high));
  }
}

// --mp3-speed and --opus-complexity: the effort of one format's encoder.
std::optional<int> ResolveSpeed(const char* option, std::optional<int> value, Format own,
                                Format format, int low, int high) {
  if (!value) return format == own ? std::optional(Info(own).default_speed) : std::nullopt;
  if (format != own) {
    throw Usage(std::string(option) + ": applies to " + std::string(Info(own).name) + ", not " +
                std::string(Info(format).name));
  }
  CheckRange(option, *value, low, high);
  return value;
}

std::string RateList(std::span<const int> rates) {
  std::string list;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    if (i > 0) list += i + 1 == rates.size() ? " or " : ", ";
    list += std::to_string(rates[i]);
  }
  return list;
}

}  // namespace

const FormatInfo& Info(Format format) {
  return *std::find_if(kFormats.begin(), kFormats.end(),
                       [format](const FormatInfo& info) { return info.format == format; });
}

std::optional<Format> ParseFormat(std::string_view name) {
  for (const FormatInfo& info : kFormats) {
    if (info.name == name) return info.format;
  }
  return std::nullopt;
}

std::string_view Extension(Format format) { return Info(format).extension; }

std::span<const std::string_view> FormatNames() { return kNames; }

EncoderSettings ResolveEncoder(Format format, int engine_rate_hz, std::optional<int> sample_rate_hz,
                               std::optional<int> bitrate_kbps, std::optional<int> quality,
                               std::optional<int> mp3_speed, std::optional<int> opus_complexity) {
  const FormatInfo& info = Info(format);
  const std::string name(info.name);
  EncoderSettings settings;
  settings.format = format;
  settings.sample_rate_hz =
      sample_rate_hz.value_or(info.default_rate_hz != 0 ? info.default_rate_hz : engine_rate_hz);
  const int rate = settings.sample_rate_hz;
  if (info.rates_hz.empty()) {
    if (rate < 8000 || rate > 192000) {
      throw Usage("--sample-rate: " + std::to_string(rate) + " is not in 8000..192000");
    }
  } else if (std::find(info.rates_hz.begin(), info.rates_hz.end(), rate) == info.rates_hz.end()) {
    throw Usage("--sample-rate: " + name + " takes " + RateList(info.rates_hz) + " Hz, not " +
                std::to_string(rate));
  }
  if (bitrate_kbps && quality) throw Usage("--bitrate and --quality: give one, not both");
  if (bitrate_kbps) {
    if (!info.takes_bitrate) {
      throw Usage("--bitrate: " + name +
                  (info.lossy ? " takes --quality, not a bitrate" : " is lossless"));
    }
    CheckRange("--bitrate", *bitrate_kbps, format == Format::kOpus ? 6 : 8,
               format == Format::kOpus ? 256 : 320);
    settings.bitrate_kbps = bitrate_kbps;
  }
  if (quality) {
    if (!info.takes_quality) {
      throw Usage("--quality: " + name +
                  (info.lossy ? " takes --bitrate, not a quality" : " is lossless"));
    }
    CheckRange("--quality", *quality, 0, 10);
    settings.quality = quality;
  }
  if (!settings.bitrate_kbps && !settings.quality) {
    if (info.takes_quality) {
      settings.quality = info.default_quality;
    } else if (info.takes_bitrate) {
      settings.bitrate_kbps = info.default_bitrate_kbps;
    }
  }
  settings.mp3_speed = ResolveSpeed("--mp3-speed", mp3_speed, Format::kMp3, format, 0, 9);
  settings.opus_complexity =
      ResolveSpeed("--opus-complexity", opus_complexity, Format::kOpus, format, 0, 10);
  return settings;
}

}  // namespace langdu::audio
