#include "cli/voices_command.h"

#include <iostream>

#include "pipeline/input.h"
#include "synth/voice.h"

namespace langdu::cli {

CLI::App* AddVoicesCommand(CLI::App& app) {
  CLI::App* command = app.add_subcommand("voices", "List the narrator voices");
  command->callback([] {
    for (const synth::Voice& voice : synth::ListVoices(pipeline::DataDir() / "voices")) {
      std::cout << voice.name << '\t' << voice.gender << '\t' << voice.rate_wpm << " wpm\t"
                << voice.description << '\n';
    }
  });
  return command;
}

}  // namespace langdu::cli
