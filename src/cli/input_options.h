#pragma once

#include <CLI/CLI.hpp>

#include "input/reader.h"

namespace langdu::cli {

/// Adds the options that say how an input is read, shared by narrate, outline, normalize and
/// pinyin: --input-format auto|text|markdown|html|epub, --encoding, --heading-levels N and
/// --code read|skip. `options` must outlive the parse.
void AddInputOptions(CLI::App& app, input::ReadOptions& options);

/// Adds --chapter-pattern REGEX and --no-chapters (narrate and outline), which set
/// `options.structure`. `options` must outlive the parse.
void AddChapterOptions(CLI::App& app, input::ReadOptions& options);

}  // namespace langdu::cli
