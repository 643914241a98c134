#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/document.h"
#include "text/structure.h"

namespace langdu::pipeline {

/// An input as read: its name as given ("-" for standard input) and its bytes.
struct Input {
  std::string name;
  std::string bytes;
};

/// Reads a file, or standard input for "-". Throws core::Error(kInputMissing) naming the file when
/// it is missing, a folder, or unreadable.
Input ReadInput(const std::string& name);

/// An input decoded, cleaned and parsed.
struct PreparedInput {
  std::string name;      ///< as given ("-" for standard input)
  std::string encoding;  ///< what it was decoded from
  std::string sha256;    ///< of the input bytes, lowercase hex
  core::Document document;
  std::size_t characters = 0;  ///< code points in all sentences
};

/// Decodes (detecting the encoding unless `encoding` is given), cleans and parses an input.
/// Throws core::Error(kInputDecode, kInputEmpty, kUsage) as the text stages do.
PreparedInput Prepare(Input input, std::string_view encoding, const text::StructureOptions& structure);

/// The folder of langdu's data (voices/): $LANGDU_DATA_DIR, else the one this build was made
/// from.
std::filesystem::path DataDir();

}  // namespace langdu::pipeline
