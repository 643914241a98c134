#pragma once

#include <CLI/CLI.hpp>

namespace langdu::cli {

/// Registers `langdu play INPUT`: a text spoken as it plays, or a folder written by narrate (or
/// its manifest.json) played from its files, sentence by sentence, with keys to move about.
/// Errors are thrown as core::Error from the callback.
CLI::App* AddPlayCommand(CLI::App& app);

}  // namespace langdu::cli
