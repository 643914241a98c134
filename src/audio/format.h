#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace langdu::audio {

/// Output formats.
enum class Format { kWav, kFlac, kMp3, kOgg, kOpus, kM4b };

/// What langdu knows about one format: one row of a table (format.cpp).
struct FormatInfo {
  Format format;
  std::string_view name;       ///< as given to --format
  std::string_view extension;  ///< file name extension, without the dot
  bool lossy;
  std::span<const int> rates_hz;  ///< the rates the encoder takes; empty: any in 8000..192000
  int default_rate_hz;            ///< 0: the engine's rate
  bool takes_bitrate;             ///< --bitrate applies
  bool takes_quality;             ///< --quality applies
  int default_bitrate_kbps;       ///< when takes_bitrate and neither option is given
  int default_quality;            ///< when takes_quality and neither option is given
  /// The encoder's effort when not given, chosen by measurement (docs/formats.md): MP3, LAME's
  /// algorithm quality (--mp3-speed); Opus, its complexity (--opus-complexity); else unused.
  int default_speed;
};

/// The row for `format`.
const FormatInfo& Info(Format format);

/// "wav", "flac", "mp3", "ogg", "opus", "m4b" → Format; nullopt for other names.
std::optional<Format> ParseFormat(std::string_view name);

/// The file name extension of a format, without the dot.
std::string_view Extension(Format format);

/// The names of every format, in table order ("wav", "flac", ...).
std::span<const std::string_view> FormatNames();

/// How to encode: the format, the output rate and, for lossy formats, a bitrate or a quality.
struct EncoderSettings {
  Format format = Format::kMp3;
  int sample_rate_hz = 22050;
  std::optional<int> bitrate_kbps;     ///< constant (MP3) or target (Opus) bitrate
  std::optional<int> quality;          ///< 0 (smallest) .. 10 (best), variable bitrate
  std::optional<int> mp3_speed;        ///< MP3: LAME -q, 0 (slowest, best) .. 9 (fastest)
  std::optional<int> opus_complexity;  ///< Opus: 0 (fastest) .. 10 (slowest, best)
};

/// The settings for `format` from the command line's choices: the rate (default: the engine's,
/// or the format's own for Opus), the bitrate or quality (default: the format's speech default).
/// The encoder's effort (MP3 speed, Opus complexity) defaults to the format's default_speed.
/// Throws core::Error(kUsage) naming the option when a value does not suit the format.
EncoderSettings ResolveEncoder(Format format, int engine_rate_hz, std::optional<int> sample_rate_hz,
                               std::optional<int> bitrate_kbps, std::optional<int> quality,
                               std::optional<int> mp3_speed = std::nullopt,
                               std::optional<int> opus_complexity = std::nullopt);

}  // namespace langdu::audio
