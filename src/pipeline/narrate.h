#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "audio/format.h"
#include "pipeline/input.h"
#include "pipeline/progress.h"
#include "pipeline/unit_cache.h"
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
  audio::Format format = audio::Format::kMp3;
  std::optional<int> sample_rate_hz;  ///< default: the engine's (Opus: 24000)
  std::optional<int> bitrate_kbps;    ///< lossy formats that take one (MP3, Opus)
  std::optional<int> quality;         ///< 0..10, lossy formats that take one (MP3, Ogg Vorbis)
  /// MP3: LAME's algorithm quality, 0 (slowest, best) .. 9 (fastest); default: the format's.
  std::optional<int> mp3_speed;
  /// Opus: 0 (fastest) .. 10 (slowest, best); default: the format's.
  std::optional<int> opus_complexity;
  std::string author;           ///< the artist tag; default: the narrator
  std::filesystem::path cover;  ///< JPEG or PNG to embed; empty: none
  bool single = false;          ///< one file with chapter marks instead of a file per chapter
  int jobs = 0;                 ///< synthesis workers, and files encoded at once; 0: one per core
  bool force = false;           ///< overwrite existing outputs
  bool player = true;           ///< write the read-along page, index.html
  bool epub = false;            ///< also write an EPUB 3 with Media Overlays holding the MP3 files
  /// The synthesis cache (pipeline/unit_cache.h); empty: none. The command line's default is
  /// DefaultCacheDir().
  std::filesystem::path cache_dir;
  std::uintmax_t cache_max_bytes = kCacheMaxBytes;  ///< --cache-max
  text::StructureOptions structure;
  text::tn::NormalizeOptions normalize;
  pronounce::PronounceOptions pronounce;

  /// Checks every value against its limit (each defined once: synth/voice.h, audio/format, kJobs).
  /// Throws core::Error(kUsage) naming the option.
  void Validate() const;
  /// `jobs`, or the number of cores when it is 0.
  int ResolvedJobs() const;
};

/// The limit of --jobs.
inline constexpr synth::IntRange kJobs{1, 256};

/// The narrator `options` ask for: the voice file with the command line's overrides (validated).
/// Throws core::Error(kVoice) for an unknown voice, core::Error(kUsage) for an override out of
/// range.
synth::Voice ResolveVoice(const NarrateOptions& options);

/// What one input became.
struct NarrateResult {
  std::vector<std::filesystem::path> files;  ///< audio files, captions, playlists, manifest.json
  int chapters = 0;
  double audio_s = 0;
  bool skipped = false;  ///< the folder held this narration already: nothing was written
  std::size_t units = 0;         ///< units of speech laid out (those of resumed files excepted)
  CacheStats cache;              ///< what the cache gave and took
  int files_kept = 0;            ///< audio files --force left as they were (same audio key)
};

/// Narrates one prepared input into `output_dir`: one audio file per chapter (or one for the book
/// with `single`) with captions, playlist.m3u8, chapters.vtt and manifest.json. Each chapter's
/// audio and captions appear as soon as they are complete, and are journaled
/// (publish/journal.h); the book-level files appear together at the end, and the journal goes.
/// A run with the same input and options after an interrupted one keeps the files the journal
/// lists and makes only the rest; the result has the same bytes. The folder is locked for the
/// run (core::Error(kLocked) when another run holds it), and temporaries of dead processes in it
/// are removed first. Without `options.force`, a folder whose manifest.json was written by a run
/// with the same input and options, and holds every file it lists at its size, is left as it is
/// (`skipped`). Units of text are synthesized in `options.jobs` worker
/// processes forked from this one (so `synthesizer` must not have synthesized anything yet, and
/// must already use the narrator); each audio file is encoded on a thread of its own, at most
/// `options.jobs` at once, fed through bounded queues. Throws core::Error; on any error no
/// temporary file and no partial file is left, only the finished chapters the journal lists.
NarrateResult Narrate(const PreparedInput& input, const std::filesystem::path& output_dir,
                      const NarrateOptions& options, synth::Synthesizer& synthesizer,
                      Progress& progress);

/// Asks a running Narrate to stop at the next clause (from a signal handler: async-signal-safe).
void RequestCancel();

}  // namespace langdu::pipeline
