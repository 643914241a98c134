#include "pipeline/narrate.h"

#include <sys/stat.h>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>
#include <thread>

#include "audio/m4b_encoder.h"
#include "core/error.h"
#include "pipeline/keys.h"
#include "pipeline/plan.h"
#include "pipeline/render.h"
#include "pipeline/schedule.h"
#include "pipeline/synthesis_pool.h"
#include "pipeline/unit_cache.h"
#include "publish/epub/epub.h"
#include "publish/folder_lock.h"
#include "publish/journal.h"
#include "publish/manifest.h"
#include "publish/output_set.h"
#include "publish/player/read_along_page.h"
#include "publish/playlist.h"
#include "publish/talking_book.h"

namespace langdu::pipeline {
namespace {

constexpr const char* kManifestName = "manifest.json";

volatile std::sig_atomic_t cancel_requested = 0;

void CheckCancel() {
  if (cancel_requested) throw core::Error(core::ErrorKind::kInterrupted, "interrupted");
}

void CheckRange(const char* option, const std::optional<int>& value, synth::IntRange range) {
  if (value && !range.Contains(*value)) {
    throw core::Error(core::ErrorKind::kUsage, std::string(option) + ": " + std::to_string(*value) +
                                                   " is not in " + std::to_string(range.low) +
                                                   ".." + std::to_string(range.high));
  }
}

// The date tag: SOURCE_DATE_EPOCH when set (reproducible builds' convention), else today (UTC).
std::string TagDate() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr) {
    now = static_cast<std::time_t>(std::atoll(epoch));
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

// The FILE type a cue sheet names for each format.
// A cue sheet knows the file types of CD burning (WAVE, MP3, AIFF, BINARY); players read any
// audio they can decode under WAVE, which is what cue tools write for FLAC, Ogg and MP4 too.
std::string CueFileType(audio::Format format) {
  return format == audio::Format::kMp3 ? "MP3" : "WAVE";
}

publish::ManifestHeader Header(const PreparedInput& input, const NarrateOptions& options,
                               const std::string& author, const audio::EncoderSettings& settings,
                               const synth::Voice& voice, const std::string& run_key) {
  publish::ManifestHeader header;
  header.title = input.document.title;
  header.author = author;
  header.source = {input.name, input.sha256, input.encoding};
  header.voice = {voice.name,     voice.mandarin, voice.english,     voice.variant,
                  voice.rate_wpm, voice.pitch,    voice.pitch_range, voice.volume};
  header.options.format = std::string(audio::Extension(settings.format));
  header.options.sample_rate_hz = settings.sample_rate_hz;
  header.options.bitrate_kbps = settings.bitrate_kbps;
  header.options.quality = settings.quality;
  header.options.mp3_speed = settings.mp3_speed;
  header.options.opus_complexity = settings.opus_complexity;
  header.options.single = options.single;
  header.options.chapters = !options.structure.detect_chapters          ? "none"
                            : options.structure.chapter_pattern.empty() ? "detected"
                                                                        : "pattern";
  header.options.chapter_pattern = options.structure.chapter_pattern;
  header.langdu_version = LANGDU_VERSION;
  header.espeak_ng_version = synth::Engine::Version();
  header.run_key = run_key;
  return header;
}

// What a folder already holds of this narration: the result of the run whose manifest.json has
// `run_key` and whose files are all there at their sizes; nullopt when anything is missing,
// changed or unreadable (the run then goes on, and finds the old files in its way unless --force).
std::optional<NarrateResult> FinishedBefore(const std::filesystem::path& output_dir,
                                            const std::string& run_key) {
  const std::filesystem::path path = output_dir / kManifestName;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  publish::Manifest manifest;
  try {
    manifest = publish::ReadManifest(path);
  } catch (const core::Error&) {
    return std::nullopt;
  }
  if (manifest.header.run_key.empty() || manifest.header.run_key != run_key) return std::nullopt;
  for (const publish::FileRecord& file : manifest.files) {
    if (std::filesystem::file_size(output_dir / file.file, error) != file.bytes || error) {
      return std::nullopt;
    }
  }
  NarrateResult result;
  result.chapters = static_cast<int>(manifest.chapters.size());
  result.audio_s = manifest.duration_s;
  result.skipped = true;
  return result;
}

// dcterms:modified of an EPUB: SOURCE_DATE_EPOCH when set, else when the input was last changed
// (so the same file gives the same book), else now (standard input).
long long ModifiedSeconds(const std::string& input_name) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr) {
    return std::atoll(epoch);
  }
  struct stat status {};
  if (input_name != "-" && stat(input_name.c_str(), &status) == 0) return status.st_mtime;
  return static_cast<long long>(std::time(nullptr));
}

