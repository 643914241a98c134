#include "pipeline/narrate.h"

#include <atomic>
#include <cmath>
#include <csignal>

#include "audio/assembler.h"
#include "core/error.h"
#include "core/utf8.h"
#include "publish/manifest.h"
#include "publish/output_set.h"

namespace langdu::pipeline {
namespace {

using Json = nlohmann::ordered_json;

volatile std::sig_atomic_t cancel_requested = 0;

double Seconds(std::int64_t samples, int sample_rate_hz) {
  return std::round(static_cast<double>(samples) * 1e6 / sample_rate_hz) / 1e6;
}

void CheckRange(const char* option, int value, int low, int high) {
  if (value < low || value > high) {
    throw core::Error(core::ErrorKind::kUsage, std::string(option) + ": " + std::to_string(value) +
                                                   " is not in " + std::to_string(low) + ".." +
                                                   std::to_string(high));
  }
}

Json VoiceJson(const synth::Voice& voice) {
  return {{"name", voice.name},         {"mandarin", voice.mandarin}, {"english", voice.english},
          {"variant", voice.variant},   {"rate_wpm", voice.rate_wpm}, {"pitch", voice.pitch},
          {"pitch_range", voice.pitch_range}, {"volume", voice.volume}};
}

Json HeaderJson(const PreparedInput& input, const NarrateOptions& options, const synth::Engine& engine) {
  Json chapters = options.structure.detect_chapters
                      ? Json(options.structure.chapter_pattern.empty() ? "detected" : "pattern")
                      : Json("none");
  Json header = {
      {"format", "langdu-manifest"},
      {"version", 1},
      {"title", input.document.title},
      {"source",
       {{"path", input.name}, {"sha256", input.sha256}, {"encoding", input.encoding}}},
      {"voice", VoiceJson(engine.voice())},
      {"options",
       {{"format", audio::Extension(options.format)},
        {"sample_rate_hz", engine.sample_rate_hz()},
        {"chapters", chapters},
        {"chapter_pattern", options.structure.chapter_pattern}}},
      {"langdu_version", LANGDU_VERSION},
      {"espeak_ng_version", synth::Engine::Version()},
  };
  return header;
}

// Synthesizes one chapter into `sink`, writing its paragraphs into the manifest as they are done.
class ChapterNarrator {
 public:
  ChapterNarrator(synth::Engine& engine, const text::tn::Normalizer& normalizer,
                  const pronounce::Pronouncer& pronouncer, Progress& progress,
                  std::size_t characters_total)
      : engine_(engine),
        normalizer_(normalizer),
        pronouncer_(pronouncer),
        progress_(progress),
        characters_total_(characters_total) {}

  void Narrate(const core::Chapter& chapter, audio::Assembler& assembler,
               publish::ManifestWriter& manifest) {
    const synth::Voice& voice = engine_.voice();
    const int rate = assembler.sample_rate_hz();
    assembler.AddSilence(voice.chapter_lead_ms);
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      Json sentences = Json::array();
      const std::int64_t paragraph_start = assembler.position();
      for (const core::Sentence& sentence : paragraph.sentences) {
        const core::SpokenText spoken = normalizer_.Normalize(sentence.text);
        const core::SpeechScript script = pronouncer_.Script(spoken);
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
          assembler.AddSilence(voice.PauseMs(clause.pause_after));
        }
        if (sentence_start < 0) sentence_start = sentence_end;
        sentences.push_back({{"source_text", sentence.source_text},
                             {"span", publish::SpanJson(sentence.span)},
                             {"spoken_text", spoken.spoken},
                             {"engine_input", core::EngineInput(script)},
                             {"start_s", Seconds(sentence_start, rate)},
                             {"end_s", Seconds(sentence_end, rate)},
                             {"clauses", std::move(clauses)}});
        characters_done_ += core::CodePointCount(sentence.text);
        progress_.OnAdvance(characters_done_, characters_total_);
      }
      const std::int64_t paragraph_end = assembler.position();
      manifest.AddParagraph({{"span", publish::SpanJson(paragraph.span)},
                             {"start_s", Seconds(paragraph_start, rate)},
                             {"end_s", Seconds(paragraph_end, rate)},
                             {"sentences", std::move(sentences)}});
      if (&paragraph != &chapter.paragraphs.back()) assembler.AddSilence(voice.paragraph_pause_ms);
    }
    assembler.AddSilence(voice.chapter_tail_ms);
  }

 private:
  synth::Engine& engine_;
  const text::tn::Normalizer& normalizer_;
  const pronounce::Pronouncer& pronouncer_;
  Progress& progress_;
  std::size_t characters_total_;
  std::size_t characters_done_ = 0;
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
  publish::OutputSet outputs(options.force);
  std::vector<std::filesystem::path> chapter_paths;
  for (const core::Chapter& chapter : document.chapters) {
    const std::string name = publish::ChapterFileName(chapter.number, count, chapter.title,
                                                      audio::Extension(options.format));
    chapter_paths.push_back(outputs.Add(output_dir / name));
  }
  publish::ManifestWriter manifest(outputs.Add(output_dir / "manifest.json"),
                                   HeaderJson(input, options, engine));

  const text::tn::Normalizer normalizer(options.normalize);
  const pronounce::Pronouncer pronouncer(options.pronounce);
  ChapterNarrator narrator(engine, normalizer, pronouncer, progress, input.characters);
  const std::vector<std::filesystem::path> final_paths = outputs.final_paths();
  const int rate = engine.sample_rate_hz();
  std::int64_t book_position = 0;
  for (std::size_t i = 0; i < document.chapters.size(); ++i) {
    const core::Chapter& chapter = document.chapters[i];
    progress.OnChapter(input.name, chapter.number, count, chapter.title);
    audio::Tags tags;
    tags.title = chapter.title;
    tags.album = document.title;
    tags.artist = "langdu " + engine.voice().name;
    tags.track = std::to_string(chapter.number) + "/" + std::to_string(count);
    tags.software = std::string("langdu ") + LANGDU_VERSION + ", eSpeak NG " + synth::Engine::Version();
    audio::SoundFileWriter writer(chapter_paths[i], options.format, rate, tags);
    audio::Assembler assembler(writer, rate);
    manifest.BeginChapter({{"number", chapter.number}, {"title", chapter.title}});
    narrator.Narrate(chapter, assembler, manifest);
    writer.Close();
    manifest.EndChapter({{"file", final_paths[i].filename().string()},
                         {"format", audio::Extension(options.format)},
                         {"sample_rate_hz", rate},
                         {"samples", assembler.position()},
                         {"book_start_s", Seconds(book_position, rate)},
                         {"duration_s", Seconds(assembler.position(), rate)}});
    book_position += assembler.position();
  }
  manifest.Finish({{"chapter_count", count}, {"duration_s", Seconds(book_position, rate)}});
  outputs.Commit();
  NarrateResult result;
  result.files = final_paths;
  result.chapters = count;
  result.audio_s = Seconds(book_position, rate);
  for (const auto& path : final_paths) progress.OnFileWritten(path.string());
  return result;
}

}  // namespace langdu::pipeline
