#pragma once

#include <CLI/CLI.hpp>

namespace langdu::cli {

/// Registers `langdu narrate FILE... -o DIR`: text files (or - for standard input) to one audio
/// file per chapter and manifest.json. Errors are thrown as core::Error from the callback.
CLI::App* AddNarrateCommand(CLI::App& app);

}  // namespace langdu::cli