// The read-along page and the EPUB, made from the finished manifest: its text and times, never
// the audio. `audio_paths` maps each audio file's name to where it is written meanwhile.
void WriteTalkingBooks(const std::filesystem::path& manifest, const std::string& input_name,
                       const std::optional<audio::Picture>& cover,
                       const std::map<std::string, std::filesystem::path>& audio_paths,
                       const std::filesystem::path& page, const std::filesystem::path& epub) {
  const publish::Manifest read = publish::ReadManifest(manifest);
  const publish::TalkingBook book = publish::BookFromManifest(read, read.header.author);
  if (!page.empty()) publish::WriteFileAtomically(page, publish::player::ReadAlongPage(book));
  if (epub.empty()) return;
  const long long modified_s = ModifiedSeconds(input_name);
  publish::epub::EpubOptions epub_options;
  epub_options.modified = publish::epub::ModifiedTime(modified_s);
  if (cover) epub_options.cover = publish::epub::Cover{cover->mime_type, cover->data};
  publish::epub::WriteEpub(epub, publish::epub::EpubEntries(book, epub_options, audio_paths),
                           modified_s);
}

// The final paths of a planned file: its audio and its captions.
std::vector<std::filesystem::path> FinalPaths(const FilePlan& file,
                                              const std::filesystem::path& output_dir) {
  return {output_dir / file.name, output_dir / (file.stem + ".srt"),
          output_dir / (file.stem + ".vtt"), output_dir / (file.stem + ".lrc")};
}

// The audio files a finished earlier run wrote into the folder, by name; none when its manifest is
// missing or unreadable.
std::map<std::string, publish::FileRecord> PreviousFiles(const std::filesystem::path& output_dir) {
  std::map<std::string, publish::FileRecord> files;
  std::error_code error;
  if (!std::filesystem::is_regular_file(output_dir / kManifestName, error)) return files;
  try {
    for (publish::FileRecord& file : publish::ReadManifest(output_dir / kManifestName).files) {
      files.emplace(file.file, std::move(file));
    }
  } catch (const core::Error&) {
    // A manifest this langdu cannot read keeps nothing: every file is made again.
  }
  return files;
}

// The earlier run's audio of a planned file, when it was made from the same audio (`audio_key`)
// and is still there at its size.
std::optional<EncodedFile> KeptAudio(const std::map<std::string, publish::FileRecord>& previous,
                                     const std::filesystem::path& final_path,
                                     const std::string& audio_key) {
  const auto it = previous.find(final_path.filename().string());
  if (it == previous.end() || it->second.audio_key != audio_key) return std::nullopt;
  const publish::FileRecord& record = it->second;
  std::error_code error;
  if (std::filesystem::file_size(final_path, error) != record.bytes || error) return std::nullopt;
  return EncodedFile{record.samples, record.duration_s, record.bytes, record.bitrate_kbps};
}

// What the files of a run are made from, and what an earlier run left that may stay.
struct FileSources {
  std::vector<std::string> unit_keys;
  std::map<std::string, publish::FileRecord> previous;  // --force: the folder's manifest
};

// Reserves the final names of every planned file; returns where each is written meanwhile. A file
// an earlier run finished (`finished`) is kept as it is, and written nowhere; so is the audio of a
// file --force would make again from the same audio.
std::vector<FileOutputs> ReserveFiles(const Plan& plan, const std::filesystem::path& output_dir,
                                      const audio::Tags& common, const core::Document& document,
                                      const ScheduleSettings& settings, const FileSources& sources,
                                      const std::function<bool(std::size_t)>& finished,
                                      publish::OutputSet& outputs) {
  std::vector<FileOutputs> files;
  for (std::size_t f = 0; f < plan.files.size(); ++f) {
    const FilePlan& file = plan.files[f];
    const std::vector<std::filesystem::path> finals = FinalPaths(file, output_dir);
    FileOutputs out;
    if (finished(f)) {
      for (const std::filesystem::path& path : finals) outputs.Keep(path);
      files.push_back(std::move(out));
      continue;
    }
    out.tags = common;
    out.tags.title = file.title;
    if (!settings.single) {
      out.tags.track = document.chapters[file.first_chapter].number;
      out.tags.track_count = static_cast<int>(document.chapters.size());
    }
    out.audio_key = FileAudioKey(document, plan, f, sources.unit_keys, settings, out.tags);
    out.kept = KeptAudio(sources.previous, finals[0], out.audio_key);
    if (out.kept) {
      outputs.Keep(finals[0]);
    } else {
      out.audio = outputs.Add(finals[0]);
    }
    out.srt = outputs.Add(finals[1]);
    out.vtt = outputs.Add(finals[2]);
    out.lrc = outputs.Add(finals[3]);
    files.push_back(std::move(out));
  }
  return files;
}

