#include "pipeline/narrate.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.h"
#include "pipeline/schedule.h"
#include "publish/manifest_records.h"
#include "publish/output_set.h"
#include "synth/fake_synthesizer.h"
#include "test_util.h"

namespace langdu::pipeline {
namespace {

using synth::FakeSynthesizer;

PreparedInput Input() {
  PreparedInput input;
  input.name = "book.txt";
  input.encoding = "UTF-8";
  input.document.title = "书";
  for (int c = 1; c <= 3; ++c) {
    core::Chapter chapter;
    chapter.number = c;
    chapter.title = "第" + std::to_string(c) + "章";
    for (int p = 0; p < 2; ++p) {
      core::Paragraph paragraph;
      paragraph.sentences.push_back({"你好，朋友。", "你好，朋友。", {}});
      paragraph.sentences.push_back({"再见。", "再见。", {}});
      chapter.paragraphs.push_back(paragraph);
    }
    input.document.chapters.push_back(chapter);
  }
  input.characters = 3 * 2 * 9;
  return input;
}

publish::Manifest NarrateFake(const std::filesystem::path& dir, NarrateOptions options,
                              const PreparedInput& input = Input()) {
  options.format = audio::Format::kWav;
  FakeSynthesizer synthesizer;
  SilentProgress progress;
  Narrate(input, dir, options, synthesizer, progress);
  return publish::ParseManifest(testing::ReadFile(dir / "manifest.json"), "manifest.json");
}

// Seconds of fake speech for an engine input (10 ms a byte).
double FakeSeconds(const std::string& engine_input) {
  return static_cast<double>(engine_input.size()) / 100;
}

TEST(Narrate, WritesChaptersInOrderTimedBySamples) {
  testing::TempDir dir;
  const publish::Manifest manifest = NarrateFake(dir.path(), {});
  ASSERT_EQ(manifest.chapters.size(), 3u);
  ASSERT_EQ(manifest.files.size(), 3u);
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(manifest.chapters[c].number, c + 1);
    EXPECT_EQ(manifest.chapters[c].file, manifest.files[c].file);
  }
  EXPECT_EQ(manifest.files[1].file, "02-第2章.wav");
  const publish::SentenceRecord& first = manifest.chapters[0].paragraphs[0].sentences[0];
  ASSERT_EQ(first.clauses.size(), 2u);
  EXPECT_EQ(first.clauses[0].text, "你好，");
  EXPECT_DOUBLE_EQ(first.clauses[0].start_s, 0.05);  // the chapter lead
  EXPECT_NEAR(first.clauses[0].end_s - first.clauses[0].start_s,
              FakeSeconds(first.clauses[0].engine_input), 1e-6);
  // A comma's 100 ms pause, then the next clause.
  EXPECT_NEAR(first.clauses[1].start_s, first.clauses[0].end_s + 0.1, 1e-6);
  // A paragraph ends after its last period's 200 ms; the next starts 300 ms later.
  const publish::ParagraphRecord& paragraph = manifest.chapters[0].paragraphs[0];
  EXPECT_NEAR(paragraph.end_s, paragraph.sentences[1].end_s + 0.2, 1e-6);
  EXPECT_NEAR(manifest.chapters[0].paragraphs[1].start_s, paragraph.end_s + 0.3, 1e-6);
  EXPECT_NEAR(manifest.chapters[1].book_start_s, manifest.files[0].duration_s, 1e-6);
  for (const char* name :
       {"01-第1章.srt", "01-第1章.vtt", "01-第1章.lrc", "chapters.vtt", "playlist.m3u8"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / name)) << name;
  }
}

TEST(Narrate, JobsNeverChangeTheBytes) {
  testing::TempDir one;
  testing::TempDir three;
  NarrateOptions options;
  options.jobs = 1;
  NarrateFake(one.path(), options);
  options.jobs = 3;
  NarrateFake(three.path(), options);
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(one.path())) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(testing::ReadFile(entry.path()), testing::ReadFile(three / name)) << name;
    ++compared;
  }
  // Per chapter audio and three captions; chapters.vtt, playlist.m3u8, manifest.json, index.html.
  EXPECT_EQ(compared, 3 * 4 + 4);
}

TEST(Narrate, SingleIsOneFileWithItsChaptersPlaced) {
  testing::TempDir dir;
  NarrateOptions options;
  options.single = true;
  const publish::Manifest manifest = NarrateFake(dir.path(), options);
  ASSERT_EQ(manifest.files.size(), 1u);
  EXPECT_EQ(manifest.files[0].file, "书.wav");
  ASSERT_EQ(manifest.chapters.size(), 3u);
  EXPECT_DOUBLE_EQ(manifest.chapters[0].start_s, 0);
  for (int c = 1; c < 3; ++c) {
    EXPECT_EQ(manifest.chapters[c].file, "书.wav");
    EXPECT_DOUBLE_EQ(manifest.chapters[c].start_s, manifest.chapters[c - 1].end_s);
  }
  EXPECT_NEAR(manifest.chapters[2].end_s, manifest.files[0].audio_duration_s, 1e-6);
  EXPECT_TRUE(std::filesystem::exists(dir / "书.cue"));
}

