#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace langdu::publish {

// The manifest schema (docs/formats.md) as typed records. Times are seconds from samples actually
// written, rounded to microseconds. The EPUB, the read-along page and `play` read these records,
// never the audio.

/// Where the text came from.
struct SourceRecord {
  std::string path;
  std::string sha256;
  std::string encoding;
};

/// The narrator as used (after any substitution).
struct VoiceRecord {
  std::string name;
  std::string mandarin;
  std::string english;
  std::string variant;
  int rate_wpm = 0;
  int pitch = 0;
  int pitch_range = 0;
  int volume = 0;
};

/// The encoder and layout options that shaped the files.
struct OptionsRecord {
  std::string format;  ///< "mp3", "wav", ...
  int sample_rate_hz = 0;
  std::optional<int> bitrate_kbps;
  std::optional<int> quality;
  std::optional<int> mp3_speed;        ///< LAME's algorithm quality (MP3 only)
  std::optional<int> opus_complexity;  ///< Opus only
  bool single = false;
  std::string chapters;  ///< "detected", "pattern" or "none"
  std::string chapter_pattern;
};

/// The document-level fields written before any chapter.
struct ManifestHeader {
  std::string title;
  std::string author;  ///< --author, else the input's own (dc:creator, front matter); may be empty
  SourceRecord source;
  VoiceRecord voice;
  OptionsRecord options;
  std::string langdu_version;
  std::string espeak_ng_version;
  /// SHA-256 of the input and of everything that shapes the files (pipeline::ResumeKey): a rerun
  /// with the same key finds its work done. "" in manifests written before it.
  std::string run_key;
};

/// One clause: what was said between two pauses, and when.
struct ClauseRecord {
  std::string text;          ///< as the author wrote it (captions show it)
  std::string engine_input;  ///< exactly what the engine was given
  std::string pause;         ///< the pause class after it (core::PauseName)
  double start_s = 0;
  double end_s = 0;
};

struct SentenceRecord {
  std::string source_text;
  core::SourceSpan span;
  std::string spoken_text;
  std::string engine_input;
  double start_s = 0;
  double end_s = 0;
  std::vector<ClauseRecord> clauses;
};

struct ParagraphRecord {
  core::SourceSpan span;
  double start_s = 0;
  double end_s = 0;
  std::vector<SentenceRecord> sentences;
};

/// One audio file as written and read back.
struct FileRecord {
  std::string file;
  std::string format;
  int sample_rate_hz = 0;
  std::int64_t samples = 0;     ///< decoded length at the output rate
  double audio_duration_s = 0;  ///< samples / rate
  double duration_s = 0;        ///< as the container states it
  double bitrate_kbps = 0;
  std::uintmax_t bytes = 0;
  /// What the audio was made from (pipeline::FileAudioKey); a rerun under the same key keeps the
  /// file instead of encoding it again. Empty: not known (a manifest older than the field).
  std::string audio_key;
};

/// The fields of a chapter known after its audio. With a file per chapter, `file_record` holds the
/// file; with --single, `start_s`/`end_s` place the chapter inside the one file.
struct ChapterEnd {
  std::optional<FileRecord> file_record;
  std::string file;  ///< --single: the book file
  std::optional<double> start_s;
  std::optional<double> end_s;
  double book_start_s = 0;
  double duration_s = 0;
};

/// A whole chapter, as read back from a manifest.
struct ChapterRecord {
  int number = 0;
  std::string title;
  std::vector<ParagraphRecord> paragraphs;
  std::string file;
  double start_s = 0;  ///< inside `file` (0 with a file per chapter)
  double end_s = 0;
  double book_start_s = 0;
  double duration_s = 0;
};

/// A whole manifest, as read back.
struct Manifest {
  ManifestHeader header;
  std::vector<ChapterRecord> chapters;
  std::vector<FileRecord> files;
  double duration_s = 0;
};

/// Seconds of `samples` at `sample_rate_hz`, rounded to microseconds (the manifest's precision).
double SamplesToSeconds(std::int64_t samples, int sample_rate_hz);
/// `seconds` rounded to microseconds.
double RoundSeconds(double seconds);

/// {"line", "column", "byte_offset", "byte_length"}
nlohmann::ordered_json SpanJson(const core::SourceSpan& span);
void to_json(nlohmann::ordered_json& json, const ManifestHeader& header);
void to_json(nlohmann::ordered_json& json, const ClauseRecord& clause);
void to_json(nlohmann::ordered_json& json, const SentenceRecord& sentence);
void to_json(nlohmann::ordered_json& json, const ParagraphRecord& paragraph);
void to_json(nlohmann::ordered_json& json, const FileRecord& file);
void to_json(nlohmann::ordered_json& json, const ChapterEnd& end);

/// A file record from its JSON (as to_json writes it). Throws nlohmann::json::exception.
FileRecord FileFromJson(const nlohmann::ordered_json& json);
/// A paragraph record from its JSON (as to_json writes it). Throws nlohmann::json::exception.
ParagraphRecord ParagraphFromJson(const nlohmann::ordered_json& json);

/// Parses manifest.json. Throws core::Error(kInputDecode) naming `name` when it is not a langdu
/// manifest of a version this build reads.
Manifest ParseManifest(const std::string& text, const std::string& name);

}  // namespace langdu::publish