// Where the book-level files are written meanwhile; empty for those not asked for.
struct BookOutputs {
  std::filesystem::path cue_sheet;  // --single
  std::filesystem::path chapters_vtt;
  std::filesystem::path playlist;
  std::filesystem::path manifest;
  std::filesystem::path page;  // index.html
  std::filesystem::path epub;
};

// Reserves the book-level files. `replace`: this run resumes one that may have begun to rename
// them.
BookOutputs ReserveBookFiles(const Plan& plan, const std::filesystem::path& output_dir,
                             const NarrateOptions& options, bool replace,
                             publish::OutputSet& outputs) {
  const auto add = [&](const std::string& name) { return outputs.Add(output_dir / name, replace); };
  BookOutputs book;
  if (options.single) book.cue_sheet = add(plan.cue_sheet);
  book.chapters_vtt = add("chapters.vtt");
  book.playlist = add("playlist.m3u8");
  if (options.player) book.page = add("index.html");
  if (options.epub) book.epub = add(publish::BookFileName(plan.files.front().title, "epub"));
  // Renamed last, so that a manifest says the book is all there.
  book.manifest = add(kManifestName);
  return book;
}

// Makes a finished file's audio and captions final: journaled first (flushed), then renamed, so
// that the journal never misses a final file, and a file it lists may only be missing.
void PublishFile(const std::vector<std::filesystem::path>& finals, const FileOutputs& written,
                 const publish::FinishedFile& finished, publish::Journal& journal,
                 publish::OutputSet& outputs, Progress& progress) {
  // Kept audio is final already: it is measured where it is, and not renamed.
  const std::vector<std::filesystem::path> temporaries = {written.kept ? finals[0] : written.audio,
                                                          written.srt, written.vtt, written.lrc};
  publish::JournalEntry entry{finished, {}};
  for (std::size_t i = 0; i < finals.size(); ++i) {
    std::error_code error;
    const std::uintmax_t bytes = std::filesystem::file_size(temporaries[i], error);
    if (error) {
      throw core::Error(core::ErrorKind::kOutput,
                        finals[i].string() + ": cannot measure: " + error.message());
    }
    entry.outputs.emplace_back(finals[i].filename().string(), bytes);
  }
  journal.Record(entry);
  const std::vector<std::filesystem::path> made(finals.begin() + (written.kept ? 1 : 0),
                                                finals.end());
  outputs.Commit(made);
  for (const std::filesystem::path& path : made) progress.OnFileWritten(path.string());
}

// The synthesis cache options ask for; none when they ask for none, or when its folder cannot be
// made (said at once: the run goes on without it).
std::optional<UnitCache> OpenCache(const NarrateOptions& options, Progress& progress) {
  std::optional<UnitCache> cache;
  if (options.cache_dir.empty()) return cache;
  cache.emplace(options.cache_dir, options.cache_max_bytes);
  if (!cache->usable()) {
    progress.OnWarning(cache->warning());
    cache.reset();
  }
  return cache;
}

