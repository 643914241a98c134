#pragma once

#include <string>
#include <vector>

#include "audio/tags.h"
#include "pipeline/input.h"
#include "pipeline/narrate.h"
#include "pipeline/plan.h"
#include "pipeline/schedule.h"

namespace langdu::pipeline {

/// The key of a run's journal (publish/journal.h) and of its manifest (`run_key`): a SHA-256, in
/// hex, of everything the bytes of the files depend on: the input's bytes, format and encoding,
/// the document as read (so every reading option counts), the structure, normalization and
/// pronunciation options (the user lexicon's bytes), the narrator as resolved, the encoder
/// settings, --single, the read-along page and the EPUB, the tags and the cover, and the langdu
/// and eSpeak NG versions. A journal written under another key is not resumed, and a finished
/// folder under another key is not skipped. The date
/// tag and -j are left out: -j never changes the bytes, and a run resumed another day keeps the
/// files it finished as they are.
std::string ResumeKey(const PreparedInput& input, const NarrateOptions& options,
                      const ScheduleSettings& settings, const audio::Tags& common);

/// The cache keys of `units` (SHA-256, hex): everything rendering a unit reads. Its sentences'
/// text and the author's marks; the normalization and pronunciation options (the user lexicon's
/// bytes); the pronunciation data files and the langdu binary as installed (path, size and
/// modification time); the narrator's engine settings (voices, variant, rate, pitch, range,
/// volume) and the engine's rate; the langdu and eSpeak NG versions. Not where the unit is: the
/// same paragraph in another chapter or book has the same key.
std::vector<std::string> UnitKeys(const core::Document& document,
                                  const std::vector<WorkUnit>& units, const NarrateOptions& options,
                                  const synth::Voice& voice, int engine_rate_hz);

/// The key of the audio of planned file `file`: its units' keys in their chapters and paragraphs,
/// the pauses laid out between them, the encoder settings, its tags but the date, and the cover.
/// Two runs whose keys for a file are equal write the same audio bytes for it, so a rerun may keep
/// the file an earlier run wrote under that key (publish::FileRecord::audio_key).
std::string FileAudioKey(const core::Document& document, const Plan& plan, std::size_t file,
                         const std::vector<std::string>& unit_keys,
                         const ScheduleSettings& settings, const audio::Tags& tags);

}  // namespace langdu::pipeline
