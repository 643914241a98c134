#pragma once

#include <CLI/CLI.hpp>

namespace langdu::cli {

/// Registers `langdu voices`: the narrator voices in voices/.
CLI::App* AddVoicesCommand(CLI::App& app);

}  // namespace langdu::cli
