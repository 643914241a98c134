#pragma once

#include <cstddef>
#include <string>

namespace langdu::pipeline {

/// What a finished narration did, for the closing summary.
struct Summary {
  int inputs = 0;
  int chapters = 0;
  double audio_s = 0;  ///< seconds of audio written
  double wall_s = 0;   ///< seconds the run took
};

/// How the pipeline reports progress. The pipeline never prints: the CLI decides how progress
/// looks (an overprinted line on a terminal, plain lines for a screen reader or a log).
class Progress {
 public:
  virtual ~Progress() = default;
  /// A chapter's synthesis begins.
  virtual void OnChapter(const std::string& input, int number, int count,
                         const std::string& title) = 0;
  /// `done` of `total` characters of the input are spoken.
  virtual void OnAdvance(std::size_t done, std::size_t total) = 0;
  /// A non-fatal problem (a voice substitution, an unknown symbol).
  virtual void OnWarning(const std::string& message) = 0;
  /// A file was written under its final name.
  virtual void OnFileWritten(const std::string& path) = 0;
  /// The run resumes an interrupted one: `kept` of the input's `total` audio files were finished
  /// before, and are kept.
  virtual void OnResume(const std::string& input, int kept, int total) = 0;
  /// `output_dir` holds a complete narration of the input with the same options: nothing to do.
  virtual void OnSkip(const std::string& input, const std::string& output_dir) = 0;
  /// What the run did not make again: `cached` of `units` units of speech came from the cache
  /// instead of the engine, and `kept` of `files` audio files were already there, made from the
  /// same audio, and were not encoded again.
  virtual void OnReuse(const std::string& input, std::size_t cached, std::size_t units, int kept,
                       int files) = 0;
};

/// Progress that goes nowhere (tests, --quiet).
class SilentProgress : public Progress {
 public:
  void OnChapter(const std::string&, int, int, const std::string&) override {}
  void OnAdvance(std::size_t, std::size_t) override {}
  void OnWarning(const std::string&) override {}
  void OnFileWritten(const std::string&) override {}
  void OnResume(const std::string&, int, int) override {}
  void OnSkip(const std::string&, const std::string&) override {}
  void OnReuse(const std::string&, std::size_t, std::size_t, int, int) override {}
};

}  // namespace langdu::pipeline
