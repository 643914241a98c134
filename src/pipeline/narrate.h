#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "audio/sound_file.h"
#include "pipeline/input.h"
#include "pipeline/progress.h"
#include "pronounce/pronouncer.h"
#include "synth/engine.h"
#include "text/structure.h"
#include "text/tn/normalizer.h"

namespace langdu::pipeline {

/// Everything `langdu narrate` can be told, with its defaults.
struct NarrateOptions {
  std::filesystem::path output_dir = "out";
  std::string encoding;  ///< empty: detect
  std::string voice = "female";
  std::optional<int> rate_wpm;
  std::optional<int> pitch;
  std::optional<int> volume;
  audio::Format format = audio::Format::kWav;
  bool force = false;  ///< overwrite existing outputs
  text::StructureOptions structure;
  text::tn::NormalizeOptions normalize;
  pronounce::PronounceOptions pronounce;
};

/// The narrator `options` ask for: the voice file with the command line's overrides.
/// Throws core::Error(kVoice) for an unknown voice, core::Error(kUsage) for an override out of range.
synth::Voice ResolveVoice(const NarrateOptions& options);

/// What one input became.
struct NarrateResult {
  std::vector<std::filesystem::path> files;  ///< chapter files, then manifest.json
  int chapters = 0;
  double audio_s = 0;
};

/// Narrates one prepared input into `output_dir`: one audio file per chapter and manifest.json,
/// all appearing together when everything is written. `engine` must already use the narrator
/// (Engine::Use). Throws core::Error; on any error no output file of this input is left.
NarrateResult Narrate(const PreparedInput& input, const std::filesystem::path& output_dir,
                      const NarrateOptions& options, synth::Engine& engine, Progress& progress);

/// Asks a running Narrate to stop at the next clause (from a signal handler: async-signal-safe).
void RequestCancel();

}  // namespace langdu::pipeline
