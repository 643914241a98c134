#include "synth/voice.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace langdu::synth {
namespace {

using nlohmann::json;

core::Error DataError(const std::filesystem::path& path, const std::string& what) {
  return core::Error(core::ErrorKind::kData, path.string() + ": " + what);
}

int IntIn(const json& object, const char* key, int fallback, int low, int high,
          const std::filesystem::path& path) {
  if (!object.contains(key)) return fallback;
  const json& value = object.at(key);
  if (!value.is_number_integer())
    throw DataError(path, std::string("\"") + key + "\" is not a whole number");
  // Compared as 64-bit values: a number beyond int's range must not wrap into the range.
  const bool in_range = value.is_number_unsigned()
                            ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(high) &&
                                  static_cast<std::int64_t>(value.get<std::uint64_t>()) >= low
                            : value.get<std::int64_t>() >= low && value.get<std::int64_t>() <= high;
  if (!in_range) {
    throw DataError(path, std::string("\"") + key + "\" is " + value.dump() + ", not in " +
                              std::to_string(low) + ".." + std::to_string(high));
  }
  return static_cast<int>(value.get<std::int64_t>());
}

std::string StringOf(const json& object, const char* key, const std::string& fallback,
                     const std::filesystem::path& path) {
  if (!object.contains(key)) return fallback;
  if (!object.at(key).is_string())
    throw DataError(path, std::string("\"") + key + "\" is not a string");
  return object.at(key).get<std::string>();
}

}  // namespace

int Voice::PauseMs(core::Pause pause) const {
  auto it = pause_ms.find(pause);
  return it == pause_ms.end() ? 0 : it->second;
}

Voice LoadVoiceFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path, "cannot read voice file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseVoice(text.str(), path);
}

Voice ParseVoice(std::string_view text, const std::filesystem::path& path) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {
    // parse_error, and out_of_range for a number beyond a double (1e400): found by fuzzing.
    throw DataError(path, std::string("invalid JSON: ") + e.what());
  }
  if (!root.is_object()) throw DataError(path, "a voice file holds one JSON object");
  Voice voice;
  voice.name = path.stem().string();
  voice.description = StringOf(root, "description", "", path);
  voice.gender = StringOf(root, "gender", "", path);
  voice.mandarin = StringOf(root, "mandarin", "cmn-latn-pinyin", path);
  voice.english = StringOf(root, "english", "en-us", path);
  voice.variant = StringOf(root, "variant", "", path);
  voice.rate_wpm = IntIn(root, "rate_wpm", voice.rate_wpm, kRateWpm.low, kRateWpm.high, path);
  voice.pitch = IntIn(root, "pitch", voice.pitch, kPitch.low, kPitch.high, path);
  voice.pitch_range =
      IntIn(root, "pitch_range", voice.pitch_range, kPitchRange.low, kPitchRange.high, path);
  voice.volume = IntIn(root, "volume", voice.volume, kVolume.low, kVolume.high, path);
  if (root.contains("pauses_ms")) {
    const json& pauses = root.at("pauses_ms");
    if (!pauses.is_object()) throw DataError(path, "\"pauses_ms\" is not an object");
    for (const auto& [key, value] : pauses.items()) {
      if (key == "paragraph") {
        voice.paragraph_pause_ms = IntIn(pauses, "paragraph", 0, kPauseMs.low, kPauseMs.high, path);
      } else if (key == "chapter_lead") {
        voice.chapter_lead_ms = IntIn(pauses, "chapter_lead", 0, kPauseMs.low, kPauseMs.high, path);
      } else if (key == "chapter_tail") {
        voice.chapter_tail_ms = IntIn(pauses, "chapter_tail", 0, kPauseMs.low, kPauseMs.high, path);
      } else if (auto pause = core::ParsePauseName(key)) {
        voice.pause_ms[*pause] = IntIn(pauses, key.c_str(), 0, kPauseMs.low, kPauseMs.high, path);
      } else {
        throw DataError(path, "unknown pause \"" + key + "\"");
      }
    }
  }
  return voice;
}

std::vector<Voice> ListVoices(const std::filesystem::path& voices_dir) {
  std::vector<Voice> voices;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(voices_dir, error)) {
    if (entry.path().extension() == ".json") voices.push_back(LoadVoiceFile(entry.path()));
  }
  if (error) throw DataError(voices_dir, "cannot list voices: " + error.message());
  std::sort(voices.begin(), voices.end(),
            [](const Voice& a, const Voice& b) { return a.name < b.name; });
  return voices;
}

Voice FindVoice(const std::filesystem::path& voices_dir, const std::string& name) {
  const std::filesystem::path path = voices_dir / (name + ".json");
  if (name.find('/') == std::string::npos && std::filesystem::is_regular_file(path)) {
    return LoadVoiceFile(path);
  }
  std::string known;
  for (const Voice& voice : ListVoices(voices_dir))
    known += (known.empty() ? "" : ", ") + voice.name;
  throw core::Error(core::ErrorKind::kVoice,
                    "--voice: unknown voice \"" + name + "\" (known: " + known + ")");
}

}  // namespace langdu::synth