// An EPUB's dc:creator and cover image (or Markdown front matter, HTML's meta author) tag the
// files and reach the manifest and the read-along page, as --author and --cover would.
TEST(Narrate, TheInputsOwnAuthorAndCoverTagTheFiles) {
  PreparedInput input = Input();
  input.metadata.author = "林小满";
  input.metadata.cover = testing::ReadFile(testing::SourcePath("tests/data/cover.png"));
  input.metadata.cover_media_type = "image/png";
  testing::TempDir dir;
  const publish::Manifest manifest = NarrateFake(dir.path(), {}, input);
  EXPECT_EQ(manifest.header.author, "林小满");
  const std::string audio = testing::ReadFile(dir / manifest.files[0].file);
  EXPECT_NE(audio.find(input.metadata.cover), std::string::npos) << "cover not embedded";
  EXPECT_NE(audio.find("林小满"), std::string::npos) << "no artist tag";
  EXPECT_NE(testing::ReadFile(dir / "index.html").find("林小满"), std::string::npos);
}

TEST(Narrate, AuthorOptionWinsOverTheInputsOwn) {
  PreparedInput input = Input();
  input.metadata.author = "林小满";
  testing::TempDir dir;
  NarrateOptions options;
  options.author = "周老师";
  const publish::Manifest manifest = NarrateFake(dir.path(), options, input);
  EXPECT_EQ(manifest.header.author, "周老师");
  EXPECT_EQ(testing::ReadFile(dir / manifest.files[0].file).find("林小满"), std::string::npos);
}

TEST(Narrate, ValidateNamesTheOptionAndItsLimits) {
  NarrateOptions options;
  options.rate_wpm = 500;
  try {
    options.Validate();
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kUsage);
    EXPECT_EQ(std::string(e.what()), "--rate: 500 is not in 80..450");
  }
  options.rate_wpm.reset();
  options.jobs = 300;
  EXPECT_THROW(options.Validate(), core::Error);
}

// The book of Input(), its last chapter saying something else ("晚安。"), so that a fake
// synthesizer can fail on that chapter alone, or on the others alone.
PreparedInput InputWithOtherLastChapter() {
  PreparedInput input = Input();
  for (core::Paragraph& paragraph : input.document.chapters[2].paragraphs) {
    paragraph.sentences = {{"晚安。", "晚安。", {}}};
  }
  input.characters = 2 * 2 * 9 + 2 * 3;
  return input;
}

// Progress that keeps the warnings.
class WarningsProgress : public SilentProgress {
 public:
  void OnWarning(const std::string& message) override { warnings += message + "\n"; }
  std::string warnings;
};

// Narrates InputWithOtherLastChapter(); returns the warnings.
std::string NarrateFailingOn(const std::filesystem::path& dir, const std::string& fail_on,
                             const std::filesystem::path& cache = {}) {
  NarrateOptions options;
  options.format = audio::Format::kWav;
  options.jobs = 1;
  options.cache_dir = cache;
  FakeSynthesizer synthesizer;
  synthesizer.fail_on = fail_on;
  WarningsProgress progress;
  PreparedInput input = InputWithOtherLastChapter();
  // A character nothing reads, in chapters 1 and 3: the closing warning counts both even when
  // chapter 1 was made by an earlier run.
  input.document.chapters[0].paragraphs[0].sentences[1] = {"再见♥。", "再见♥。", {3, 1, 0, 0}};
  input.document.chapters[2].paragraphs[1].sentences[0] = {"晚安♥。", "晚安♥。", {9, 1, 0, 0}};
  Narrate(input, dir, options, synthesizer, progress);
  return progress.warnings;
}

