#include "input/epub_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "input/epub_fixture.h"

namespace langdu::input {
namespace {

using testing::kContainerXml;
using testing::Opf;
using testing::Xhtml;
using testing::ZipBytes;
using Entries = std::vector<std::pair<std::string, std::string>>;

std::string Outline(const core::Document& document) {
  std::string outline = document.title + " ||";
  for (const core::Chapter& chapter : document.chapters) {
    outline += " " + chapter.title + " (" + std::to_string(chapter.paragraphs.size()) + ")";
  }
  return outline;
}

std::string AllText(const core::Document& document) {
  std::string all;
  for (const core::Chapter& chapter : document.chapters) {
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      for (const core::Sentence& sentence : paragraph.sentences) all += sentence.text;
      all += "\n";
    }
  }
  return all;
}

const std::string kItems =
    "<item id=\"a\" href=\"text/a.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
    "<item id=\"b\" href=\"text/b.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
    "<item id=\"c\" href=\"text/c.xhtml\" media-type=\"application/xhtml+xml\"/>";
// The manifest lists a, b, c; the spine reads c first.
const std::string kSpine = "<itemref idref=\"c\"/><itemref idref=\"a\"/><itemref idref=\"b\"/>";
const std::string kA = Xhtml("<h1>第一章 雨</h1><p>下雨了。</p><p>雨很大。</p>");
const std::string kB = Xhtml(
    "<h1>第二章 晴</h1><p>天晴了。</p><h2 id=\"rainbow\">彩虹</h2><p>出了彩虹。</p>"
    "<h1 id=\"night\">第三章 夜</h1><p>天黑了。</p>");
const std::string kC = Xhtml("<h1>序</h1><p>这是一本关于天气的书。</p>");

std::string Nav(const std::string& list) {
  return Xhtml("<nav epub:type=\"toc\"><h1>目录</h1><ol>" + list + "</ol></nav>");
}

const std::string kNavList =
    "<li><a href=\"text/c.xhtml\">序言</a></li>"
    "<li><a href=\"text/a.xhtml\">第一章 雨</a></li>"
    "<li><a href=\"text/b.xhtml\">第二章 晴</a><ol><li><a href=\"text/b.xhtml#rainbow\">彩虹</a>"
    "</li></ol></li>"
    "<li><a href=\"text/b.xhtml#night\">第三章 夜</a></li>";

// An EPUB 3 book: nav document, dc metadata, spine c, a, b.
Entries Book(const std::string& metadata = "<dc:title>天气</dc:title>",
             const std::string& nav_list = kNavList) {
  return {
      {"mimetype", "application/epub+zip"},
      {"META-INF/container.xml", kContainerXml},
      {"OEBPS/content.opf",
       Opf(metadata,
           kItems + "\n<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
                    "properties=\"nav\"/>",
           kSpine)},
      {"OEBPS/nav.xhtml", Nav(nav_list)},
      {"OEBPS/text/a.xhtml", kA},
      {"OEBPS/text/b.xhtml", kB},
      {"OEBPS/text/c.xhtml", kC}};
}

ReadResult ReadBook(const Entries& entries, const ReadOptions& options = {}) {
  return ReadEpub("book.epub", ZipBytes(entries), options);
}

std::string ErrorOf(const std::string& bytes) {
  try {
    ReadEpub("book.epub", bytes, ReadOptions{});
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kInputDecode) << error.what();
    return error.what();
  }
  return "no error";
}

std::string ErrorOf(const Entries& entries) { return ErrorOf(ZipBytes(entries)); }

Entries With(Entries entries, const std::string& name, const std::string& contents) {
  for (auto& [entry_name, entry_contents] : entries) {
    if (entry_name == name) {
      entry_contents = contents;
      return entries;
    }
  }
  entries.emplace_back(name, contents);
  return entries;
}

Entries Without(Entries entries, const std::string& name) {
  std::erase_if(entries, [&](const auto& entry) { return entry.first == name; });
  return entries;
}

