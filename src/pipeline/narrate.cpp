#include "pipeline/narrate.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <map>
#include <memory>
#include <thread>

#include "audio/assembler.h"
#include "audio/tags.h"
#include "core/error.h"
#include "core/utf8.h"
#include "pipeline/encoding_job.h"
#include "publish/captions.h"
#include "publish/manifest.h"
#include "publish/output_set.h"
#include "publish/playlist.h"

namespace langdu::pipeline {
namespace {

using Json = nlohmann::ordered_json;

volatile std::sig_atomic_t cancel_requested = 0;

double Seconds(std::int64_t samples, int sample_rate_hz) {
  return std::round(static_cast<double>(samples) * 1e6 / sample_rate_hz) / 1e6;
}

double Round6(double seconds) { return std::round(seconds * 1e6) / 1e6; }

void CheckRange(const char* option, int value, int low, int high) {
  if (value < low || value > high) {
    throw core::Error(core::ErrorKind::kUsage, std::string(option) + ": " + std::to_string(value) +
                                                   " is not in " + std::to_string(low) + ".." +
                                                   std::to_string(high));
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
std::string CueFileType(audio::Format format) {
  switch (format) {
    case audio::Format::kWav:
      return "WAVE";
    case audio::Format::kMp3:
      return "MP3";
    default:
      return std::string(audio::Extension(format));
  }
}

Json VoiceJson(const synth::Voice& voice) {
  return {{"name", voice.name},
          {"mandarin", voice.mandarin},
          {"english", voice.english},
          {"variant", voice.variant},
          {"rate_wpm", voice.rate_wpm},
          {"pitch", voice.pitch},
          {"pitch_range", voice.pitch_range},
          {"volume", voice.volume}};
}

Json HeaderJson(const PreparedInput& input, const NarrateOptions& options,
                const audio::EncoderSettings& settings, const synth::Engine& engine) {
  Json chapters = options.structure.detect_chapters
                      ? Json(options.structure.chapter_pattern.empty() ? "detected" : "pattern")
                      : Json("none");
  Json encoder = {{"format", audio::Extension(settings.format)},
                  {"sample_rate_hz", settings.sample_rate_hz}};
  if (settings.bitrate_kbps) encoder["bitrate_kbps"] = *settings.bitrate_kbps;
  if (settings.quality) encoder["quality"] = *settings.quality;
  encoder["single"] = options.single;
  encoder["chapters"] = chapters;
  encoder["chapter_pattern"] = options.structure.chapter_pattern;
  return {
      {"format", "langdu-manifest"},
      {"version", 1},
      {"title", input.document.title},
      {"source", {{"path", input.name}, {"sha256", input.sha256}, {"encoding", input.encoding}}},
      {"voice", VoiceJson(engine.voice())},
      {"options", encoder},
      {"langdu_version", LANGDU_VERSION},
      {"espeak_ng_version", synth::Engine::Version()},
  };
}

Json FileJson(const std::string& name, const audio::EncoderSettings& settings,
              const EncodedFile& file) {
  return {{"file", name},
          {"format", audio::Extension(settings.format)},
          {"sample_rate_hz", settings.sample_rate_hz},
          {"samples", file.samples},
          {"audio_duration_s", Seconds(file.samples, settings.sample_rate_hz)},
          {"duration_s", Round6(file.duration_s)},
          {"bitrate_kbps", std::round(file.bitrate_kbps * 10) / 10},
          {"bytes", file.bytes}};
}

// Turns sentences into audio: text normalization, pronunciation and the engine, on the
// synthesis thread only (eSpeak NG is one global engine).
class Speaker {
 public:
  Speaker(synth::Engine& engine, const NarrateOptions& options, Progress& progress,
          std::size_t characters_total)
      : engine_(engine),
        normalizer_(options.normalize),
        pronouncer_(options.pronounce),
        progress_(progress),
        characters_total_(characters_total) {}

  const synth::Voice& voice() const { return engine_.voice(); }
  Progress& progress() { return progress_; }

  // Speaks one sentence into `assembler`; returns its manifest entry and its timed clauses.
  Json Speak(const core::Sentence& sentence, audio::Assembler& assembler,
             std::vector<publish::TimedClause>& timed) {
    const int rate = assembler.sample_rate_hz();
    const core::SpokenText spoken = normalizer_.Normalize(sentence.text);
    const core::SpeechScript script = pronouncer_.Script(spoken);
    for (const std::string& character : script.unread) {
      Unread& unread = unread_[character];
      if (unread.count++ == 0) unread.first_line = sentence.span.line;
    }
    Json clauses = Json::array();
    std::int64_t sentence_start = -1;
    std::int64_t sentence_end = assembler.position();
    for (const core::SpeechClause& clause : script.clauses) {
      if (cancel_requested) throw core::Error(core::ErrorKind::kInterrupted, "interrupted");
      const std::vector<std::int16_t> samples = engine_.Synthesize(clause);
      const std::int64_t start = assembler.position();
      assembler.AddSpeech(samples);
      const std::int64_t end = assembler.position();
      if (sentence_start < 0) sentence_start = start;
      sentence_end = end;
      clauses.push_back({{"text", clause.display_text},
                         {"engine_input", core::EngineInput(clause)},
                         {"pause", core::PauseName(clause.pause_after)},
                         {"start_s", Seconds(start, rate)},
                         {"end_s", Seconds(end, rate)}});
      if (end > start)
        timed.push_back({clause.display_text, Seconds(start, rate), Seconds(end, rate)});
      assembler.AddSilence(engine_.voice().PauseMs(clause.pause_after));
    }
    if (sentence_start < 0) sentence_start = sentence_end;
    characters_done_ += core::CodePointCount(sentence.text);
    progress_.OnAdvance(characters_done_, characters_total_);
    return {{"source_text", sentence.source_text},
            {"span", publish::SpanJson(sentence.span)},
            {"spoken_text", spoken.spoken},
            {"engine_input", core::EngineInput(script)},
            {"start_s", Seconds(sentence_start, rate)},
            {"end_s", Seconds(sentence_end, rate)},
            {"clauses", std::move(clauses)}};
  }

  /// One line about the characters nobody read, or empty: "<input>: 3 characters not read:
  /// "♥" ×2 (line 4), "㊣" (line 9)". Non-fatal, so said once at the end.
  std::string UnreadSummary(const std::string& input_name) const {
    if (unread_.empty()) return {};
    std::vector<std::pair<std::string, Unread>> sorted(unread_.begin(), unread_.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.second.first_line != b.second.first_line ? a.second.first_line < b.second.first_line
                                                        : a.first < b.first;
    });
    int total = 0;
    for (const auto& [character, unread] : sorted) total += unread.count;
    std::string line = input_name + ": " + std::to_string(total) +
                       (total == 1 ? " character" : " characters") + " not read:";
    constexpr std::size_t kListed = 10;
    for (std::size_t i = 0; i < sorted.size() && i < kListed; ++i) {
      const auto& [character, unread] = sorted[i];
      line += (i == 0 ? " \"" : ", \"") + character + "\"";
      if (unread.count > 1) line += " ×" + std::to_string(unread.count);
      line += " (line " + std::to_string(unread.first_line) + ")";
    }
    if (sorted.size() > kListed) line += ", …";
    return line;
  }

 private:
  struct Unread {
    int count = 0;
    int first_line = 0;
  };

  synth::Engine& engine_;
  const text::tn::Normalizer normalizer_;
  const pronounce::Pronouncer pronouncer_;
  Progress& progress_;
  std::size_t characters_total_;
  std::size_t characters_done_ = 0;
  std::map<std::string, Unread> unread_;
};

// Speaks one chapter a sentence at a time, so that the synthesis thread can feed several
// encoders in turn. Finished paragraphs wait in ready_ until the manifest takes them in order.
class ChapterNarrator {
 public:
  ChapterNarrator(const core::Chapter& chapter, const std::string& input_name, int chapter_count)
      : chapter_(chapter), input_name_(input_name), chapter_count_(chapter_count) {}

  bool done() const { return done_; }
  const core::Chapter& chapter() const { return chapter_; }
  std::int64_t start() const { return start_; }
  std::int64_t end() const { return end_; }

  void Step(Speaker& speaker, audio::Assembler& assembler, publish::CaptionWriter& captions) {
    const synth::Voice& voice = speaker.voice();
    if (!started_) {
      speaker.progress().OnChapter(input_name_, chapter_.number, chapter_count_, chapter_.title);
      start_ = assembler.position();
      assembler.AddSilence(voice.chapter_lead_ms);
      started_ = true;
    }
    if (paragraph_ < chapter_.paragraphs.size()) {
      const core::Paragraph& paragraph = chapter_.paragraphs[paragraph_];
      if (sentence_ == 0) paragraph_start_ = assembler.position();
      if (sentence_ < paragraph.sentences.size()) {
        std::vector<publish::TimedClause> timed;
        sentences_.push_back(speaker.Speak(paragraph.sentences[sentence_], assembler, timed));
        captions.AddSentence(timed);
        ++sentence_;
      }
      if (sentence_ >= paragraph.sentences.size()) {
        const int rate = assembler.sample_rate_hz();
        ready_.push_back({{"span", publish::SpanJson(paragraph.span)},
                          {"start_s", Seconds(paragraph_start_, rate)},
                          {"end_s", Seconds(assembler.position(), rate)},
                          {"sentences", std::exchange(sentences_, Json::array())}});
        sentence_ = 0;
        ++paragraph_;
        if (paragraph_ < chapter_.paragraphs.size()) {
          assembler.AddSilence(voice.paragraph_pause_ms);
        }
      }
    }
    if (paragraph_ >= chapter_.paragraphs.size()) {
      assembler.AddSilence(voice.chapter_tail_ms);
      end_ = assembler.position();
      done_ = true;
    }
  }

  std::vector<Json> TakeParagraphs() { return std::exchange(ready_, {}); }

 private:
  const core::Chapter& chapter_;
  const std::string& input_name_;
  int chapter_count_;
  bool started_ = false;
  bool done_ = false;
  std::size_t paragraph_ = 0;
  std::size_t sentence_ = 0;
  std::int64_t paragraph_start_ = 0;
  std::int64_t start_ = 0;
  std::int64_t end_ = 0;
  Json sentences_ = Json::array();
  std::vector<Json> ready_;
};

// The names one audio file is written under.
struct FilePlan {
  std::string name;  // e.g. "01-第一章.mp3"
  std::filesystem::path audio;
  std::filesystem::path srt;
  std::filesystem::path vtt;
  std::filesystem::path lrc;
  std::size_t first_chapter = 0;
  std::size_t chapter_end = 0;  // one past the last
  std::string title;
};

// One audio file in the making: its encoder thread, the assembler feeding it, its captions and
// the narrators of its chapters.
struct FileWork {
  FileWork(const FilePlan& plan, const audio::EncoderSettings& settings, int engine_rate_hz,
           audio::Tags tags, const std::optional<audio::Picture>& cover,
           std::vector<ChapterNarrator> narrators, DoneSignal& done_signal)
      : plan(plan),
        job(plan.audio, settings, engine_rate_hz, tags, cover, &done_signal),
        assembler(job.sink(), engine_rate_hz),
        captions(plan.srt, plan.vtt, plan.lrc, tags.title, tags.album, tags.artist),
        chapters(std::move(narrators)) {}

  bool narrated() const { return current >= chapters.size(); }

  void Step(Speaker& speaker) {
    chapters[current].Step(speaker, assembler, captions);
    if (!chapters[current].done()) return;
    ++current;
    if (!narrated()) return;
    captions.Finish();
    std::vector<audio::ChapterMark> marks;
    if (chapters.size() > 1) {
      for (const ChapterNarrator& chapter : chapters) {
        marks.push_back({chapter.chapter().title,
                         Seconds(chapter.start(), assembler.sample_rate_hz()),
                         Seconds(chapter.end(), assembler.sample_rate_hz())});
      }
    }
    job.Finish(std::move(marks));
  }

  const FilePlan& plan;
  EncodingJob job;
  audio::Assembler assembler;
  publish::CaptionWriter captions;
  std::vector<ChapterNarrator> chapters;
  std::size_t current = 0;
  std::optional<EncodedFile> encoded;
};

}  // namespace

void RequestCancel() { cancel_requested = 1; }

synth::Voice ResolveVoice(const NarrateOptions& options) {
  synth::Voice voice = synth::FindVoice(DataDir() / "voices", options.voice);
  if (options.rate_wpm) {
    CheckRange("--rate", *options.rate_wpm, 80, 450);
    voice.rate_wpm = *options.rate_wpm;
  }
  if (options.pitch) {
    CheckRange("--pitch", *options.pitch, 0, 100);
    voice.pitch = *options.pitch;
  }
  if (options.volume) {
    CheckRange("--volume", *options.volume, 0, 200);
    voice.volume = *options.volume;
  }
  return voice;
}

NarrateResult Narrate(const PreparedInput& input, const std::filesystem::path& output_dir,
                      const NarrateOptions& options, synth::Engine& engine, Progress& progress) {
  const core::Document& document = input.document;
  const int count = static_cast<int>(document.chapters.size());
  const int engine_rate = engine.sample_rate_hz();
  const audio::EncoderSettings settings = audio::ResolveEncoder(
      options.format, engine_rate, options.sample_rate_hz, options.bitrate_kbps, options.quality);
  const std::optional<audio::Picture> cover =
      options.cover.empty() ? std::nullopt : std::optional(audio::ReadPicture(options.cover));
  const std::string extension(audio::Extension(settings.format));

  // Every final name is reserved before any audio is made.
  publish::OutputSet outputs(options.force);
  std::vector<FilePlan> plans;
  const auto plan_file = [&](const std::string& name, std::size_t first, std::size_t end,
                             const std::string& title) {
    FilePlan plan;
    plan.name = name;
    plan.first_chapter = first;
    plan.chapter_end = end;
    plan.title = title;
    const std::string stem = name.substr(0, name.size() - extension.size() - 1);
    plan.audio = outputs.Add(output_dir / name);
    plan.srt = outputs.Add(output_dir / (stem + ".srt"));
    plan.vtt = outputs.Add(output_dir / (stem + ".vtt"));
    plan.lrc = outputs.Add(output_dir / (stem + ".lrc"));
    plans.push_back(plan);
  };
  if (options.single) {
    plan_file(
        publish::BookFileName(
            document.title.empty() ? document.chapters.front().title : document.title, extension),
        0, document.chapters.size(),
        document.title.empty() ? document.chapters.front().title : document.title);
  } else {
    for (std::size_t i = 0; i < document.chapters.size(); ++i) {
      const core::Chapter& chapter = document.chapters[i];
      plan_file(publish::ChapterFileName(chapter.number, count, chapter.title, extension), i, i + 1,
                chapter.title);
    }
  }
  std::filesystem::path cue_sheet;
  if (options.single) {
    const std::string& name = plans.front().name;
    cue_sheet = outputs.Add(output_dir / (name.substr(0, name.size() - extension.size()) + "cue"));
  }
  const std::filesystem::path chapters_vtt = outputs.Add(output_dir / "chapters.vtt");
  const std::filesystem::path playlist = outputs.Add(output_dir / "playlist.m3u8");
  publish::ManifestWriter manifest(outputs.Add(output_dir / "manifest.json"),
                                   HeaderJson(input, options, settings, engine));

  audio::Tags common;
  common.album = document.title;
  common.artist = options.author.empty() ? "langdu " + engine.voice().name : options.author;
  common.date = TagDate();
  common.comment =
      std::string("langdu ") + LANGDU_VERSION + ", eSpeak NG " + synth::Engine::Version();

  Speaker speaker(engine, options, progress, input.characters);
  const std::size_t jobs = options.jobs > 0
                               ? static_cast<std::size_t>(options.jobs)
                               : std::max<std::size_t>(1, std::thread::hardware_concurrency());

  // The manifest lists chapters in order; a chapter's paragraphs wait in its narrator until the
  // chapters before it are written, and a chapter file's last fields wait for its encoder.
  std::size_t manifest_chapter = 0;
  bool chapter_begun = false;
  std::int64_t book_position_s_us = 0;  // microseconds, so the sum does not drift
  Json files = Json::array();
  std::vector<publish::PlaylistEntry> entries;
  std::vector<publish::TimedChapter> timed_chapters;
  // Declared before `active`, whose jobs notify it, so that it outlives them.
  DoneSignal done_signal;
  std::deque<std::unique_ptr<FileWork>> active;

  const auto work_of = [&](std::size_t chapter) -> FileWork* {
    for (auto& work : active) {
      if (chapter >= work->plan.first_chapter && chapter < work->plan.chapter_end)
        return work.get();
    }
    return nullptr;
  };
  const auto drain_manifest = [&] {
    while (manifest_chapter < document.chapters.size()) {
      FileWork* work = work_of(manifest_chapter);
      if (work == nullptr) return;
      ChapterNarrator& narrator = work->chapters[manifest_chapter - work->plan.first_chapter];
      const core::Chapter& chapter = narrator.chapter();
      if (!chapter_begun) {
        manifest.BeginChapter({{"number", chapter.number}, {"title", chapter.title}});
        chapter_begun = true;
      }
      for (const Json& paragraph : narrator.TakeParagraphs()) manifest.AddParagraph(paragraph);
      if (!narrator.done()) return;
      if (options.single) {
        const double start_s = Seconds(narrator.start(), engine_rate);
        const double end_s = Seconds(narrator.end(), engine_rate);
        manifest.EndChapter({{"file", work->plan.name},
                             {"start_s", start_s},
                             {"end_s", end_s},
                             {"book_start_s", start_s},
                             {"duration_s", Round6(end_s - start_s)}});
        timed_chapters.push_back({chapter.title, start_s, end_s});
        entries.push_back({work->plan.name, chapter.title, start_s, end_s - start_s});
      } else {
        if (!work->encoded) return;
        Json fields = FileJson(work->plan.name, settings, *work->encoded);
        const double book_start_s = static_cast<double>(book_position_s_us) / 1e6;
        fields["book_start_s"] = book_start_s;
        manifest.EndChapter(fields);
        timed_chapters.push_back(
            {chapter.title, book_start_s, book_start_s + work->encoded->duration_s});
        entries.push_back({work->plan.name, chapter.title, 0, work->encoded->duration_s});
        book_position_s_us += std::llround(Round6(work->encoded->duration_s) * 1e6);
      }
      chapter_begun = false;
      ++manifest_chapter;
    }
  };
  const auto retire_front = [&] {
    FileWork& work = *active.front();
    work.encoded = work.job.Wait();
    files.push_back(FileJson(work.plan.name, settings, *work.encoded));
    drain_manifest();
    if (options.single) book_position_s_us = std::llround(Round6(work.encoded->duration_s) * 1e6);
    active.pop_front();
  };

  // Chapters are spoken strictly in order: eSpeak NG carries state from one call to the next, so
  // any other order would change the audio. Encoders overlap: while files encode, the next file is
  // spoken as soon as fewer than `jobs` are encoding. Files finished early wait in `active` (with
  // empty queues) until the ones before them are retired, so the manifest stays in order.
  const auto encoding = [&] {
    return static_cast<std::size_t>(std::count_if(
        active.begin(), active.end(), [](const auto& work) { return !work->job.done(); }));
  };
  const auto retire_done = [&] {
    while (!active.empty() && active.front()->job.done()) retire_front();
  };
  for (const FilePlan& plan : plans) {
    done_signal.WaitUntil([&] { return encoding() < jobs; });
    retire_done();
    std::vector<ChapterNarrator> narrators;
    for (std::size_t i = plan.first_chapter; i < plan.chapter_end; ++i) {
      narrators.emplace_back(document.chapters[i], input.name, count);
    }
    audio::Tags tags = common;
    tags.title = plan.title;
    if (!options.single) {
      tags.track = document.chapters[plan.first_chapter].number;
      tags.track_count = count;
    }
    active.push_back(std::make_unique<FileWork>(plan, settings, engine_rate, std::move(tags), cover,
                                                std::move(narrators), done_signal));
    FileWork& work = *active.back();
    while (!work.narrated()) {
      work.Step(speaker);
      drain_manifest();
    }
    retire_done();
  }
  while (!active.empty()) retire_front();

  const double total_s = static_cast<double>(book_position_s_us) / 1e6;
  manifest.Finish({{"chapter_count", count}, {"files", files}, {"duration_s", Round6(total_s)}});
  publish::WriteFileAtomically(chapters_vtt, publish::ChaptersVtt(timed_chapters));
  std::vector<publish::PlaylistEntry> playlist_entries;
  if (options.single) {
    playlist_entries.push_back({plans.front().name, plans.front().title, 0, total_s});
    publish::WriteFileAtomically(cue_sheet,
                                 publish::CueSheet(plans.front().name, CueFileType(settings.format),
                                                   plans.front().title, common.artist, entries));
  } else {
    playlist_entries = entries;
  }
  publish::WriteFileAtomically(playlist, publish::M3u8(playlist_entries));
  outputs.Commit();

  NarrateResult result;
  result.files = outputs.final_paths();
  result.chapters = count;
  result.audio_s = Round6(total_s);
  for (const auto& path : result.files) progress.OnFileWritten(path.string());
  if (const std::string unread = speaker.UnreadSummary(input.name); !unread.empty()) {
    progress.OnWarning(unread);
  }
  return result;
}

}  // namespace langdu::pipeline