std::vector<std::string> Names(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A run that failed in chapter 3 keeps chapters 1 and 2, journaled; the next run makes chapter 3
// alone (it would fail on any other chapter's words) and gives the bytes of a run never stopped.
TEST(Narrate, AFailedRunIsResumedToTheSameBytes) {
  testing::TempDir whole;
  EXPECT_EQ(NarrateFailingOn(whole.path(), ""),
            "book.txt: 2 characters not read: \"♥\" ×2 (line 3)\n");
  testing::TempDir resumed;
  EXPECT_THROW(NarrateFailingOn(resumed.path(), "wan3"), core::Error);
  EXPECT_EQ(Names(resumed.path()),
            (std::vector<std::string>{".langdu-journal.jsonl", "01-第1章.lrc", "01-第1章.srt",
                                      "01-第1章.vtt", "01-第1章.wav", "02-第2章.lrc",
                                      "02-第2章.srt", "02-第2章.vtt", "02-第2章.wav"}));
  // As if the stopped run had begun to rename the book-level files.
  testing::WriteFile(resumed / "chapters.vtt", "WEBVTT\n");
  const std::string warnings = NarrateFailingOn(resumed.path(), "zai4");
  EXPECT_EQ(warnings, "book.txt: 2 characters not read: \"♥\" ×2 (line 3)\n");
  EXPECT_EQ(Names(resumed.path()), Names(whole.path()));
  for (const std::string& name : Names(whole.path())) {
    EXPECT_EQ(testing::ReadFile(resumed / name), testing::ReadFile(whole / name)) << name;
  }
}

// Another run's options (here a reading style) do not resume the journal: the finished files
// of the other run are in the way, as any existing file is.
TEST(Narrate, AJournalOfOtherOptionsIsNotResumed) {
  testing::TempDir dir;
  EXPECT_THROW(NarrateFailingOn(dir.path(), "wan3"), core::Error);
  NarrateOptions options;
  options.format = audio::Format::kWav;
  options.normalize.yao_for_one = false;
  FakeSynthesizer synthesizer;
  SilentProgress progress;
  try {
    Narrate(InputWithOtherLastChapter(), dir.path(), options, synthesizer, progress);
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kOutput);
    EXPECT_EQ(std::string(e.what()),
              (dir / "01-第1章.wav").string() + ": already exists (use --force to overwrite)");
  }
}

// Input() with every paragraph's words its own (Input's paragraphs are all alike).
PreparedInput DistinctInput() {
  PreparedInput input = Input();
  const std::vector<std::string> words = {"春天", "夏天", "秋天", "冬天", "早上", "晚上"};
  std::size_t next = 0;
  for (core::Chapter& chapter : input.document.chapters) {
    for (core::Paragraph& paragraph : chapter.paragraphs) {
      core::Sentence& sentence = paragraph.sentences[0];
      sentence.text = sentence.source_text = "你好，" + words[next++] + "。";
    }
  }
  return input;
}

NarrateResult NarrateFakeResult(const std::filesystem::path& dir, NarrateOptions options,
                                const PreparedInput& input) {
  options.format = audio::Format::kWav;
  FakeSynthesizer synthesizer;
  synthesizer.rewinds = true;
  SilentProgress progress;
  return Narrate(input, dir, options, synthesizer, progress);
}

std::filesystem::file_time_type Modified(const std::filesystem::path& path) {
  return std::filesystem::last_write_time(path);
}

// One sentence of chapter 2 edited: --force into the same folder synthesizes only its unit,
// encodes only chapter 2's audio (the others are left untouched, not even rewritten), and the
// folder ends exactly as a fresh run of the edited text would write it.
TEST(NarrateCache, AnEditAffectsOnlyItsUnitAndItsFile) {
  testing::TempDir dir;
  testing::TempDir cache;
  NarrateOptions options;
  options.cache_dir = cache / "langdu";
  PreparedInput input = DistinctInput();
  const NarrateResult first = NarrateFakeResult(dir.path(), options, input);
  EXPECT_EQ(first.units, 6u);
  EXPECT_EQ(first.cache.misses, 6u);
  EXPECT_EQ(first.cache.hits, 0u);
  EXPECT_EQ(first.files_kept, 0);
  const std::string chapter2 = testing::ReadFile(dir / "02-第2章.wav");
  const auto chapter1_modified = Modified(dir / "01-第1章.wav");
  const auto chapter3_modified = Modified(dir / "03-第3章.wav");

  core::Sentence& edited = input.document.chapters[1].paragraphs[1].sentences[1];
  edited.text = edited.source_text = "再见了。";
  options.force = true;
  const NarrateResult second = NarrateFakeResult(dir.path(), options, input);
  EXPECT_EQ(second.cache.hits, 5u);
  EXPECT_EQ(second.cache.misses, 1u);
  EXPECT_EQ(second.files_kept, 2);
  EXPECT_EQ(Modified(dir / "01-第1章.wav"), chapter1_modified);
  EXPECT_EQ(Modified(dir / "03-第3章.wav"), chapter3_modified);
  EXPECT_NE(testing::ReadFile(dir / "02-第2章.wav"), chapter2);

  testing::TempDir fresh;
  options.cache_dir.clear();
  NarrateFakeResult(fresh.path(), options, input);
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fresh.path())) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(testing::ReadFile(dir / name), testing::ReadFile(entry.path())) << name;
    ++compared;
  }
  EXPECT_EQ(compared, 3 * 4 + 4);
}