TEST(EpubReader, ReadsTheSpineInOrderWithChaptersFromTheNav) {
  const ReadResult result = ReadBook(Book());
  EXPECT_EQ(result.format, InputFormat::kEpub);
  EXPECT_EQ(result.metadata.title, "天气");
  // The nav's titles, in spine order; an entry with a fragment (#night) splits b.xhtml there;
  // the nested entry (#rainbow) does not at the default --heading-levels 1.
  EXPECT_EQ(Outline(result.document), "天气 || 序言 (2) 第一章 雨 (3) 第二章 晴 (4) 第三章 夜 (2)");
  EXPECT_EQ(AllText(result.document),
            "序\n这是一本关于天气的书。\n第一章 雨\n下雨了。\n雨很大。\n第二章 晴\n天晴了。\n彩虹\n"
            "出了彩虹。\n第三章 夜\n天黑了。\n");
}

TEST(EpubReader, HeadingLevelsReachNestedEntries) {
  ReadOptions options;
  options.heading_levels = 2;
  EXPECT_EQ(Outline(ReadBook(Book(), options).document),
            "天气 || 序言 (2) 第一章 雨 (3) 第二章 晴 (2) 彩虹 (2) 第三章 夜 (2)");
}

TEST(EpubReader, NoChaptersMakesOneChapter) {
  ReadOptions options;
  options.structure.detect_chapters = false;
  EXPECT_EQ(Outline(ReadBook(Book(), options).document), "天气 || 天气 (11)");
}

const std::string kNcx =
    "<?xml version=\"1.0\"?>\n<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" "
    "version=\"2005-1\"><navMap>"
    "<navPoint id=\"p1\"><navLabel><text>卷首</text></navLabel><content src=\"text/c.xhtml\"/>"
    "</navPoint>"
    "<navPoint id=\"p2\"><navLabel><text>雨天</text></navLabel><content src=\"text/a.xhtml\"/>"
    "</navPoint>"
    "<navPoint id=\"p3\"><navLabel><text>晴天</text></navLabel><content src=\"text/b.xhtml\"/>"
    "<navPoint id=\"p4\"><navLabel><text>夜晚</text></navLabel>"
    "<content src=\"text/b.xhtml#night\"/></navPoint></navPoint>"
    "</navMap></ncx>";

// EPUB 2: no nav document, the spine names the NCX.
Entries Epub2Book() {
  return {
      {"mimetype", "application/epub+zip"},
      {"META-INF/container.xml", kContainerXml},
      {"OEBPS/content.opf",
       Opf("<dc:title>天气</dc:title>",
           kItems + "\n<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>",
           kSpine, " toc=\"ncx\"")},
      {"OEBPS/toc.ncx", kNcx},
      {"OEBPS/text/a.xhtml", kA},
      {"OEBPS/text/b.xhtml", kB},
      {"OEBPS/text/c.xhtml", kC}};
}

TEST(EpubReader, Epub2ChaptersComeFromTheNcx) {
  EXPECT_EQ(Outline(ReadBook(Epub2Book()).document), "天气 || 卷首 (2) 雨天 (3) 晴天 (6)");
  ReadOptions options;
  options.heading_levels = 2;
  EXPECT_EQ(Outline(ReadBook(Epub2Book(), options).document),
            "天气 || 卷首 (2) 雨天 (3) 晴天 (4) 夜晚 (2)");
}

TEST(EpubReader, TheNavWinsOverTheNcx) {
  Entries book = Book();
  book = With(book, "OEBPS/toc.ncx", kNcx);
  book = With(
      book, "OEBPS/content.opf",
      Opf("<dc:title>天气</dc:title>",
          kItems + "\n<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
                   "properties=\"nav\"/><item id=\"ncx\" href=\"toc.ncx\" "
                   "media-type=\"application/x-dtbncx+xml\"/>",
          kSpine, " toc=\"ncx\""));
  EXPECT_EQ(Outline(ReadBook(book).document),
            "天气 || 序言 (2) 第一章 雨 (3) 第二章 晴 (4) 第三章 夜 (2)");
}

