#include "pipeline/keys.h"

#include <gtest/gtest.h>

#include <functional>

#include "test_util.h"

namespace langdu::pipeline {
namespace {

struct Inputs {
  PreparedInput input;
  NarrateOptions options;
  ScheduleSettings settings;
  audio::Tags tags;

  std::string Key() const { return ResumeKey(input, options, settings, tags); }
};

Inputs Base() {
  Inputs run;
  run.input.sha256 = "abc";
  run.input.encoding = "UTF-8";
  run.settings.voice.name = "female";
  run.settings.encoder =
      audio::ResolveEncoder(audio::Format::kMp3, 22050, std::nullopt, std::nullopt, std::nullopt);
  run.tags.album = "书";
  run.tags.artist = "langdu female";
  run.tags.date = "2026-01-01";
  return run;
}

TEST(ResumeKey, IsTheSameForJobsAndTheDate) {
  const std::string key = Base().Key();
  EXPECT_EQ(key.size(), 64u);
  Inputs run = Base();
  run.options.jobs = 7;
  run.settings.encoders = 7;
  run.tags.date = "2027-12-31";
  run.options.force = true;
  EXPECT_EQ(run.Key(), key);
}

TEST(ResumeKey, ChangesWithEverythingTheBytesDependOn) {
  testing::TempDir dir;
  testing::WriteFile(dir / "words.tsv", "银行\tyin2 hang2\n");
  const std::vector<std::pair<const char*, std::function<void(Inputs&)>>> changes = {
      {"input", [](Inputs& r) { r.input.sha256 = "abd"; }},
      {"encoding", [](Inputs& r) { r.options.encoding = "GB18030"; }},
      {"chapter pattern", [](Inputs& r) { r.options.structure.chapter_pattern = "^Part"; }},
      {"no chapters", [](Inputs& r) { r.options.structure.detect_chapters = false; }},
      {"liang", [](Inputs& r) { r.options.normalize.liang = text::tn::LiangStyle::kNever; }},
      {"yao", [](Inputs& r) { r.options.normalize.yao_for_one = false; }},
      {"user lexicon", [&](Inputs& r) { r.options.pronounce.user_lexicon = dir / "words.tsv"; }},
      {"voice", [](Inputs& r) { r.settings.voice.name = "male"; }},
      {"rate", [](Inputs& r) { r.settings.voice.rate_wpm = 200; }},
      {"pitch", [](Inputs& r) { r.settings.voice.pitch = 60; }},
      {"pause", [](Inputs& r) { r.settings.voice.pause_ms[core::Pause::kComma] = 999; }},
      {"format", [](Inputs& r) { r.settings.encoder.format = audio::Format::kFlac; }},
      {"rate hz", [](Inputs& r) { r.settings.encoder.sample_rate_hz = 16000; }},
      {"bitrate", [](Inputs& r) { r.settings.encoder.bitrate_kbps = 96; }},
      {"quality", [](Inputs& r) { r.settings.encoder.quality = 3; }},
      {"mp3 speed", [](Inputs& r) { r.settings.encoder.mp3_speed = 0; }},
      {"single", [](Inputs& r) { r.options.single = true; }},
      {"read-along page", [](Inputs& r) { r.options.player = !r.options.player; }},
      {"epub", [](Inputs& r) { r.options.epub = true; }},
      {"document as read (--heading-levels, --code)",
       [](Inputs& r) {
         r.input.document.chapters.push_back({1, "第一章", {}});
       }},
      {"artist", [](Inputs& r) { r.tags.artist = "张三"; }},
      {"album", [](Inputs& r) { r.tags.album = "另一本书"; }},
      {"cover",
       [](Inputs& r) {
         r.settings.cover = audio::Picture{"image/png", "png bytes"};
       }},
  };
  const std::string key = Base().Key();
  for (const auto& [name, change] : changes) {
    Inputs run = Base();
    change(run);
    EXPECT_NE(run.Key(), key) << name;
  }
  // The user lexicon counts by its words, not its name.
  Inputs with_lexicon = Base();
  with_lexicon.options.pronounce.user_lexicon = dir / "words.tsv";
  const std::string before = with_lexicon.Key();
  testing::WriteFile(dir / "words.tsv", "银行\tyin2 xing2\n");
  EXPECT_NE(with_lexicon.Key(), before);
}

}  // namespace
}  // namespace langdu::pipeline

