#include "cli/narrate_command.h"

#include <chrono>
#include <csignal>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "audio/format.h"
#include "cli/input_options.h"
#include "cli/normalize_command.h"
#include "cli/terminal_progress.h"
#include "core/error.h"
#include "pipeline/narrate.h"

namespace langdu::cli {
namespace {

struct NarrateCommandOptions {
  std::vector<std::string> inputs;
  std::string format = "mp3";
  bool quiet = false;
  input::ReadOptions read;
  pipeline::NarrateOptions narrate;
};

void OnSignal(int) { pipeline::RequestCancel(); }

constexpr std::string_view kEpub = "epub";

// What --format takes: the audio formats, and the talking book.
std::vector<std::string> FormatChoices() {
  std::vector<std::string> names(audio::FormatNames().begin(), audio::FormatNames().end());
  names.emplace_back(kEpub);
  return names;
}

// The formats' defaults for one option, from the format table: "; opus: 24000".
std::string FormatDefaults(int audio::FormatInfo::*field) {
  std::string text;
  for (std::string_view name : audio::FormatNames()) {
    const audio::FormatInfo& info = audio::Info(*audio::ParseFormat(name));
    if (info.*field != 0) text += "; " + std::string(name) + ": " + std::to_string(info.*field);
  }
  return text;
}

// One input writes into DIR itself; several each get DIR/<input name>/.
std::vector<std::filesystem::path> OutputDirs(const std::vector<std::string>& inputs,
                                              const std::filesystem::path& dir) {
  if (inputs.size() == 1) return {dir};
  std::vector<std::filesystem::path> dirs;
  std::map<std::filesystem::path, std::string> seen;
  for (const std::string& input : inputs) {
    const std::filesystem::path stem = input == "-" ? "stdin" : std::filesystem::path(input).stem();
    const std::filesystem::path out = dir / stem;
    if (auto it = seen.find(out); it != seen.end()) {
      throw core::Error(
          core::ErrorKind::kUsage,
          "\"" + it->second + "\" and \"" + input + "\" would both write to " + out.string() + "/");
    }
    seen.emplace(out, input);
    dirs.push_back(out);
  }
  return dirs;
}

void Run(NarrateCommandOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  pipeline::NarrateOptions& narrate = options.narrate;
  // An EPUB holds MP3 (a core media type of EPUB 3.2): the run writes what --format mp3 writes,
  // and the book.
  narrate.epub = options.format == kEpub;
  narrate.format = narrate.epub ? audio::Format::kMp3 : *audio::ParseFormat(options.format);
  // An M4B is one file per input, its chapters inside.
  if (narrate.format == audio::Format::kM4b) narrate.single = true;
  narrate.encoding = options.read.encoding;
  narrate.structure = options.read.structure;
  narrate.Validate();
  const std::vector<std::filesystem::path> output_dirs =
      OutputDirs(options.inputs, narrate.output_dir);

  // Every input is read and parsed before any audio is made: a bad third file fails in a second,
  // not after two books. Parsing is cheap (0.1 s for a 900 KB text), so only a sole input and
  // standard input (which cannot be read twice) are kept; other files are parsed again when
  // their turn comes, and memory does not grow with the number of inputs.
  std::unique_ptr<pipeline::Progress> progress;
  TerminalProgress* terminal = nullptr;
  if (options.quiet) {
    progress = std::make_unique<pipeline::SilentProgress>();
  } else {
    auto owned = std::make_unique<TerminalProgress>(stderr);
    terminal = owned.get();
    progress = std::move(owned);
  }
  const auto prepare = [&](const std::string& input) {
    return pipeline::Prepare(pipeline::ReadInput(input), options.read);
  };
  std::vector<std::optional<pipeline::PreparedInput>> kept(options.inputs.size());
  for (std::size_t i = 0; i < options.inputs.size(); ++i) {
    pipeline::PreparedInput prepared = prepare(options.inputs[i]);
    // Said once, on this first reading (an input parsed again later says nothing new).
    for (const std::string& warning : prepared.warnings) progress->OnWarning(warning);
    if (options.inputs.size() == 1 || options.inputs[i] == "-") kept[i] = std::move(prepared);
  }
  const synth::Voice voice = pipeline::ResolveVoice(narrate);
  // Loads the lexicons now (they are shared with the pipeline's), so that a bad line in a user
  // lexicon fails before any audio is made.
  const pronounce::Pronouncer pronouncer(narrate.pronounce);
  synth::Engine engine;
  for (const std::string& warning : engine.Use(voice)) progress->OnWarning(warning);

  // Each of these stops the run the same way: temporaries removed, no output file left. SIGHUP
  // comes when the terminal closes under a run.
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal, OnSignal);
  pipeline::Summary summary;
  for (std::size_t i = 0; i < options.inputs.size(); ++i) {
    const pipeline::PreparedInput prepared =
        kept[i] ? std::move(*kept[i]) : prepare(options.inputs[i]);
    kept[i].reset();
    const pipeline::NarrateResult result =
        pipeline::Narrate(prepared, output_dirs[i], narrate, engine, *progress);
    for (const auto& path : result.files) std::cout << path.string() << '\n';
    std::cout.flush();
    summary.inputs += 1;
    summary.chapters += result.chapters;
    summary.audio_s += result.audio_s;
  }
  summary.wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (terminal != nullptr) terminal->Finish(summary);
}

}  // namespace

