#include "pipeline/resume_key.h"

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
       [](Inputs& r) { r.input.document.chapters.push_back({1, "第一章", {}}); }},
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
