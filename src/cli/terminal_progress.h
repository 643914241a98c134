#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "pipeline/progress.h"

namespace langdu::cli {

/// Progress on stderr: one overprinted line on a terminal; on anything else (a log, a screen
/// reader's console) one plain line per chapter, so that nothing is said twice.
class TerminalProgress : public pipeline::Progress {
 public:
  explicit TerminalProgress(std::FILE* stream);
  ~TerminalProgress() override;

  void OnChapter(const std::string& input, int number, int count,
                 const std::string& title) override;
  void OnAdvance(std::size_t done, std::size_t total) override;
  void OnWarning(const std::string& message) override;
  void OnFileWritten(const std::string& path) override;
  void OnSkip(const std::string& input, const std::string& output_dir) override;
  void OnReuse(const std::string& input, std::size_t cached, std::size_t units, int kept,
               int files) override;
  void OnResume(const std::string& input, int kept, int total) override;

  /// Prints the closing summary line.
  void Finish(const pipeline::Summary& summary);

  /// Prints the closing line of a batch: "langdu: batch: 5 done, 1 failed" ("…, 2 skipped, …"
  /// when earlier runs had finished some), and the shard.
  void FinishBatch(int done, int skipped, int failed, const std::string& shard,
                   int other_shards_inputs);

  /// Prints an error that stops one input of a batch, not the run: "langdu: error: <message>".
  void OnError(const std::string& message);

 private:
  void ClearLine();

  std::FILE* stream_;
  bool terminal_;
  std::string line_;  // the chapter part of the overprinted line
  int last_percent_ = -1;
  bool dirty_ = false;
};

/// "13:05" or "1:02:03" for a duration in seconds.
std::string FormatDuration(double seconds);

}  // namespace langdu::cli