// What the run took from the cache and kept of the folder: into the result, and said when any.
void ReportReuse(const std::string& input_name, const Plan& plan,
                 const std::vector<FileOutputs>& files, const ScheduleSettings& settings,
                 std::optional<UnitCache>& cache, Progress& progress, NarrateResult& narrated) {
  int made = 0;
  for (std::size_t f = 0; f < plan.files.size(); ++f) {
    if (settings.is_finished && settings.is_finished(f)) continue;
    ++made;
    narrated.units += plan.files[f].unit_end - plan.files[f].first_unit;
    narrated.files_kept += files[f].kept ? 1 : 0;
  }
  if (cache) {
    cache->Prune();
    narrated.cache = cache->stats();
    if (!cache->warning().empty()) progress.OnWarning(cache->warning());
  }
  if (narrated.cache.hits > 0 || narrated.files_kept > 0) {
    progress.OnReuse(input_name, narrated.cache.hits, narrated.units, narrated.files_kept, made);
  }
}

}  // namespace

void NarrateOptions::Validate() const {
  CheckRange("--rate", rate_wpm, synth::kRateWpm);
  CheckRange("--pitch", pitch, synth::kPitch);
  CheckRange("--volume", volume, synth::kVolume);
  if (jobs != 0) CheckRange("--jobs", jobs, kJobs);
  // The encoder's own limits (rates, bitrates, qualities per format) live in audio/format.
  audio::ResolveEncoder(format, synth::kEngineRateHz, sample_rate_hz, bitrate_kbps, quality,
                        mp3_speed, opus_complexity);
}

