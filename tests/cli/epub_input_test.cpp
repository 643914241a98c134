// EPUB input through the real binary: the sample book built from samples/moon-lake/ (by the
// sample_epub target), and bad books.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "input/epub_fixture.h"
#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::RunLangdu;
using testing::TempDir;
using testing::WriteFile;

std::string SampleEpub() {
  return Quote(std::string(LANGDU_BUILD_DIR) + "/samples/moon-lake.epub");
}

TEST(Cli, OutlineOfTheSampleEpub) {
  const auto result = RunLangdu("outline " + SampleEpub());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "title: 月亮湖的夏天\n"
            "author: 林小满\n"
            "cover: image/png, 74 bytes\n"
            "format: epub\n"
            "encoding: UTF-8\n"
            "chapters: 4\n"
            "1. 第一章 湖边的小屋 (4 paragraphs, 144 characters)\n"
            "2. 第二章 夜里的萤火虫 (6 paragraphs, 176 characters)\n"
            "3. 第三章 借来的小船 (4 paragraphs, 126 characters)\n"
            "4. 后记 (3 paragraphs, 60 characters)\n");
  // Two levels of the table of contents: its nested entry splits the second chapter.
  const auto two = RunLangdu("outline --heading-levels 2 " + SampleEpub());
  EXPECT_NE(two.out.find("chapters: 5\n"), std::string::npos) << two.out;
  EXPECT_NE(two.out.find("3. 萤火虫的灯 (3 paragraphs"), std::string::npos) << two.out;
  // Chosen by its content as well as by its extension.
  const auto piped =
      RunCommand("cat " + SampleEpub() + " | " + Quote(LANGDU_BINARY) + " outline -");
  EXPECT_NE(piped.out.find("format: epub\n"), std::string::npos) << piped.err;
}

TEST(Cli, NarratesTheSampleEpubWithItsTitleAuthorAndCover) {
  TempDir out;
  const auto result =
      RunLangdu("narrate -q --no-player " + SampleEpub() + " -o " + Quote(out.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto manifest = nlohmann::json::parse(ReadFile(out / "manifest.json"));
  EXPECT_EQ(manifest["title"], "月亮湖的夏天");
  EXPECT_EQ(manifest["author"], "林小满");
  ASSERT_EQ(manifest["chapters"].size(), 4u);
  const auto probe =
      RunCommand("ffprobe -v error -show_format -show_streams -of json " +
                 Quote((out / manifest["chapters"][0]["file"].get<std::string>()).string()));
  ASSERT_EQ(probe.exit_code, 0) << probe.err;
  const auto json = nlohmann::json::parse(probe.out);
  const auto& tags = json["format"]["tags"];
  EXPECT_EQ(tags["title"], "第一章 湖边的小屋");
  EXPECT_EQ(tags["artist"], "林小满");
  EXPECT_EQ(tags["album"], "月亮湖的夏天");
  bool cover = false;
  for (const auto& stream : json["streams"]) {
    cover |= stream.value("disposition", nlohmann::json::object()).value("attached_pic", 0) == 1;
  }
  EXPECT_TRUE(cover) << probe.out;
}

struct BadBook {
  std::string name;
  std::string bytes;
  std::string message;  // after "langdu: error: <path>: "
};

TEST(Cli, ABadEpubIsOneLineExit4AndNoOutput) {
  using testing::kContainerXml;
  using testing::Opf;
  using testing::Xhtml;
  using testing::ZipBytes;
  const std::string opf =
      Opf("<dc:title>书</dc:title>",
          "<item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/>",
          "<itemref idref=\"a\"/>");
  const std::vector<std::pair<std::string, std::string>> book = {
      {"mimetype", "application/epub+zip"},
      {"META-INF/container.xml", kContainerXml},
      {"OEBPS/content.opf", opf},
      {"OEBPS/a.xhtml", Xhtml("<p>你好。</p>")}};
  const std::string good = ZipBytes(book);
  auto drm = book;
  drm.emplace_back("META-INF/encryption.xml",
                   "<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
                   "<EncryptedData xmlns=\"http://www.w3.org/2001/04/xmlenc#\"><EncryptionMethod "
                   "Algorithm=\"http://www.w3.org/2001/04/xmlenc#aes128-cbc\"/><CipherData>"
                   "<CipherReference URI=\"OEBPS/a.xhtml\"/></CipherData></EncryptedData>"
                   "</encryption>");
  auto missing = book;
  missing.pop_back();
  auto outside = book;
  outside[2].second = Opf("<dc:title>书</dc:title>",
                          "<item id=\"a\" href=\"../../a.xhtml\" "
                          "media-type=\"application/xhtml+xml\"/>",
                          "<itemref idref=\"a\"/>");
  const std::vector<BadBook> cases = {
      {"truncated.epub", good.substr(0, good.size() - 30), ""},
      {"drm.epub", ZipBytes(drm),
       "protected by DRM (META-INF/encryption.xml encrypts \"OEBPS/a.xhtml\"): langdu reads only "
       "books without DRM"},
      {"missing.epub", ZipBytes(missing),
       "OEBPS/content.opf: spine item \"OEBPS/a.xhtml\" is missing"},
      {"outside.epub", ZipBytes(outside),
       "OEBPS/content.opf: \"../../a.xhtml\" points outside the book"},
      {"text.epub", "第一章 这不是电子书。\n", "not a zip file, so not an EPUB"},
  };
  for (const BadBook& bad : cases) {
    TempDir in;
    TempDir out;
    const std::string path = (in / bad.name).string();
    WriteFile(path, bad.bytes);
    const auto result = RunLangdu("narrate " + Quote(path) + " -o " + Quote(out.path().string()));
    EXPECT_EQ(result.exit_code, 4) << bad.name << ": " << result.err;
    const std::string prefix = "langdu: error: " + path + ": ";
    EXPECT_EQ(result.err.rfind(prefix, 0), 0u) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    if (!bad.message.empty()) {
      EXPECT_EQ(result.err, prefix + bad.message + "\n");
    }
    EXPECT_TRUE(std::filesystem::is_empty(out.path())) << bad.name << ": output left behind";
  }
}

}  // namespace
}  // namespace langdu
