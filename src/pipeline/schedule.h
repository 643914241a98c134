#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audio/format.h"
#include "audio/tags.h"
#include "core/document.h"
#include "pipeline/encoding_job.h"
#include "pipeline/plan.h"
#include "pipeline/progress.h"
#include "pipeline/synthesis_pool.h"
#include "publish/captions.h"
#include "publish/journal.h"
#include "publish/manifest.h"
#include "publish/playlist.h"
#include "synth/voice.h"

namespace langdu::pipeline {

/// Where one planned file and its captions are written (temporaries of an OutputSet), and its
/// tags.
struct FileOutputs {
  std::filesystem::path audio;
  std::filesystem::path srt;
  std::filesystem::path vtt;
  std::filesystem::path lrc;
  audio::Tags tags;
  std::string audio_key;  ///< recorded in the file's record (pipeline::FileAudioKey)
  /// The audio is there already, made by an earlier run under the same audio key: it is laid out
  /// (for its captions and times) but not encoded again, and `audio` is not written.
  std::optional<EncodedFile> kept;
};

/// How the scheduler encodes and paces.
struct ScheduleSettings {
  audio::EncoderSettings encoder;
  int engine_rate_hz = 22050;
  synth::Voice voice;  ///< its pauses and chapter gaps
  std::optional<audio::Picture> cover;
  std::size_t encoders = 1;  ///< files encoded at once, each on its own thread
  bool single = false;
  std::string input_name;
  std::size_t characters_total = 0;    ///< for progress
  std::function<void()> check_cancel;  ///< called between units; may throw
  /// Whether planned file `index` was finished by an earlier run: it is not made again, and its
  /// units are never requested. Unset: none was.
  std::function<bool(std::size_t index)> is_finished;
  /// The records of a finished file, which place it in the manifest, playlist and chapters.vtt as
  /// if it had been made. Required with `is_finished`.
  std::function<publish::FinishedFile(std::size_t index)> read_finished;
  /// Called in plan order when file `index` and its captions are complete and closed, before its
  /// records are written (a file per chapter only). May throw.
  std::function<void(std::size_t index, const publish::FinishedFile&)> on_file_done;
};

/// What the scheduler made.
struct ScheduleResult {
  std::vector<publish::FileRecord> files;
  std::vector<publish::PlaylistEntry> entries;  ///< a chapter each, in order
  std::vector<publish::TimedChapter> chapters;  ///< book times, for chapters.vtt
  double duration_s = 0;
  std::string unread_summary;  ///< one warning line, or empty
};

/// Takes rendered units strictly in order from `source` (which may render them ahead, in
/// parallel), lays out their audio with the voice's pauses, and streams it to one encoding thread
/// per file, at most `settings.encoders` at once; files finished early wait, so the manifest is
/// written in chapter order. Files an earlier run finished (`settings.is_finished`) are placed
/// from their records instead. `outputs` has one entry per planned file. Throws core::Error; what
/// it wrote is left to the caller's OutputSet.
ScheduleResult Schedule(const core::Document& document, const Plan& plan,
                        const std::vector<FileOutputs>& outputs, UnitSource& source,
                        const ScheduleSettings& settings, publish::ManifestWriter& manifest,
                        Progress& progress);

}  // namespace langdu::pipeline