TEST(EpubReader, WithoutAContentsListHeadingsMakeChapters) {
  const Entries book = Book("<dc:title>天气</dc:title>", "");
  EXPECT_EQ(Outline(ReadBook(book).document),
            "天气 || 序 (2) 第一章 雨 (3) 第二章 晴 (4) 第三章 夜 (2)");
}

TEST(EpubReader, AnEntryOnAPageWithoutTextStartsItsChapterAtTheNextText) {
  Entries book = Book("<dc:title>天气</dc:title>",
                      "<li><a href=\"text/p.xhtml\">上卷</a></li>"
                      "<li><a href=\"text/b.xhtml#night\">下卷</a></li>");
  book = With(book, "OEBPS/content.opf",
              Opf("<dc:title>天气</dc:title>",
                  kItems + "\n<item id=\"p\" href=\"text/p.xhtml\" "
                           "media-type=\"application/xhtml+xml\"/><item id=\"nav\" "
                           "href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
                           "properties=\"nav\"/>",
                  "<itemref idref=\"p\"/>" + kSpine));
  book = With(book, "OEBPS/text/p.xhtml", Xhtml("<div><img src=\"../pic.png\" alt=\"\"/></div>"));
  EXPECT_EQ(Outline(ReadBook(book).document), "天气 || 上卷 (9) 下卷 (2)");
}

TEST(EpubReader, PagesOutOfTheReadingOrderAreNotRead) {
  // linear="no" (a cover page), and the page the guide names as the table of contents.
  Entries book = Epub2Book();
  book = With(book, "OEBPS/content.opf",
              Opf("<dc:title>天气</dc:title>",
                  kItems + "\n<item id=\"ncx\" href=\"toc.ncx\" "
                           "media-type=\"application/x-dtbncx+xml\"/><item id=\"cover\" "
                           "href=\"text/cover.xhtml\" media-type=\"application/xhtml+xml\"/>"
                           "<item id=\"toc\" href=\"text/toc.xhtml\" "
                           "media-type=\"application/xhtml+xml\"/>",
                  "<itemref idref=\"cover\" linear=\"no\"/><itemref idref=\"toc\"/>" + kSpine,
                  " toc=\"ncx\""));
  std::string& opf = book[2].second;
  opf.insert(opf.find("</package>"),
             "<guide><reference type=\"toc\" title=\"目录\" href=\"text/toc.xhtml\"/></guide>\n");
  book = With(book, "OEBPS/text/cover.xhtml", Xhtml("<p>封面文字。</p>"));
  book = With(book, "OEBPS/text/toc.xhtml", Xhtml("<p><a href=\"a.xhtml\">雨天</a></p>"));
  const std::string all = AllText(ReadBook(book).document);
  EXPECT_EQ(all.find("封面文字"), std::string::npos) << all;
  EXPECT_EQ(all.find("雨天"), std::string::npos) << all;
  EXPECT_EQ(all.rfind("序\n", 0), 0u) << all;
}

TEST(EpubReader, TitleAuthorsAndCoverComeFromThePackage) {
  const std::string png = "\x89PNG\r\n\x1A\nrest of a picture";
  Entries book = Book(
      "<dc:title>天气</dc:title><dc:creator id=\"a1\">林小满</dc:creator>"
      "<meta refines=\"#a1\" property=\"role\">aut</meta>"
      "<dc:creator id=\"t1\">周译</dc:creator><meta refines=\"#t1\" property=\"role\">trl</meta>"
      "<dc:creator>陈一禾</dc:creator>");
  std::string& opf = book[2].second;
  opf.insert(opf.find("</manifest>"),
             "<item id=\"pic\" href=\"images/cover%20art.png\" media-type=\"image/png\" "
             "properties=\"cover-image\"/>\n");
  book = With(book, "OEBPS/images/cover art.png", png);
  const ReadResult result = ReadBook(book);
  EXPECT_EQ(result.metadata.author, "林小满、陈一禾");  // the translator is no author
  EXPECT_EQ(result.metadata.cover, png);
  EXPECT_EQ(result.metadata.cover_media_type, "image/png");
}

