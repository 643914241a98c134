#pragma once

#include <CLI/CLI.hpp>

namespace langdu::cli {

/// Registers `langdu outline FILE`: the detected title and chapters, without synthesis.
CLI::App* AddOutlineCommand(CLI::App& app);

}  // namespace langdu::cli
