#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "input/reader.h"

namespace langdu::pipeline {

/// An input as read: its name as given ("-" for standard input) and its bytes.
struct Input {
  std::string name;
  std::string bytes;
};

/// Reads a file, or standard input for "-". Throws core::Error(kInputMissing) naming the file when
/// it is missing, a folder, or unreadable.
Input ReadInput(const std::string& name);

/// SHA-256 of `bytes`, lowercase hex.
std::string Sha256Hex(std::string_view bytes);

/// An input decoded, cleaned and parsed.
struct PreparedInput {
  std::string name;      ///< as given ("-" for standard input)
  input::InputFormat format = input::InputFormat::kText;  ///< what it was read as
  std::string encoding;  ///< what it was decoded from
  input::Metadata metadata;  ///< title, author, cover the input gives itself
  std::vector<input::SkippedLine> skipped;  ///< plain text: scraper-noise lines left out
  std::vector<std::string> warnings;  ///< what the reader could not use (`<where>:<line>: …`)
  std::string sha256;    ///< of the input bytes, lowercase hex
  core::Document document;
  std::size_t characters = 0;  ///< code points in all sentences
};

/// Reads an input in its format (input::Read: detected unless `options.format` is given).
/// Throws core::Error(kInputDecode, kInputEmpty, kUsage) as the readers do.
PreparedInput Prepare(Input input, const input::ReadOptions& options);

/// The folder of langdu's data (voices/): $LANGDU_DATA_DIR, else `../share/langdu` beside the
/// binary, else the source tree this build was made from (see core::DataDir).
std::filesystem::path DataDir();

}  // namespace langdu::pipeline
