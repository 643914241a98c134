#pragma once

// A batch: the inputs of one `narrate` run, with folders expanded into the files they hold, the
// output folder of each, and the share of them that one shard of a scale-out run narrates.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace langdu::pipeline {

/// One input of a batch.
struct BatchInput {
  std::string name;                  ///< the path to read, or "-" for standard input
  std::filesystem::path output_dir;  ///< where its files go
  std::uintmax_t bytes = 0;          ///< its size (0 for standard input): the shards' measure
};

/// The inputs named on the command line, in order, each folder replaced by the files below it
/// that langdu reads by extension (input::HasInputExtension), recursively, sorted by path; hidden
/// files and folders (".name") and the output folder, when it lies inside, are left out. Outputs: a
/// sole file writes into `output` itself; otherwise a file writes into output/<stem>/ and a
/// folder's files mirror its tree under output/<folder name>/ (a sole folder: under `output`
/// itself), each in <relative path without extension>/. A path that is not a folder is listed as it
/// is (reading it reports what is wrong). Throws core::Error: kUsage for two inputs that would
/// write into one folder; kInputMissing for a folder that holds no input or cannot be listed.
std::vector<BatchInput> ListBatch(const std::vector<std::string>& names,
                                  const std::filesystem::path& output);

/// Shard `index` of `count` (1-based, as written: "2/3").
struct Shard {
  int index = 1;
  int count = 1;
};

/// Parses "I/N" with 1 ≤ I ≤ N ≤ 10000. Throws core::Error(kUsage) naming the text.
Shard ParseShard(std::string_view text);

/// The positions in `inputs` that shard `shard` narrates, in order. The assignment balances
/// sizes: inputs from the largest to the smallest (ties by name) each go to the shard with the
/// least bytes so far (ties to the one with fewer inputs, then the lowest), so every shard computes
/// the same partition alone, and together the shards cover every input exactly once.
std::vector<std::size_t> ShardInputs(const std::vector<BatchInput>& inputs, Shard shard);

}  // namespace langdu::pipeline
