#include "cli/play_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "cli/input_options.h"
#include "core/error.h"
#include "pipeline/input.h"
#include "pipeline/narrate.h"
#include "play/alsa_output.h"
#include "play/navigation.h"
#include "play/player.h"
#include "play/position_store.h"
#include "play/recording.h"
#include "play/terminal.h"
#include "play/text_speech.h"

namespace langdu::cli {
namespace {

struct PlayCommandOptions {
  std::string input_path;
  std::string device = "default";
  std::string from;
  bool restart = false;
  bool quiet = false;
  input::ReadOptions read;
  pipeline::NarrateOptions narrate;  // voice and rate
};

// What is played: the outline to navigate, the sound of each sentence, and the key a saved
// position is filed under.
struct Playable {
  play::Outline outline;
  std::string key;
  std::unique_ptr<play::SpeechSource> source;
};

// A text: everything the synthesis thread needs, kept alive for as long as it plays.
struct TextPlayable {
  explicit TextPlayable(const PlayCommandOptions& options)
      : prepared(pipeline::Prepare(pipeline::ReadInput(options.input_path), options.read)),
        normalizer(options.narrate.normalize),
        pronouncer(options.narrate.pronounce) {}
  pipeline::PreparedInput prepared;
  text::tn::Normalizer normalizer;
  pronounce::Pronouncer pronouncer;
  std::optional<synth::Engine> engine;
};

void Say(const PlayCommandOptions& options, const std::string& line) {
  if (!options.quiet) std::fprintf(stderr, "%s\n", line.c_str());
}

// Where to start: --from, else the saved position (said), else the beginning.
int StartOf(const PlayCommandOptions& options, const play::Outline& outline,
            const play::PositionStore* store, const std::string& key) {
  if (!options.from.empty()) return play::ParseLabel(outline, options.from, "--from");
  if (options.restart || store == nullptr) return 0;
  const std::optional<play::SavedPosition> saved = store->Load(key);
  if (!saved) return 0;
  try {
    const int start = play::ParseLabel(outline, saved->label, "saved position");
    Say(options, "resuming at " + saved->label + " (--restart starts from the beginning)");
    return start;
  } catch (const core::Error&) {
    return 0;  // saved for another shape of the same text: start again
  }
}

// The keys: standard input, or the terminal when standard input is the text itself.
int KeyDescriptor(const std::string& input) {
  if (input != "-") return STDIN_FILENO;
  int fd = open("/dev/tty", O_RDONLY | O_CLOEXEC);
  if (fd < 0) fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  return fd;
}

void Run(PlayCommandOptions& options) {
  play::InstallSignalHandlers();
  // Declared before what plays them, so that they outlive its thread.
  std::optional<play::Recording> recording;
  std::optional<TextPlayable> text;
  Playable playable;
  if (options.input_path != "-" && play::IsRecording(options.input_path)) {
    recording = play::LoadRecording(options.input_path);
    playable.outline = recording->outline;
    playable.key = pipeline::Sha256Hex(recording->manifest_bytes);
    playable.source = std::make_unique<play::RecordingSpeech>(*recording);
  } else {
    text.emplace(options);
    for (const std::string& warning : text->prepared.warnings) {
      Say(options, "langdu: warning: " + warning);
    }
    playable.outline = play::OutlineOf(text->prepared.document);
    playable.key = text->prepared.sha256;
    const synth::Voice voice = pipeline::ResolveVoice(options.narrate);
    text->engine.emplace();
    for (const std::string& warning : text->engine->Use(voice)) Say(options, warning);
    synth::Engine& engine = *text->engine;
    // A change of speed reaches the engine on the synthesis thread, the only one using it.
    const auto set_rate = [&engine](int rate_wpm) {
      synth::Voice faster = engine.voice();
      faster.rate_wpm = rate_wpm;
      engine.Use(faster);
    };
    playable.source = std::make_unique<play::TextSpeech>(
        text->prepared.document, engine, text->normalizer, text->pronouncer, set_rate);
  }
  const std::filesystem::path state_dir = play::DefaultStateDir();
  std::optional<play::PositionStore> store;
  if (!state_dir.empty()) store.emplace(state_dir);
  play::SteadyClock clock;
  std::unique_ptr<play::AudioOutput> output;
  const int rate = playable.source->sample_rate_hz();
  if (options.device == "null") {
    output = std::make_unique<play::ClockOutput>(clock, rate);
  } else {
    output = std::make_unique<play::AlsaOutput>(options.device, rate);
  }

  const int start = StartOf(options, playable.outline, store ? &*store : nullptr, playable.key);
  const int key_fd = KeyDescriptor(options.input_path);
  play::PlayResult result;
  {
    play::RawTerminal raw(key_fd);
    play::DescriptorKeys keys(key_fd);
    play::PlayerOptions player;
    player.quiet = options.quiet;
    result = play::Play(playable.outline, start, *playable.source, *output, keys, stdout, stderr,
                        play::interrupted, player);
  }
  if (store) {
    if (result.ending == play::Ending::kFinished) {
      store->Forget(playable.key);
    } else {
      store->Save(playable.key,
                  {play::Label(playable.outline, result.sentence), options.input_path});
    }
  }
  if (result.ending == play::Ending::kInterrupted) {
    throw core::Error(core::ErrorKind::kInterrupted, "interrupted");
  }
}

}  // namespace

CLI::App* AddPlayCommand(CLI::App& app) {
  auto options = std::make_shared<PlayCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "play", "Play a text (spoken as it plays) or a narrated folder, sentence by sentence");
  command
      ->add_option("input", options->input_path,
                   "A text, Markdown, HTML or EPUB file (- for standard input), or a folder "
                   "written by narrate, or its manifest.json")
      ->required();
  command->add_option("--device", options->device, "ALSA device; null plays into nothing, in time")
      ->capture_default_str();
  auto* from = command->add_option(
      "--from", options->from, "Start at CHAPTER or CHAPTER.SENTENCE (as the lines number them)");
  command
      ->add_flag("--restart", options->restart, "Start from the beginning, not where you stopped")
      ->excludes(from);
  command->add_flag("-q,--quiet", options->quiet, "Print nothing");
  command->add_option("--voice", options->narrate.voice, "Narrator voice (see `langdu voices`)")
      ->capture_default_str();
  command->add_option("--rate", options->narrate.rate_wpm,
                      "Speaking rate, words per minute (" + synth::kRateWpm.ToString() + ")");
  AddInputOptions(*command, options->read);
  AddChapterOptions(*command, options->read);
  std::string keys = "Keys (one per line when standard input is not a terminal):";
  for (const play::KeyBinding& binding : play::KeyBindings()) {
    keys += std::string("\n  ") + (binding.key == ' ' ? "space" : std::string(1, binding.key)) +
            "  " + binding.help;
  }
  command->footer(keys);
  command->callback([options] { Run(*options); });
  return command;
}

}  // namespace langdu::cli