namespace langdu::pipeline {
namespace {

core::Document TwoChapters() {
  core::Document document;
  for (int c = 1; c <= 2; ++c) {
    core::Chapter chapter{c, "第" + std::to_string(c) + "章", {}};
    for (const char* text : {"你好。", "再见。"}) {
      core::Paragraph paragraph;
      paragraph.sentences.push_back({text, text, {}});
      chapter.paragraphs.push_back(paragraph);
    }
    document.chapters.push_back(chapter);
  }
  return document;
}

std::vector<std::string> KeysOf(const core::Document& document, const NarrateOptions& options = {},
                                const synth::Voice& voice = {}) {
  return UnitKeys(document, MakePlan(document, false, "mp3").units, options, voice, 22050);
}

TEST(UnitKeys, AreTheTextsNotThePlaces) {
  const std::vector<std::string> keys = KeysOf(TwoChapters());
  ASSERT_EQ(keys.size(), 4u);
  EXPECT_EQ(keys[0].size(), 64u);
  EXPECT_NE(keys[0], keys[1]);
  EXPECT_EQ(keys[0], keys[2]);  // the same paragraph in chapter 2
  EXPECT_EQ(keys[1], keys[3]);
}

TEST(UnitKeys, ChangeWithWhatRenderingReads) {
  const std::vector<std::string> base = KeysOf(TwoChapters());
  core::Document marked = TwoChapters();
  marked.chapters[0].paragraphs[0].sentences[0].marks.pauses.push_back({3, 500});
  EXPECT_NE(KeysOf(marked)[0], base[0]);
  EXPECT_EQ(KeysOf(marked)[1], base[1]);
  marked.chapters[0].paragraphs[0].sentences[0].marks = {};
  marked.chapters[0].paragraphs[0].sentences[0].marks.rate = 1.5;
  EXPECT_NE(KeysOf(marked)[0], base[0]);
  NarrateOptions options;
  options.normalize.yao_for_one = false;
  EXPECT_NE(KeysOf(TwoChapters(), options)[0], base[0]);
  synth::Voice voice;
  voice.rate_wpm = 200;
  EXPECT_NE(KeysOf(TwoChapters(), {}, voice)[0], base[0]);
  // Pauses are laid out between units, never inside one: not the unit's business.
  voice = {};
  voice.paragraph_pause_ms = 900;
  voice.pause_ms[core::Pause::kComma] = 999;
  EXPECT_EQ(KeysOf(TwoChapters(), {}, voice)[0], base[0]);
}

TEST(FileAudioKey, ChangesWithItsOwnAudioOnly) {
  const core::Document document = TwoChapters();
  const Plan plan = MakePlan(document, false, "mp3");
  ScheduleSettings settings;
  settings.encoder =
      audio::ResolveEncoder(audio::Format::kMp3, 22050, std::nullopt, std::nullopt, std::nullopt);
  audio::Tags tags;
  tags.title = "第1章";
  tags.track = 1;
  tags.date = "2026-01-01";
  std::vector<std::string> keys = KeysOf(document);
  const std::string base = FileAudioKey(document, plan, 0, keys, settings, tags);
  EXPECT_EQ(base.size(), 64u);
  // Not the date: a file made yesterday is the file made today.
  tags.date = "2026-12-31";
  EXPECT_EQ(FileAudioKey(document, plan, 0, keys, settings, tags), base);
  // Not another file's units.
  keys[3] = std::string(64, '0');
  EXPECT_EQ(FileAudioKey(document, plan, 0, keys, settings, tags), base);
  keys[1] = std::string(64, '0');
  EXPECT_NE(FileAudioKey(document, plan, 0, keys, settings, tags), base);
  keys = KeysOf(document);
  tags.track = 2;
  EXPECT_NE(FileAudioKey(document, plan, 0, keys, settings, tags), base);
  tags.track = 1;
  settings.voice.paragraph_pause_ms = 900;
  EXPECT_NE(FileAudioKey(document, plan, 0, keys, settings, tags), base);
  settings.voice = {};
  settings.encoder.quality = 2;
  EXPECT_NE(FileAudioKey(document, plan, 0, keys, settings, tags), base);
}

}  // namespace
}  // namespace langdu::pipeline
