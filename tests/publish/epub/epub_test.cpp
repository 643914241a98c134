#include "publish/epub/epub.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace langdu::publish::epub {
namespace {

TalkingBook Book() {
  TalkingBook book;
  book.title = "讲话";
  book.author = "某人";
  book.narrator = "langdu female";
  book.sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  // Chapter 1's heading is spoken as its first paragraph; chapter 2 has no heading sentence.
  book.chapters.push_back({1,
                           "第一章",
                           "01-第一章.mp3",
                           0,
                           3.5,
                           3.56,
                           {{{{"第一章", 0.3, 1.0}}}, {{{"甲。", 1.5, 3.2}}}}});
  book.chapters.push_back({2,
                           "最后",
                           "02-最后.mp3",
                           0,
                           2.25,
                           2.3,
                           {{{{"最后，我说两句。", 0.3, 1}, {"乙 & 丙。", 1.2, 1.9}}}}});
  return book;
}

bool Has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

TEST(Epub, ChapterHeadingIsAnH1AndEverySentenceHasAnId) {
  const TalkingBook book = Book();
  const std::string first = ChapterXhtml(book, book.chapters[0]);
  EXPECT_TRUE(Has(first,
                  "<h1 id=\"c1-h\"><span id=\"c1-s1\">第一章</span></h1>\n"
                  "<p><span id=\"c1-s2\">甲。</span></p>"));
  const std::string second = ChapterXhtml(book, book.chapters[1]);
  EXPECT_TRUE(Has(second,
                  "<h1 id=\"c2-h\">最后</h1>\n<p><span id=\"c2-s1\">最后，我说两句。</span>"
                  "<span id=\"c2-s2\">乙 &amp; 丙。</span></p>"));
  EXPECT_TRUE(Has(second, "xml:lang=\"zh-CN\" lang=\"zh-CN\""));
}

TEST(Epub, OverlayHasAParPerSentenceWithTheManifestTimes) {
  const std::string smil = ChapterSmil(Book().chapters[1], "../audio/a2.mp3");
  EXPECT_TRUE(Has(smil, "<seq id=\"seq-c2\" epub:textref=\"../text/c2.xhtml#c2\""));
  EXPECT_TRUE(Has(smil,
                  "<par id=\"par-c2-s2\"><text src=\"../text/c2.xhtml#c2-s2\"/>"
                  "<audio src=\"../audio/a2.mp3\" clipBegin=\"1.200s\" clipEnd=\"1.900s\"/>"
                  "</par>"));
}

TEST(Epub, PackageCarriesDurationsThatAddUpAndAccessibilityMetadata) {
  const TalkingBook book = Book();
  const std::string opf =
      PackageOpf(book, {"2020-05-01T08:00:00Z", std::nullopt}, {"01-第一章.mp3", "02-最后.mp3"});
  EXPECT_TRUE(Has(opf, "<meta property=\"media:duration\" refines=\"#mo1\">0:00:03.500</meta>"));
  EXPECT_TRUE(Has(opf, "<meta property=\"media:duration\" refines=\"#mo2\">0:00:02.250</meta>"));
  EXPECT_TRUE(Has(opf, "<meta property=\"media:duration\">0:00:05.750</meta>"));
  EXPECT_TRUE(Has(opf, "<meta property=\"media:narrator\">langdu female</meta>"));
  EXPECT_TRUE(Has(opf, "<dc:creator id=\"creator\">某人</dc:creator>"));
  EXPECT_TRUE(Has(opf, "<dc:language>zh-CN</dc:language>"));
  EXPECT_TRUE(Has(opf, "<meta property=\"dcterms:modified\">2020-05-01T08:00:00Z</meta>"));
  EXPECT_TRUE(Has(opf, "<meta property=\"schema:accessMode\">auditory</meta>"));
  EXPECT_TRUE(Has(opf, "<meta property=\"schema:accessibilityFeature\">synchronizedAudioText"));
  EXPECT_TRUE(Has(opf, "<meta property=\"schema:accessibilitySummary\">"));
  EXPECT_TRUE(Has(opf,
                  "<item id=\"c2\" href=\"text/c2.xhtml\" media-type=\"application/xhtml+xml\""
                  " media-overlay=\"mo2\"/>"));
  EXPECT_TRUE(Has(opf, "<item id=\"a2\" href=\"audio/a2.mp3\" media-type=\"audio/mpeg\"/>"));
}

TEST(Epub, IdentifierComesFromTheContent) {
  const std::string id = BookIdentifier(Book().sha256);
  EXPECT_EQ(id, "urn:uuid:01234567-89ab-8def-8123-456789abcdef");
  EXPECT_EQ(BookIdentifier(Book().sha256), id);
  EXPECT_NE(BookIdentifier(std::string(64, 'f')), id);
}

TEST(Epub, TimesAreUtc) {
  EXPECT_EQ(ModifiedTime(1588320000), "2020-05-01T08:00:00Z");
  EXPECT_EQ(ClockValue(3723.4567), "1:02:03.457");
}

TEST(Epub, MimetypeComesFirstAndIsStored) {
  const TalkingBook book = Book();
  const auto entries =
      EpubEntries(book, {"2020-05-01T08:00:00Z", std::nullopt},
                  {{"01-第一章.mp3", "/tmp/a.mp3"}, {"02-最后.mp3", "/tmp/b.mp3"}});
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].name, "mimetype");
  EXPECT_EQ(entries[0].contents, "application/epub+zip");
  EXPECT_FALSE(entries[0].compress);
  EXPECT_EQ(entries.back().name, "OEBPS/audio/a2.mp3");
  EXPECT_EQ(entries.back().source, "/tmp/b.mp3");
}

TEST(Epub, SameBookGivesTheSameBytes) {
  testing::TempDir dir;
  testing::WriteFile(dir / "a.mp3", std::string(1000, 'a'));
  testing::WriteFile(dir / "b.mp3", std::string(1000, 'b'));
  const auto entries =
      EpubEntries(Book(), {"2020-05-01T08:00:00Z", std::nullopt},
                  {{"01-第一章.mp3", dir / "a.mp3"}, {"02-最后.mp3", dir / "b.mp3"}});
  WriteEpub(dir / "one.epub", entries, 1588320000);
  WriteEpub(dir / "two.epub", entries, 1588320000);
  const std::string bytes = testing::ReadFile(dir / "one.epub");
  EXPECT_EQ(bytes, testing::ReadFile(dir / "two.epub"));
  // The first local header names "mimetype", stored (method 0), with no extra field.
  ASSERT_GT(bytes.size(), 58u);
  EXPECT_EQ(bytes.substr(30, 8), "mimetype");
  EXPECT_EQ(bytes[8], 0);
  EXPECT_EQ(bytes[28], 0);
  EXPECT_EQ(bytes.substr(38, 20), "application/epub+zip");
}

}  // namespace
}  // namespace langdu::publish::epub
