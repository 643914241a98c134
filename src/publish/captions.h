#pragma once

#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

namespace langdu::publish {

/// A clause as it was spoken: its source text and its times in the audio file.
struct TimedClause {
  std::string text;
  double start_s = 0;
  double end_s = 0;
};

/// One caption: at most kMaxCueLines lines of at most kMaxLineCodePoints code points.
struct Cue {
  double start_s = 0;
  double end_s = 0;
  std::vector<std::string> lines;
};

inline constexpr std::size_t kMaxLineCodePoints = 20;
inline constexpr std::size_t kMaxCueLines = 2;

/// The cues of one sentence: its clauses, joined while they fit in one cue, so a cue starts and
/// ends where a clause does. A single clause too long for a cue is cut into cue-sized pieces whose
/// times are shared out by code points (the only times not measured). Lines break after a
/// punctuation mark where one fits.
std::vector<Cue> SentenceCues(std::span<const TimedClause> clauses);

/// The caption files of one audio file, written as the audio is made: SubRip (.srt), WebVTT (.vtt)
/// and LRC lyrics (.lrc), one cue per sentence or part of a sentence.
class CaptionWriter {
 public:
  /// Creates the three files (temporaries of an OutputSet). `title`, `album` and `artist` head the
  /// LRC file. Throws core::Error(kOutput) when a file cannot be created.
  CaptionWriter(const std::filesystem::path& srt, const std::filesystem::path& vtt,
                const std::filesystem::path& lrc, const std::string& title,
                const std::string& album, const std::string& artist);

  /// Adds the cues of one sentence.
  void AddSentence(std::span<const TimedClause> clauses);

  /// Flushes and closes the files. Throws core::Error(kOutput) when a write failed.
  void Finish();

 private:
  std::filesystem::path srt_path_;
  std::ofstream srt_;
  std::ofstream vtt_;
  std::ofstream lrc_;
  int count_ = 0;
};

/// A chapter of the book for chapters.vtt: a title and its time span.
struct TimedChapter {
  std::string title;
  double start_s = 0;
  double end_s = 0;
};

/// A WebVTT chapters track: one cue per chapter, titled.
std::string ChaptersVtt(std::span<const TimedChapter> chapters);

/// "hh:mm:ss,mmm" (SubRip) or, with `separator` '.', "hh:mm:ss.mmm" (WebVTT).
std::string CaptionTime(double seconds, char separator);

}  // namespace langdu::publish
