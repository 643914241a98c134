#pragma once

#include <CLI/CLI.hpp>

#include "text/tn/normalizer.h"

namespace langdu::cli {

/// Adds the reading-style options of text normalization to `app` (used by `normalize` and by
/// `narrate`): --liang never|thousands|hundreds, --yao/--no-yao, --year-zero circle|ling,
/// --url read|skip. `options` must outlive the parse; it keeps its defaults unless a flag is given.
void AddNormalizeOptions(CLI::App& app, text::tn::NormalizeOptions& options);

/// Registers `langdu normalize [FILE|-]`: prints the spoken text, one output line per input line
/// (stdin is read line by line and each line is written as soon as it is read). With --explain
/// it prints one line per rewrite instead: "<line>:<columns>\t<rule>\t<source>\t<spoken>".
/// Returns the subcommand. Errors are thrown as core::Error from the subcommand's callback.
CLI::App* AddNormalizeCommand(CLI::App& app);

}  // namespace langdu::cli
