#pragma once

#include <CLI/CLI.hpp>

namespace langdu::cli {

/// Registers `langdu pinyin [FILE|-]`: prints the pinyin langdu would say, one output line per
/// input line (see docs/pronunciation.md). Returns the subcommand. Errors are thrown as
/// core::Error from the subcommand's callback.
CLI::App* AddPinyinCommand(CLI::App& app);

}  // namespace langdu::cli
