// Throughput of the stages before the engine, on the seed speech.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "audio/assembler.h"
#include "core/utf8.h"
#include "input/reader.h"
#include "pronounce/polyphone_model.h"
#include "pronounce/pronouncer.h"
#include "publish/epub/epub.h"
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
  const std::filesystem::path path = pronounce::ResolveDataDir({}) / "voices" / "g2pm" / "g2pm.bin";
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

// A 2 MB EPUB 3: 100 chapter documents of the sample book's paragraphs, a nav listing them.
// EPUB reading as a whole: unzip, the package and nav XML, XHTML blocks, sentences.
std::string NovelEpub(std::size_t* text_bytes) {
  std::string paragraphs;
  for (
      const char* line :
      {"七月初，我跟着外婆搬到了月亮湖边。那是一座木头搭的小屋，屋顶铺着灰瓦，窗台上摆着三盆薄荷。",
       "外婆说，这片湖在夜里最好看。月亮升起来的时候，湖面会把它照成两个，一个挂在天上。",
       "我们沿着小路走到湖湾。草丛里亮起一点、两点、十几点绿色的光，像有人提着<em>小灯笼</em>。"}) {
    paragraphs += std::string("<p>") + line + "</p>\n";
  }
  const std::string xhtml_head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
      "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>t</title></head><body>\n";
  std::vector<publish::epub::EpubEntry> entries = {
      {"mimetype", "application/epub+zip", {}, false},
      {"META-INF/container.xml",
       "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
       "<rootfiles><rootfile full-path=\"OEBPS/content.opf\" "
       "media-type=\"application/oebps-package+xml\"/></rootfiles></container>",
       {},
       true}};
  std::string items;
  std::string spine;
  std::string nav = xhtml_head + "<nav epub:type=\"toc\"><ol>";
  *text_bytes = 0;
  for (int c = 1; c <= 100; ++c) {
    const std::string id = "c" + std::to_string(c);
    std::string body = xhtml_head + "<h1>第" + std::to_string(c) + "章</h1>\n";
    while (body.size() < 20000) body += paragraphs;
    body += "</body></html>\n";
    *text_bytes += body.size();
    entries.push_back({"OEBPS/" + id + ".xhtml", body, {}, true});
    items +=
        "<item id=\"" + id + "\" href=\"" + id + ".xhtml\" media-type=\"application/xhtml+xml\"/>";
    spine += "<itemref idref=\"" + id + "\"/>";
    nav += "<li><a href=\"" + id + ".xhtml\">第" + std::to_string(c) + "章</a></li>";
  }
  entries.push_back({"OEBPS/nav.xhtml", nav + "</ol></nav></body></html>", {}, true});
  entries.push_back(
      {"OEBPS/content.opf",
       "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata "
       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>月亮湖</dc:title></metadata>"
       "<manifest><item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
       "properties=\"nav\"/>" +
           items + "</manifest><spine>" + spine + "</spine></package>",
       {},
       true});
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("langdu-bench-" + std::to_string(getpid()) + ".epub");
  publish::epub::WriteEpub(path, entries, 0);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

void BM_ReadEpub(benchmark::State& state) {
  std::size_t text_bytes = 0;
  const std::string bytes = NovelEpub(&text_bytes);
  for (auto _ : state) {
    benchmark::DoNotOptimize(input::Read("novel.epub", bytes, input::ReadOptions{}));
  }
  // Throughput of the XHTML it holds, unzipped.
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text_bytes));
}
BENCHMARK(BM_ReadEpub)->Unit(benchmark::kMillisecond);

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
