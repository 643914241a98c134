#pragma once

// What a batch did to each of its inputs, as `narrate --summary FILE` writes it (JSON).

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace langdu::publish {

/// One input of a batch and what became of it.
struct BatchRecord {
  enum class Status { kDone, kSkipped, kFailed };
  std::string input;                 ///< as listed ("-" for standard input)
  std::filesystem::path output_dir;  ///< where its files go
  Status status = Status::kDone;
  std::string error;  ///< kFailed: the one-line error, as on stderr without "langdu: error: "
  int exit_code = 0;  ///< kFailed: the exit code the error alone would give
  int chapters = 0;
  double audio_s = 0;
  std::size_t units = 0;         ///< units of speech laid out
  std::size_t units_cached = 0;  ///< of them, taken from the synthesis cache
  int files_kept = 0;            ///< audio files left as they were (--force, same audio)
};

/// The whole batch: its shard ("" when unsharded, else "I/N"), the inputs of the batch that this
/// shard left to others, and a record per input it narrated.
struct BatchSummary {
  std::string shard;
  int other_shards_inputs = 0;
  std::vector<BatchRecord> records;

  int done() const;
  int skipped() const;  ///< finished by an earlier run with the same input and options
  int failed() const;
};

/// The summary as JSON: {"done", "skipped", "failed", "shard", "other_shards_inputs", "inputs":
/// [{"input", "output", "status": "done"|"skipped"|"failed", "chapters", "audio_s" | "error",
/// "exit_code"}]}.
std::string BatchSummaryJson(const BatchSummary& summary);

}  // namespace langdu::publish