// Without a cache, --force still keeps what would be encoded from the same audio; a file changed
// on the disk since (another size) is made again.
TEST(NarrateCache, ForceKeepsUnchangedAudioEvenWithoutCache) {
  testing::TempDir dir;
  const PreparedInput input = Input();
  NarrateOptions options;
  NarrateFakeResult(dir.path(), options, input);
  const std::string chapter1 = testing::ReadFile(dir / "01-第1章.wav");
  testing::WriteFile(dir / "01-第1章.wav", chapter1 + "tail");
  options.force = true;
  const NarrateResult second = NarrateFakeResult(dir.path(), options, input);
  EXPECT_EQ(second.files_kept, 2);
  EXPECT_EQ(second.cache.hits, 0u);
  EXPECT_EQ(testing::ReadFile(dir / "01-第1章.wav"), chapter1);
  // Another encoder setting is other audio: nothing is kept.
  options.sample_rate_hz = 16000;
  EXPECT_EQ(NarrateFakeResult(dir.path(), options, input).files_kept, 0);
}

// Paragraphs moved between chapters are the same audio: taken from the cache where they land;
// only the files whose audio changed are encoded again.
TEST(NarrateCache, AParagraphElsewhereIsStillAHit) {
  testing::TempDir dir;
  testing::TempDir cache;
  NarrateOptions options;
  options.cache_dir = cache.path();
  PreparedInput input = DistinctInput();
  NarrateFakeResult(dir.path(), options, input);
  std::swap(input.document.chapters[0].paragraphs[0], input.document.chapters[2].paragraphs[1]);
  options.force = true;
  const NarrateResult second = NarrateFakeResult(dir.path(), options, input);
  EXPECT_EQ(second.cache.hits, 6u);
  EXPECT_EQ(second.cache.misses, 0u);
  EXPECT_EQ(second.files_kept, 1);
}

// Resuming with the cache: the journaled chapters are neither synthesized nor taken from the
// cache (a unit of them would fail on "zai4"), the units made before the failure come from the
// cache, and the bytes are those of a run never stopped.
TEST(NarrateCache, AFailedRunIsResumedFromTheJournalAndTheCache) {
  testing::TempDir whole;
  NarrateFailingOn(whole.path(), "");
  testing::TempDir resumed;
  testing::TempDir cache;
  EXPECT_THROW(NarrateFailingOn(resumed.path(), "wan3", cache.path()), core::Error);
  NarrateFailingOn(resumed.path(), "zai4", cache.path());
  EXPECT_EQ(Names(resumed.path()), Names(whole.path()));
  for (const std::string& name : Names(whole.path())) {
    EXPECT_EQ(testing::ReadFile(resumed / name), testing::ReadFile(whole / name)) << name;
  }
}

// Cancelled between units: the scheduler stops, and the run's OutputSet leaves nothing.
TEST(Schedule, CancellationStopsBetweenUnitsAndLeavesNoFile) {
  testing::TempDir dir;
  const PreparedInput input = Input();
  const Plan plan = MakePlan(input.document, false, "wav");
  FakeSynthesizer synthesizer;
  const text::tn::Normalizer normalizer;
  const pronounce::Pronouncer pronouncer;
  const UnitRenderer renderer(normalizer, pronouncer, synthesizer);
  InProcessSource source(renderer, input.document, plan.units);
  ScheduleSettings settings;
  settings.encoder = audio::ResolveEncoder(audio::Format::kWav, FakeSynthesizer::kRateHz,
                                           std::nullopt, std::nullopt, std::nullopt);
  settings.engine_rate_hz = FakeSynthesizer::kRateHz;
  settings.voice = synthesizer.voice();
  int units = 0;
  settings.check_cancel = [&] {
    if (++units > 3) throw core::Error(core::ErrorKind::kInterrupted, "interrupted");
  };
  SilentProgress progress;
  {
    publish::OutputSet outputs(false);
    std::vector<FileOutputs> files;
    for (const FilePlan& file : plan.files) {
      files.push_back({outputs.Add(dir / file.name),
                       outputs.Add(dir / (file.stem + ".srt")),
                       outputs.Add(dir / (file.stem + ".vtt")),
                       outputs.Add(dir / (file.stem + ".lrc")),
                       {},
                       "",
                       std::nullopt});
    }
    publish::ManifestWriter manifest(outputs.Add(dir / "manifest.json"), {});
    EXPECT_THROW(Schedule(input.document, plan, files, source, settings, manifest, progress),
                 core::Error);
    EXPECT_EQ(synthesizer.calls(), 3 * 3) << "three units of three clauses, then no more";
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace langdu::pipeline