CLI::App* AddNarrateCommand(CLI::App& app) {
  auto options = std::make_shared<NarrateCommandOptions>();
  CLI::App* command = app.add_subcommand("narrate", "Narrate text files into chaptered audio");
  command
      ->add_option("inputs", options->inputs,
                   "Files to narrate: text, Markdown, HTML, EPUB (- for standard input)")
      ->required();
  command->add_option("-o,--output", options->narrate.output_dir, "Output folder")
      ->capture_default_str();
  AddInputOptions(*command, options->read);
  AddChapterOptions(*command, options->read);
  command->add_option("--voice", options->narrate.voice, "Narrator voice (see `langdu voices`)")
      ->capture_default_str();
  command->add_option("--rate", options->narrate.rate_wpm,
                      "Speaking rate, words per minute (" + synth::kRateWpm.ToString() + ")");
  command->add_option("--pitch", options->narrate.pitch,
                      "Base pitch (" + synth::kPitch.ToString() + ")");
  command->add_option("--volume", options->narrate.volume,
                      "Volume (" + synth::kVolume.ToString() + ", 100 = normal)");
  command->add_option("--format", options->format, "Audio format")
      ->check(CLI::IsMember(FormatChoices()))
      ->capture_default_str();
  command->add_option("--sample-rate", options->narrate.sample_rate_hz,
                      "Output sample rate in Hz, resampled (default: the engine's" +
                          FormatDefaults(&audio::FormatInfo::default_rate_hz) + ")");
  command->add_option("--bitrate", options->narrate.bitrate_kbps,
                      "kbit/s: constant for MP3, target for Opus (default" +
                          FormatDefaults(&audio::FormatInfo::default_bitrate_kbps) + ")");
  command->add_option("--quality", options->narrate.quality,
                      "0 (smallest) to 10 (best), variable bitrate (default" +
                          FormatDefaults(&audio::FormatInfo::default_quality) + ")");
  command->add_option("--mp3-speed", options->narrate.mp3_speed,
                      "MP3: LAME's algorithm quality, 0 (slowest, best) to 9 (fastest) (default " +
                          std::to_string(audio::Info(audio::Format::kMp3).default_speed) + ")");
  command->add_option("--opus-complexity", options->narrate.opus_complexity,
                      "Opus: 0 (fastest) to 10 (slowest, best) (default " +
                          std::to_string(audio::Info(audio::Format::kOpus).default_speed) + ")");
  command->add_option("--author", options->narrate.author,
                      "Artist tag (default: the input's own author, else the narrator)");
  command->add_option("--cover", options->narrate.cover,
                      "JPEG or PNG image to embed as cover art (default: an EPUB's own cover)");
  command->add_flag("--single", options->narrate.single,
                    "One audio file for the whole text, with chapter marks and a .cue sheet");
  command->add_option("-j,--jobs", options->narrate.jobs,
                      "Synthesis worker processes, and files encoded at once (" +
                          pipeline::kJobs.ToString() + "; default: one per core)");
  command->add_flag("--force", options->narrate.force, "Overwrite existing output files");
  command->add_flag("!--no-player", options->narrate.player,
                    "Do not write the read-along page (index.html)");
  command->add_flag("-q,--quiet", options->quiet, "No progress or summary on stderr");
  AddNormalizeOptions(*command, options->narrate.normalize);
  command->add_option("--lexicon", options->narrate.pronounce.user_lexicon,
                      "User lexicon: TSV (word<TAB>pin1 yin1) or PLS with alphabet=\"x-pinyin\"");
  command->callback([options] { Run(*options); });
  return command;
}

}  // namespace langdu::cli