TEST(EpubReader, Epub2CoverIsNamedByAMeta) {
  const std::string jpeg = "\xFF\xD8\xFF\xE0 a picture";
  Entries book = Epub2Book();
  std::string& opf = book[2].second;
  opf.insert(
      opf.find("</metadata>"),
      "<dc:creator opf:role=\"aut\">林小满</dc:creator><meta name=\"cover\" content=\"pic\"/>");
  opf.insert(opf.find("</manifest>"),
             "<item id=\"pic\" href=\"cover.jpg\" media-type=\"image/jpeg\"/>\n");
  book = With(book, "OEBPS/cover.jpg", jpeg);
  const ReadResult result = ReadBook(book);
  EXPECT_EQ(result.metadata.author, "林小满");
  EXPECT_EQ(result.metadata.cover, jpeg);
  EXPECT_EQ(result.metadata.cover_media_type, "image/jpeg");
}

TEST(EpubReader, ACoverThatIsNoJpegOrPngIsLeftOut) {
  Entries book = Book();
  std::string& opf = book[2].second;
  opf.insert(opf.find("</manifest>"),
             "<item id=\"pic\" href=\"cover.gif\" media-type=\"image/gif\" "
             "properties=\"cover-image\"/>\n");
  book = With(book, "OEBPS/cover.gif", "GIF89a");
  const ReadResult result = ReadBook(book);
  EXPECT_TRUE(result.metadata.cover.empty());
  EXPECT_EQ(result.document.chapters.size(), 4u);
}

TEST(EpubReader, AutoDetectsAnEpubByItsContent) {
  const ReadResult result = Read("-", ZipBytes(Book()), ReadOptions{});
  EXPECT_EQ(result.format, InputFormat::kEpub);
  EXPECT_EQ(result.document.chapters.size(), 4u);
}

TEST(EpubReader, RefusesABookWithDrm) {
  const std::string encryption =
      "<?xml version=\"1.0\"?>\n<encryption "
      "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" "
      "xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\"><enc:EncryptedData>"
      "<enc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#aes128-cbc\"/>"
      "<enc:CipherData><enc:CipherReference URI=\"OEBPS/text/a.xhtml\"/></enc:CipherData>"
      "</enc:EncryptedData></encryption>";
  EXPECT_EQ(ErrorOf(With(Book(), "META-INF/encryption.xml", encryption)),
            "book.epub: protected by DRM (META-INF/encryption.xml encrypts "
            "\"OEBPS/text/a.xhtml\"): langdu reads only books without DRM");
}

TEST(EpubReader, FontObfuscationIsNoDrm) {
  const std::string encryption =
      "<?xml version=\"1.0\"?>\n<encryption "
      "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" "
      "xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\"><enc:EncryptedData>"
      "<enc:EncryptionMethod Algorithm=\"http://www.idpf.org/2008/embedding\"/>"
      "<enc:CipherData><enc:CipherReference URI=\"OEBPS/fonts/kai.otf\"/></enc:CipherData>"
      "</enc:EncryptedData></encryption>";
  Entries book = With(Book(), "META-INF/encryption.xml", encryption);
  book = With(book, "OEBPS/fonts/kai.otf", "obfuscated font bytes");
  EXPECT_EQ(ReadBook(book).document.chapters.size(), 4u);
}

TEST(EpubReader, RefusesWhatIsNoZipOrABrokenOne) {
  EXPECT_EQ(ErrorOf(std::string("第一章 这不是压缩文件。")),
            "book.epub: not a zip file, so not an EPUB");
  const std::string bytes = ZipBytes(Book());
  EXPECT_EQ(ErrorOf(bytes.substr(0, bytes.size() / 2)).rfind("book.epub: ", 0), 0u);
  EXPECT_NE(ErrorOf(bytes.substr(0, bytes.size() / 2)), "no error");
  // A flipped byte inside a deflated entry: the zip's checks catch it.
  std::string damaged = bytes;
  const std::size_t at = damaged.find("OEBPS/text/a.xhtml") + 40;
  damaged[at] = static_cast<char>(damaged[at] ^ 0x55);
  EXPECT_NE(ErrorOf(damaged), "no error");
}

