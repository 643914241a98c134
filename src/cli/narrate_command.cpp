#include "cli/narrate_command.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <system_error>
#include <vector>

#include "audio/format.h"
#include "cli/input_options.h"
#include "cli/normalize_command.h"
#include "cli/terminal_progress.h"
#include "core/error.h"
#include "pipeline/batch.h"
#include "pipeline/narrate.h"
#include "publish/batch_summary.h"
#include "publish/output_set.h"

namespace langdu::cli {
namespace {

struct NarrateCommandOptions {
  std::vector<std::string> inputs;
  std::string format = "mp3";
  bool quiet = false;
  input::ReadOptions read;
  pipeline::NarrateOptions narrate;
  std::string shard;         ///< --shard I/N, or ""
  std::string summary_file;  ///< --summary FILE, or ""
  std::string cache_dir;     ///< --cache DIR, or "": the default
  bool no_cache = false;
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

// In a batch, an error that belongs to one input fails that input alone and the others go on;
// any other error (a bad option, voice or lexicon, an interruption) stops the run.
bool FailsOneInput(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kInputMissing:
    case core::ErrorKind::kInputDecode:
    case core::ErrorKind::kInputEmpty:
    case core::ErrorKind::kOutput:
    case core::ErrorKind::kLocked:
    case core::ErrorKind::kEngine:
      return true;
    default:
      return false;
  }
}

bool IsFolder(const std::string& name) {
  std::error_code error;
  return name != "-" && std::filesystem::is_directory(name, error);
}

// The inputs of this run: all of the batch, or this shard's share (whose output folders are those
// of the whole batch, so that the shards together write what one run writes).
std::vector<pipeline::BatchInput> ChooseInputs(const NarrateCommandOptions& options,
                                               publish::BatchSummary& summary) {
  std::vector<pipeline::BatchInput> all =
      pipeline::ListBatch(options.inputs, options.narrate.output_dir);
  if (options.shard.empty()) return all;
  const pipeline::Shard shard = pipeline::ParseShard(options.shard);
  for (const pipeline::BatchInput& input : all) {
    if (input.name == "-") {
      throw core::Error(core::ErrorKind::kUsage,
                        "--shard: standard input cannot be shared between shards");
    }
  }
  std::vector<pipeline::BatchInput> mine;
  for (const std::size_t i : pipeline::ShardInputs(all, shard)) mine.push_back(all[i]);
  summary.shard = options.shard;
  summary.other_shards_inputs = static_cast<int>(all.size() - mine.size());
  return mine;
}

// One run of `narrate`: its inputs read and checked first, then narrated one after the other.
class NarrateRun {
 public:
  explicit NarrateRun(NarrateCommandOptions& options) : options_(options) {
    if (options.quiet) {
      progress_ = std::make_unique<pipeline::SilentProgress>();
    } else {
      auto owned = std::make_unique<TerminalProgress>(stderr);
      terminal_ = owned.get();
      progress_ = std::move(owned);
    }
  }

  void Run() {
    const auto started = std::chrono::steady_clock::now();
    inputs_ = ChooseInputs(options_, summary_);
    batch_ = inputs_.size() + summary_.other_shards_inputs > 1 ||
             std::any_of(options_.inputs.begin(), options_.inputs.end(), IsFolder);
    summary_.records.resize(inputs_.size());
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      summary_.records[i].input = inputs_[i].name;
      summary_.records[i].output_dir = inputs_[i].output_dir;
    }
    PrepareAll();
    NarrateAll();
    pipeline::Summary totals;
    for (const publish::BatchRecord& record : summary_.records) {
      if (record.status != publish::BatchRecord::Status::kDone) continue;
      totals.inputs += 1;
      totals.chapters += record.chapters;
      totals.audio_s += record.audio_s;
    }
    totals.wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    Finish(totals);
  }

 private:
  pipeline::PreparedInput Prepare(std::size_t i) const {
    return pipeline::Prepare(pipeline::ReadInput(inputs_[i].name), options_.read);
  }

  // Every input is read and parsed before any audio is made: a bad third file is found in a
  // second, not after two books. Parsing is cheap (0.1 s for a 900 KB text), so only a sole input
  // and standard input (which cannot be read twice) are kept; other files are parsed again when
  // their turn comes, and memory does not grow with the number of inputs.
  void PrepareAll() {
    kept_.resize(inputs_.size());
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      try {
        pipeline::PreparedInput prepared = Prepare(i);
        // Said once, on this first reading (an input parsed again later says nothing new).
        for (const std::string& warning : prepared.warnings) progress_->OnWarning(warning);
        if (inputs_.size() == 1 || inputs_[i].name == "-") kept_[i] = std::move(prepared);
      } catch (const core::Error& error) {
        Fail(i, error);
      }
    }
  }

