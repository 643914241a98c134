// Throughput of the stages before the engine, on the seed speech.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "audio/assembler.h"
#include "core/utf8.h"
#include "pronounce/polyphone_model.h"
#include "input/reader.h"
#include "pronounce/pronouncer.h"
#include "text/cleanup.h"
#include "text/decode.h"
#include "text/structure.h"
#include "text/tn/normalizer.h"

namespace {

using namespace langdu;

std::string Seed() {
  std::ifstream in(std::string(LANGDU_SOURCE_DIR) + "/samples/district-party-building-speech.txt",
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> SeedSentences() {
  const std::string bytes = Seed();
  const text::DecodedText decoded = text::Decode(bytes, "seed");
  const core::Document document =
      text::ParseStructure(text::Cleanup(decoded.utf8), decoded.utf8, "seed");
  std::vector<std::string> sentences;
  for (const auto& chapter : document.chapters) {
    for (const auto& paragraph : chapter.paragraphs) {
      for (const auto& sentence : paragraph.sentences) sentences.push_back(sentence.text);
    }
  }
  return sentences;
}

void SetCharacters(benchmark::State& state, std::size_t characters_per_iteration) {
  state.counters["chars/s"] = benchmark::Counter(static_cast<double>(characters_per_iteration),
                                                 benchmark::Counter::kIsIterationInvariantRate);
}

void BM_LoadLexicon(benchmark::State& state) {
  // The lexicon is shared between pronouncers of one process: the first load (this one, as it
  // runs first) is the cost.
  for (auto _ : state) benchmark::DoNotOptimize(pronounce::Pronouncer());
}
BENCHMARK(BM_LoadLexicon)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_LoadPolyphoneModel(benchmark::State& state) {
  const std::filesystem::path path =
      pronounce::ResolveDataDir({}) / "voices" / "g2pm" / "g2pm.bin";
  for (auto _ : state) benchmark::DoNotOptimize(pronounce::PolyphoneModel::Load(path));
}
BENCHMARK(BM_LoadPolyphoneModel)->Unit(benchmark::kMillisecond);

void BM_DecodeCleanupStructure(benchmark::State& state) {
  const std::string bytes = Seed();
  for (auto _ : state) {
    const text::DecodedText decoded = text::Decode(bytes, "seed");
    benchmark::DoNotOptimize(
        text::ParseStructure(text::Cleanup(decoded.utf8), decoded.utf8, "seed"));
  }
  SetCharacters(state, core::CodePointCount(bytes));
}
BENCHMARK(BM_DecodeCleanupStructure)->Unit(benchmark::kMillisecond);

// A 2 MB scraped novel: the lighthouse fixture's chapters repeated with 300 numbered headings,
// hard-wrapped, with a table of contents and noise lines: plain-text reading (decode, cleanup,
// noise, headings, unwrapping, sentences) as a whole.
std::string ScrapedNovel() {
  std::ifstream in(std::string(LANGDU_SOURCE_DIR) + "/tests/data/structure/lighthouse-scraped.txt",
                   std::ios::binary);
  std::ostringstream fixture;
  fixture << in.rdbuf();
  const std::string text = fixture.str();
  const std::string body =
      text.substr(text.find("本章字数"), text.find("后记") - text.find("本章字数"));
  std::string novel = "灯塔守望人\n目录\n";
  for (int i = 1; i <= 300; ++i) novel += "正文 第" + std::to_string(i) + "回 海上\n";
  for (int i = 1; novel.size() < 2'000'000; ++i) {
    novel += "正文 第" + std::to_string(i) + "回 海上\n" + body;
  }
  return novel;
}

void BM_ReadScrapedNovel(benchmark::State& state) {
  const std::string bytes = ScrapedNovel();
  for (auto _ : state) {
    benchmark::DoNotOptimize(input::Read("novel.txt", bytes, input::ReadOptions{}));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  SetCharacters(state, core::CodePointCount(bytes));
}
BENCHMARK(BM_ReadScrapedNovel)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  const std::vector<std::string> sentences = SeedSentences();
  const text::tn::Normalizer normalizer;
  std::size_t characters = 0;
  for (const auto& sentence : sentences) characters += core::CodePointCount(sentence);
  for (auto _ : state) {
    for (const auto& sentence : sentences) benchmark::DoNotOptimize(normalizer.Normalize(sentence));
  }
  SetCharacters(state, characters);
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_Pronounce(benchmark::State& state) {
  const std::vector<std::string> sentences = SeedSentences();
  const text::tn::Normalizer normalizer;
  const pronounce::Pronouncer pronouncer;
  std::vector<core::SpokenText> spoken;
  std::size_t characters = 0;
  for (const auto& sentence : sentences) {
    spoken.push_back(normalizer.Normalize(sentence));
    characters += core::CodePointCount(sentence);
  }
  for (auto _ : state) {
    for (const auto& text : spoken) benchmark::DoNotOptimize(pronouncer.Script(text));
  }
  SetCharacters(state, characters);
}
BENCHMARK(BM_Pronounce)->Unit(benchmark::kMillisecond);

class NullSink : public audio::AudioSink {
 public:
  void Write(std::span<const std::int16_t> samples) override {
    benchmark::DoNotOptimize(samples.data());
  }
};

void BM_AssembleTrimmedClauses(benchmark::State& state) {
  // A second of engine-like output: silence, speech, silence.
  std::vector<std::int16_t> clause(22050, 0);
  for (std::size_t i = 2000; i < 20000; ++i)
    clause[i] = static_cast<std::int16_t>((i * 37) % 8000 - 4000);
  NullSink sink;
  audio::Assembler assembler(sink, 22050);
  for (auto _ : state) {
    assembler.AddSpeech(clause);
    assembler.AddSilence(250);
  }
  state.counters["audio s/s"] =
      benchmark::Counter(1.25, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_AssembleTrimmedClauses);

}  // namespace

BENCHMARK_MAIN();
