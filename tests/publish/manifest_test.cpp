#include "publish/manifest.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace langdu::publish {
namespace {

using Json = nlohmann::ordered_json;

TEST(ManifestWriter, StreamsValidJsonInOrder) {
  testing::TempDir dir;
  {
    ManifestWriter writer(dir / "manifest.json", Json{{"title", "讲话"}, {"version", 1}});
    for (int chapter = 1; chapter <= 2; ++chapter) {
      writer.BeginChapter({{"number", chapter}, {"title", "第" + std::to_string(chapter)}});
      writer.AddParagraph(
          {{"start_s", 0.3}, {"sentences", Json::array({{{"source_text", "“好”"}}})}});
      writer.AddParagraph({{"start_s", 1.5}});
      writer.EndChapter({{"file", "0" + std::to_string(chapter) + ".wav"}, {"duration_s", 2.5}});
    }
    writer.Finish({{"duration_s", 5.0}});
  }
  const Json manifest = Json::parse(testing::ReadFile(dir / "manifest.json"));
  EXPECT_EQ(manifest["title"], "讲话");
  ASSERT_EQ(manifest["chapters"].size(), 2u);
  EXPECT_EQ(manifest["chapters"][1]["number"], 2);
  EXPECT_EQ(manifest["chapters"][1]["file"], "02.wav");
  EXPECT_EQ(manifest["chapters"][0]["paragraphs"].size(), 2u);
  EXPECT_EQ(manifest["chapters"][0]["paragraphs"][0]["sentences"][0]["source_text"], "“好”");
  EXPECT_EQ(manifest["duration_s"], 5.0);
  EXPECT_EQ(manifest.begin().key(), "title");
}

TEST(ManifestWriter, EmptyDocumentIsValid) {
  testing::TempDir dir;
  {
    ManifestWriter writer(dir / "m.json", Json::object());
    writer.Finish({{"duration_s", 0}});
  }
  const Json manifest = Json::parse(testing::ReadFile(dir / "m.json"));
  EXPECT_TRUE(manifest["chapters"].empty());
}

}  // namespace
}  // namespace langdu::publish