  void NarrateAll() {
    pipeline::NarrateOptions& narrate = options_.narrate;
    const synth::Voice voice = pipeline::ResolveVoice(narrate);
    // Loads the lexicons now (they are shared with the pipeline's), so that a bad line in a user
    // lexicon fails before any audio is made.
    const pronounce::Pronouncer pronouncer(narrate.pronounce);
    synth::Engine engine;
    for (const std::string& warning : engine.Use(voice)) progress_->OnWarning(warning);

    // Each of these stops the run the same way: temporaries removed, no output file left.
    // SIGHUP comes when the terminal closes under a run.
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal, OnSignal);
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      publish::BatchRecord& record = summary_.records[i];
      if (record.status == publish::BatchRecord::Status::kFailed) continue;
      try {
        const pipeline::PreparedInput prepared = kept_[i] ? std::move(*kept_[i]) : Prepare(i);
        kept_[i].reset();
        const pipeline::NarrateResult result =
            pipeline::Narrate(prepared, inputs_[i].output_dir, narrate, engine, *progress_);
        for (const auto& path : result.files) std::cout << path.string() << '\n';
        std::cout.flush();
        record.chapters = result.chapters;
        record.audio_s = result.audio_s;
        record.units = result.units;
        record.units_cached = result.cache.hits;
        record.files_kept = result.files_kept;
        if (result.skipped) record.status = publish::BatchRecord::Status::kSkipped;
      } catch (const core::Error& error) {
        Fail(i, error);
      }
    }
  }

  // Records a failed input and says why; outside a batch the error stops the run as it is.
  void Fail(std::size_t i, const core::Error& error) {
    publish::BatchRecord& record = summary_.records[i];
    record.status = publish::BatchRecord::Status::kFailed;
    record.error = error.what();
    record.exit_code = core::ExitCode(error.kind());
    if (!batch_ || !FailsOneInput(error.kind())) {
      WriteSummaryFile();
      throw;
    }
    if (terminal_ != nullptr) {
      terminal_->OnError(error.what());
    } else {
      std::fprintf(stderr, "langdu: error: %s\n", error.what());
    }
  }

  void WriteSummaryFile() const {
    if (!options_.summary_file.empty()) {
      publish::WriteFileAtomically(options_.summary_file, publish::BatchSummaryJson(summary_));
    }
  }

  void Finish(const pipeline::Summary& totals) {
    WriteSummaryFile();
    if (terminal_ != nullptr) {
      terminal_->Finish(totals);
      if (batch_)
        terminal_->FinishBatch(summary_.done(), summary_.skipped(), summary_.failed(),
                               summary_.shard, summary_.other_shards_inputs);
    }
    if (summary_.failed() > 0) {
      throw core::Error(core::ErrorKind::kBatch,
                        std::to_string(summary_.failed()) + " of " +
                            std::to_string(summary_.records.size()) +
                            " inputs failed (their errors are above); the others were narrated");
    }
  }

  NarrateCommandOptions& options_;
  std::unique_ptr<pipeline::Progress> progress_;
  TerminalProgress* terminal_ = nullptr;
  std::vector<pipeline::BatchInput> inputs_;
  std::vector<std::optional<pipeline::PreparedInput>> kept_;
  publish::BatchSummary summary_;
  bool batch_ = false;
};

void Run(NarrateCommandOptions& options) {
  pipeline::NarrateOptions& narrate = options.narrate;
  // An EPUB holds MP3 (a core media type of EPUB 3.2): the run writes what --format mp3 writes,
  // and the book.
  narrate.epub = options.format == kEpub;
  narrate.format = narrate.epub ? audio::Format::kMp3 : *audio::ParseFormat(options.format);
  // An M4B is one file per input, its chapters inside.
  if (narrate.format == audio::Format::kM4b) narrate.single = true;
  narrate.encoding = options.read.encoding;
  narrate.structure = options.read.structure;
  if (!options.no_cache) {
    narrate.cache_dir = options.cache_dir.empty() ? pipeline::DefaultCacheDir()
                                                  : std::filesystem::path(options.cache_dir);
  }
  narrate.Validate();
  NarrateRun(options).Run();
}

}  // namespace

CLI::App* AddNarrateCommand(CLI::App& app) {
  auto options = std::make_shared<NarrateCommandOptions>();
  CLI::App* command = app.add_subcommand("narrate", "Narrate text files into chaptered audio");
  command
      ->add_option("inputs", options->inputs,
                   "Files to narrate: text, Markdown, HTML, EPUB, SSML (- for standard input), "
                   "or folders, whose files are narrated into a mirror of their tree")
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
  command->add_option("--shard", options->shard,
                      "I/N: narrate only the I-th of N shares of the inputs, balanced by size, "
                      "for N runs on N machines into one shared output");
  command->add_option("--summary", options->summary_file,
                      "Write what became of each input (done, failed and why) to FILE, as JSON");
  CLI::Option* cache =
      command
          ->add_option("--cache", options->cache_dir,
                       "Folder of the synthesis cache, which a rerun after an edit takes "
                       "unchanged paragraphs from (default: $XDG_CACHE_HOME/langdu)")
          ->type_name("DIR");
  command->add_flag("--no-cache", options->no_cache, "Neither read nor write the synthesis cache")
      ->excludes(cache);
  command
      ->add_option("--cache-max", options->narrate.cache_max_bytes,
                   "Size the cache is kept under, least recently used first out (default: 2G)")
      ->transform(CLI::AsSizeValue(false))
      ->type_name("SIZE");
  AddNormalizeOptions(*command, options->narrate.normalize);
  command->add_option("--lexicon", options->narrate.pronounce.user_lexicon,
                      "User lexicon: TSV (word<TAB>pin1 yin1) or PLS with alphabet=\"x-pinyin\"");
  command->callback([options] { Run(*options); });
  return command;
}

}  // namespace langdu::cli