TEST(EpubReader, RefusesAContainerWithoutItsParts) {
  EXPECT_EQ(ErrorOf(Without(Book(), "META-INF/container.xml")),
            "book.epub: no META-INF/container.xml, so not an EPUB");
  EXPECT_EQ(ErrorOf(Without(Book(), "OEBPS/content.opf")),
            "book.epub: the package document \"OEBPS/content.opf\" that META-INF/container.xml "
            "names is missing");
  EXPECT_EQ(ErrorOf(Without(Book(), "OEBPS/text/b.xhtml")),
            "book.epub: OEBPS/content.opf: spine item \"OEBPS/text/b.xhtml\" is missing");
  Entries unknown = Book();
  unknown[2].second.insert(unknown[2].second.find("</spine>"), "<itemref idref=\"zz\"/>");
  EXPECT_EQ(ErrorOf(unknown),
            "book.epub: OEBPS/content.opf: spine item \"zz\" is not in the manifest");
}

TEST(EpubReader, RefusesPathsThatLeaveTheBook) {
  Entries book = Book();
  book[2].second.insert(book[2].second.find("</manifest>"),
                        "<item id=\"x\" href=\"../../etc/passwd\" media-type=\"text/plain\"/>");
  EXPECT_EQ(ErrorOf(book),
            "book.epub: OEBPS/content.opf: \"../../etc/passwd\" points outside the book");
  // ".." that stays inside is an ordinary path.
  Entries inside =
      Book("<dc:title>天气</dc:title>", "<li><a href=\"text/../text/a.xhtml\">雨</a></li>");
  EXPECT_EQ(Outline(ReadBook(inside).document), "天气 || 天气 (2) 雨 (9)");
}

std::string LimitErrorOf(const Entries& entries, const EpubLimits& limits) {
  try {
    ReadEpub("book.epub", ZipBytes(entries), ReadOptions{}, limits);
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kInputDecode) << error.what();
    return error.what();
  }
  return "no error";
}

TEST(EpubReader, RefusesEntriesThatExpandBeyondTheLimits) {
  // The real limits are 64 MiB an entry and 256 MiB in all; smaller ones keep the test quick.
  EXPECT_EQ(EpubLimits{}.entry_bytes, 64u << 20);
  const std::string bomb = Xhtml("<p>" + std::string(100000, ' ') + "雨。</p>");
  const Entries book = With(Book(), "OEBPS/text/a.xhtml", bomb);
  EXPECT_LT(ZipBytes(book).size(), 5000u) << "deflated, it is small";
  EXPECT_EQ(LimitErrorOf(book, {.entry_bytes = 50000, .total_bytes = 1 << 20}),
            "book.epub: OEBPS/text/a.xhtml: expands to more than 50000 bytes");
  EXPECT_EQ(LimitErrorOf(book, {.entry_bytes = 200000, .total_bytes = 100000}),
            "book.epub: expands to more than 100000 bytes of text and images");
  EXPECT_EQ(LimitErrorOf(book, {}), "no error");
}

TEST(EpubReader, ContentThatDoesNotDecodeNamesTheDocument) {
  const std::string bad = Xhtml("<p>好\xC3\x28</p>");
  const std::string message = ErrorOf(With(Book(), "OEBPS/text/a.xhtml", bad));
  EXPECT_EQ(message.rfind("book.epub: OEBPS/text/a.xhtml:", 0), 0u) << message;
}

TEST(EpubReader, ABookWithNothingToSayIsEmpty) {
  Entries book = Book();
  for (auto& [name, contents] : book) {
    if (name.starts_with("OEBPS/text/")) contents = Xhtml("<div><img src=\"x.png\"/></div>");
  }
  try {
    ReadBook(book);
    FAIL();
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kInputEmpty);
    EXPECT_STREQ(error.what(), "book.epub: no text to narrate");
  }
}

}  // namespace
}  // namespace langdu::input
