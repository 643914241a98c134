#include "publish/manifest.h"

#include "publish/manifest_records.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace langdu::publish {
namespace {

using Json = nlohmann::ordered_json;

TEST(ManifestWriter, StreamsValidJsonInOrder) {
  testing::TempDir dir;
  {
    ManifestHeader header;
    header.title = "讲话";
    ManifestWriter writer(dir / "manifest.json", header);
    for (int chapter = 1; chapter <= 2; ++chapter) {
      writer.BeginChapter(chapter, "第" + std::to_string(chapter));
      ParagraphRecord first;
      first.start_s = 0.3;
      first.sentences.push_back({"“好”", {}, "好", "hao3", 0.3, 1.0, {}});
      writer.AddParagraph(first);
      ParagraphRecord second;
      second.start_s = 1.5;
      writer.AddParagraph(second);
      ChapterEnd end;
      end.file_record =
          FileRecord{"0" + std::to_string(chapter) + ".wav", "wav", 22050, 0, 0, 2.5, 0, 0, ""};
      writer.EndChapter(end);
    }
    writer.Finish(2, {}, 5.0);
  }
  const Json manifest = Json::parse(testing::ReadFile(dir / "manifest.json"));
  EXPECT_EQ(manifest["title"], "讲话");
  ASSERT_EQ(manifest["chapters"].size(), 2u);
  EXPECT_EQ(manifest["chapters"][1]["number"], 2);
  EXPECT_EQ(manifest["chapters"][1]["file"], "02.wav");
  EXPECT_EQ(manifest["chapters"][0]["paragraphs"].size(), 2u);
  EXPECT_EQ(manifest["chapters"][0]["paragraphs"][0]["sentences"][0]["source_text"], "“好”");
  EXPECT_EQ(manifest["duration_s"], 5.0);
  EXPECT_EQ(manifest.begin().key(), "format");
  EXPECT_EQ(manifest["chapters"][0]["duration_s"], 2.5);
}

TEST(ManifestWriter, EmptyDocumentIsValid) {
  testing::TempDir dir;
  {
    ManifestWriter writer(dir / "m.json", ManifestHeader{});
    writer.Finish(0, {}, 0);
  }
  const Json manifest = Json::parse(testing::ReadFile(dir / "m.json"));
  EXPECT_TRUE(manifest["chapters"].empty());
}

TEST(ManifestWriter, TheRunKeyIsReadBackAndAnOlderManifestHasNone) {
  testing::TempDir dir;
  {
    ManifestHeader header;
    header.run_key = "5e1f";
    ManifestWriter writer(dir / "manifest.json", header);
    writer.Finish(0, {}, 0);
  }
  const std::string text = testing::ReadFile(dir / "manifest.json");
  EXPECT_EQ(ParseManifest(text, "manifest.json").header.run_key, "5e1f");
  Json older = Json::parse(text);
  older.erase("run_key");
  EXPECT_EQ(ParseManifest(older.dump(), "manifest.json").header.run_key, "");
}

}  // namespace
}  // namespace langdu::publish