int NarrateOptions::ResolvedJobs() const {
  if (jobs > 0) return jobs;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void RequestCancel() { cancel_requested = 1; }

synth::Voice ResolveVoice(const NarrateOptions& options) {
  options.Validate();
  synth::Voice voice = synth::FindVoice(DataDir() / "voices", options.voice);
  if (options.rate_wpm) voice.rate_wpm = *options.rate_wpm;
  if (options.pitch) voice.pitch = *options.pitch;
  if (options.volume) voice.volume = *options.volume;
  return voice;
}

NarrateResult Narrate(const PreparedInput& input, const std::filesystem::path& output_dir,
                      const NarrateOptions& options, synth::Synthesizer& synthesizer,
                      Progress& progress) {
  const core::Document& document = input.document;
  const int engine_rate = synthesizer.sample_rate_hz();
  ScheduleSettings settings;
  settings.encoder = audio::ResolveEncoder(options.format, engine_rate, options.sample_rate_hz,
                                           options.bitrate_kbps, options.quality, options.mp3_speed,
                                           options.opus_complexity);
  settings.engine_rate_hz = engine_rate;
  settings.voice = synthesizer.voice();
  // --cover and --author win over what the input says about itself (an EPUB's cover image and
  // dc:creator, Markdown front matter, HTML's meta author).
  if (!options.cover.empty()) {
    settings.cover = audio::ReadPicture(options.cover);
  } else if (!input.metadata.cover.empty()) {
    settings.cover = audio::Picture{input.metadata.cover_media_type, input.metadata.cover};
  }
  const std::string author = options.author.empty() ? input.metadata.author : options.author;
  settings.encoders = static_cast<std::size_t>(options.ResolvedJobs());
  settings.single = options.single;
  settings.input_name = input.name;
  settings.characters_total = input.characters;
  settings.check_cancel = CheckCancel;
  const std::string extension(audio::Extension(settings.encoder.format));
  const Plan plan = MakePlan(document, options.single, extension);

  audio::Tags common;
  common.album = document.title;
  common.artist = author.empty() ? "langdu " + settings.voice.name : author;
  common.date = TagDate();
  common.comment =
      std::string("langdu ") + LANGDU_VERSION + ", eSpeak NG " + synth::Engine::Version();

  // One run at a time in a folder; what a killed run left is resumed, its temporaries removed.
  // The lock is released last, after the output set has removed this run's temporaries.
  const publish::FolderLock lock(output_dir);
  publish::RemoveStaleTemporaries(output_dir);
  const std::string run_key = ResumeKey(input, options, settings, common);
  if (!options.force) {
    if (std::optional<NarrateResult> done = FinishedBefore(output_dir, run_key)) {
      progress.OnSkip(input.name, output_dir.string());
      return *done;
    }
  }
  publish::Journal journal(output_dir, run_key);
  // --single makes one file: nothing to resume before it is complete, so nothing is journaled.
  if (!options.single) {
    settings.is_finished = [&](std::size_t f) { return journal.IsFinished(plan.files[f].name); };
    settings.read_finished = [&](std::size_t f) {
      return journal.Read(plan.files[f].name).finished;
    };
  }
  const auto is_finished = [&](std::size_t f) {
    return settings.is_finished && settings.is_finished(f);
  };
  int kept = 0;
  for (std::size_t f = 0; f < plan.files.size(); ++f) kept += is_finished(f) ? 1 : 0;
  if (kept > 0) progress.OnResume(input.name, kept, static_cast<int>(plan.files.size()));

  // Every final name is reserved before any audio is made. A book-level file may be there already
  // when this run resumes one stopped as it renamed them.
  publish::OutputSet outputs(options.force);
  FileSources sources;
  sources.unit_keys =
      UnitKeys(document, plan.units, options, settings.voice, settings.engine_rate_hz);
  if (options.force) sources.previous = PreviousFiles(output_dir);
  const std::vector<FileOutputs> files =
      ReserveFiles(plan, output_dir, common, document, settings, sources, is_finished, outputs);
  // Each chapter's audio and captions become final as soon as they are complete.
  settings.on_file_done = [&](std::size_t f, const publish::FinishedFile& finished) {
    PublishFile(FinalPaths(plan.files[f], output_dir), files[f], finished, journal, outputs,
                progress);
  };

  const BookOutputs book_files =
      ReserveBookFiles(plan, output_dir, options, journal.Resumes(), outputs);
  publish::ManifestWriter manifest(
      book_files.manifest,
      Header(input, options, author, settings.encoder, settings.voice, run_key));

  // The pool forks before any encoding thread starts.
  const text::tn::Normalizer normalizer(options.normalize);
  const pronounce::Pronouncer pronouncer(options.pronounce);
  const UnitRenderer renderer(normalizer, pronouncer, synthesizer);
  SynthesisPool pool(renderer, document, plan.units, options.ResolvedJobs(), CheckCancel);
  std::optional<UnitCache> cache = OpenCache(options, progress);
  std::optional<CachedSource> cached;
  if (cache) cached.emplace(pool, *cache, sources.unit_keys);
  UnitSource& source = cached ? static_cast<UnitSource&>(*cached) : pool;
  const ScheduleResult result =
      Schedule(document, plan, files, source, settings, manifest, progress);

  const int count = static_cast<int>(document.chapters.size());
  manifest.Finish(count, result.files, publish::RoundSeconds(result.duration_s));
  publish::WriteFileAtomically(book_files.chapters_vtt, publish::ChaptersVtt(result.chapters));
  std::vector<publish::PlaylistEntry> playlist_entries = result.entries;
  if (options.single) {
    const FilePlan& book = plan.files.front();
    playlist_entries = {{book.name, book.title, 0, result.duration_s}};
    publish::WriteFileAtomically(book_files.cue_sheet,
                                 publish::CueSheet(book.name, CueFileType(settings.encoder.format),
                                                   book.title, common.artist, result.entries));
  }
  publish::WriteFileAtomically(book_files.playlist, publish::M3u8(playlist_entries));
  std::map<std::string, std::filesystem::path> audio_paths;
  // A file per chapter is final already; the one file of --single is still a temporary.
  for (std::size_t i = 0; i < plan.files.size(); ++i) {
    audio_paths[plan.files[i].name] =
        options.single && !files[i].kept ? files[i].audio : output_dir / plan.files[i].name;
  }
  WriteTalkingBooks(book_files.manifest, input.name, settings.cover, audio_paths, book_files.page,
                    book_files.epub);
  const std::vector<std::filesystem::path> committed = outputs.Commit();
  journal.Remove();

  NarrateResult narrated;
  narrated.files = outputs.final_paths();
  narrated.chapters = count;
  narrated.audio_s = publish::RoundSeconds(result.duration_s);
  for (const auto& path : committed) progress.OnFileWritten(path.string());
  ReportReuse(input.name, plan, files, settings, cache, progress, narrated);
  if (settings.encoder.format == audio::Format::kM4b &&
      static_cast<std::size_t>(count) > audio::kNeroChapterLimit) {
    progress.OnWarning(input.name + ": " + std::to_string(count) +
                       " chapters: more than a Nero chapter list (chpl) holds (" +
                       std::to_string(audio::kNeroChapterLimit) +
                       "), so the M4B has only its QuickTime chapter track (Apple players read "
                       "it; players that read only Nero chapters show none)");
  }
  if (!result.unread_summary.empty()) progress.OnWarning(result.unread_summary);
  return narrated;
}

}  // namespace langdu::pipeline
