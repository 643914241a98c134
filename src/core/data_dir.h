#pragma once

#include <filesystem>

namespace langdu::core {

/// The folder holding langdu's data (voices/, voices/lexicon/), found in this order:
/// 1. $LANGDU_DATA_DIR, when set and not empty;
/// 2. `../share/langdu` beside the running binary's folder, when it holds voices/ (an installed
///    tree, wherever it was moved: `<prefix>/bin/langdu` reads `<prefix>/share/langdu`);
/// 3. the source tree this build was made from (running from the build tree).
std::filesystem::path DataDir();

/// The installed data folder for a binary at `executable`: `<executable's folder>/../share/langdu`
/// when it holds voices/, else empty.
std::filesystem::path InstalledDataDir(const std::filesystem::path& executable);

}  // namespace langdu::core
