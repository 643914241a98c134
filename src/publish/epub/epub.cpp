#include "publish/epub/epub.h"

#include <zip.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>

#include "core/error.h"
#include "publish/markup.h"

namespace langdu::publish::epub {
namespace {

// The class a reading system puts on the sentence being read; style.css gives it a look.
constexpr std::string_view kActiveClass = "langdu-active";

constexpr std::string_view kStyle = R"css(body { line-height: 1.8; }
h1 { font-size: 1.4em; margin: 1em 0 0.8em; }
p { margin: 0 0 0.8em; text-indent: 2em; }
.langdu-active { background-color: #ffe066; color: #000; }
)css";

constexpr std::string_view kContainer = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
)xml";

std::string ChapterDocument(const BookChapter& chapter) {
  return "text/c" + std::to_string(chapter.number) + ".xhtml";
}

std::string OverlayDocument(const BookChapter& chapter) {
  return "smil/c" + std::to_string(chapter.number) + ".smil";
}

std::string Extension(const std::string& file) {
  const auto dot = file.rfind('.');
  return dot == std::string::npos ? "" : file.substr(dot + 1);
}

// The audio files' names inside the book: "audio/a1.mp3"... in the order they are first heard.
std::vector<std::string> AudioFiles(const TalkingBook& book) {
  std::vector<std::string> files;
  for (const BookChapter& chapter : book.chapters) {
    if (files.empty() || files.back() != chapter.file) files.push_back(chapter.file);
  }
  return files;
}

std::string AudioName(const std::vector<std::string>& files, const std::string& file) {
  std::size_t index = 0;
  while (index < files.size() && files[index] != file) ++index;
  return "audio/a" + std::to_string(index + 1) + "." + Extension(file);
}

std::string XhtmlHead(const TalkingBook& book, const std::string& title, const std::string& css) {
  const std::string lang = EscapeMarkup(book.language);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
         "xml:lang=\"" +
         lang + "\" lang=\"" + lang + "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>" +
         EscapeMarkup(title) + "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"" +
         css + "\"/>\n</head>\n<body>\n";
}

std::string Span(int chapter, int number, const BookSentence& sentence) {
  return "<span id=\"" + SentenceId(chapter, number) + "\">" + EscapeMarkup(sentence.text) +
         "</span>";
}

std::string Meta(const std::string& property, const std::string& value,
                 const std::string& refines = "") {
  return "    <meta property=\"" + property + "\"" +
         (refines.empty() ? "" : " refines=\"#" + refines + "\"") + ">" + EscapeMarkup(value) +
         "</meta>\n";
}

std::string Item(const std::string& id, const std::string& href, const std::string& media_type,
                 const std::string& extra = "") {
  return "    <item id=\"" + id + "\" href=\"" + EscapeMarkup(href) + "\" media-type=\"" +
         media_type + "\"" + extra + "/>\n";
}

std::string AudioMediaType(const std::string& file) {
  const std::string extension = Extension(file);
  if (extension == "mp3") return "audio/mpeg";
  if (extension == "m4a" || extension == "m4b" || extension == "mp4") return "audio/mp4";
  throw core::Error(core::ErrorKind::kInternal,
                    file + ": EPUB audio must be MP3 or AAC (a core media type)");
}

// Milliseconds of a chapter's overlay, so that the total is their exact sum.
long long OverlayMs(const BookChapter& chapter) {
  return std::llround((chapter.end_s - chapter.start_s) * 1000);
}

void Check(bool ok, zip_t* archive, const std::filesystem::path& path) {
  if (!ok) {
    throw core::Error(core::ErrorKind::kOutput,
                      path.string() + ": cannot write: " + zip_strerror(archive));
  }
}

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

}  // namespace

std::string ModifiedTime(long long seconds) {
  const auto time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string BookIdentifier(const std::string& sha256) {
  std::string hex = sha256.substr(0, 32);
  hex.resize(32, '0');
  hex[12] = '8';  // version 8: custom
  static constexpr char kVariant[] = "89ab";
  const int nibble = std::isxdigit(static_cast<unsigned char>(hex[16]))
                         ? std::stoi(hex.substr(16, 1), nullptr, 16)
                         : 0;
  hex[16] = kVariant[nibble & 3];  // variant 10xx
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::string ClockValue(double seconds) {
  const long long ms = std::llround(seconds * 1000);
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld:%02lld.%03lld", ms / 3600000, ms / 60000 % 60,
                ms / 1000 % 60, ms % 1000);
  return text;
}

std::string ChapterXhtml(const TalkingBook& book, const BookChapter& chapter) {
  const std::string id = "c" + std::to_string(chapter.number);
  const bool spoken_heading = HeadingIsFirstSentence(chapter);
  std::string xhtml = XhtmlHead(book, chapter.title, "../style.css") + "<section id=\"" + id +
                      "\" epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"" + id +
                      "-h\">\n<h1 id=\"" + id + "-h\">" +
                      (spoken_heading ? Span(chapter.number, 1, chapter.paragraphs[0].sentences[0])
                                      : EscapeMarkup(chapter.title)) +
                      "</h1>\n";
  int number = spoken_heading ? 1 : 0;
  for (const BookParagraph& paragraph : chapter.paragraphs) {
    std::string sentences;
    for (const BookSentence& sentence : paragraph.sentences) {
      if (spoken_heading && &sentence == &chapter.paragraphs[0].sentences[0]) continue;
      sentences += Span(chapter.number, ++number, sentence);
    }
    if (!sentences.empty()) xhtml += "<p>" + sentences + "</p>\n";
  }
  return xhtml + "</section>\n</body>\n</html>\n";
}

std::string ChapterSmil(const BookChapter& chapter, const std::string& audio_href) {
  const std::string text = "../" + ChapterDocument(chapter);
  std::string smil =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<smil xmlns=\"http://www.w3.org/ns/SMIL\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
      "version=\"3.0\">\n<body>\n<seq id=\"seq-c" +
      std::to_string(chapter.number) + "\" epub:textref=\"" + EscapeMarkup(text) + "#c" +
      std::to_string(chapter.number) + "\" epub:type=\"chapter\">\n";
  int number = 0;
  for (const BookParagraph& paragraph : chapter.paragraphs) {
    for (const BookSentence& sentence : paragraph.sentences) {
      const std::string id = SentenceId(chapter.number, ++number);
      smil += "<par id=\"par-" + id + "\"><text src=\"" + EscapeMarkup(text) + "#" + id +
              "\"/><audio src=\"" + EscapeMarkup(audio_href) + "\" clipBegin=\"" +
              SecondsText(sentence.start_s) + "s\" clipEnd=\"" + SecondsText(sentence.end_s) +
              "s\"/></par>\n";
    }
  }
  return smil + "</seq>\n</body>\n</smil>\n";
}

std::string NavXhtml(const TalkingBook& book) {
  std::string nav =
      XhtmlHead(book, "目录", "style.css") +
      "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-h\">\n"
      "<h1 id=\"toc-h\">目录</h1>\n<ol>\n";
  for (const BookChapter& chapter : book.chapters) {
    nav += "<li><a href=\"" + ChapterDocument(chapter) + "\">" + EscapeMarkup(chapter.title) +
           "</a></li>\n";
  }
  nav +=
      "</ol>\n</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n"
      "<h2>导航</h2>\n<ol>\n";
  if (!book.chapters.empty()) {
    nav += "<li><a epub:type=\"bodymatter\" href=\"" + ChapterDocument(book.chapters.front()) +
           "\">正文</a></li>\n";
  }
  return nav + "</ol>\n</nav>\n</body>\n</html>\n";
}

std::string PackageOpf(const TalkingBook& book, const EpubOptions& options,
                       const std::vector<std::string>& audio_files) {
  std::string opf =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
      "unique-identifier=\"uid\" xml:lang=\"" +
      EscapeMarkup(book.language) +
      "\">\n  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "    <dc:identifier id=\"uid\">" +
      BookIdentifier(book.sha256) + "</dc:identifier>\n    <dc:title>" + EscapeMarkup(book.title) +
      "</dc:title>\n    <dc:creator id=\"creator\">" + EscapeMarkup(book.author) +
      "</dc:creator>\n    <dc:language>" + EscapeMarkup(book.language) + "</dc:language>\n";
  opf += Meta("dcterms:modified", options.modified);
  long long total_ms = 0;
  for (const BookChapter& chapter : book.chapters) {
    total_ms += OverlayMs(chapter);
    opf += Meta("media:duration", ClockValue(static_cast<double>(OverlayMs(chapter)) / 1000),
                "mo" + std::to_string(chapter.number));
  }
  opf += Meta("media:duration", ClockValue(static_cast<double>(total_ms) / 1000));
  opf += Meta("media:narrator", book.narrator);
  opf += Meta("media:active-class", std::string(kActiveClass));
  for (const char* mode : {"textual", "auditory"}) opf += Meta("schema:accessMode", mode);
  for (const char* mode : {"textual", "auditory", "textual,auditory"}) {
    opf += Meta("schema:accessModeSufficient", mode);
  }
  for (const char* feature : {"synchronizedAudioText", "tableOfContents", "readingOrder"}) {
    opf += Meta("schema:accessibilityFeature", feature);
  }
  opf += Meta("schema:accessibilityHazard", "none");
  opf += Meta("schema:accessibilitySummary",
              "有声书：全文的每一句都与合成语音（" + book.narrator +
                  "）同步，阅读器朗读时高亮当前句子。可以只读文字、只听语音，或边听边读。"
                  "目录列出每一章。Every sentence of the text is synchronized with its narration.");
  opf += "  </metadata>\n  <manifest>\n";
  opf += Item("nav", "nav.xhtml", "application/xhtml+xml", " properties=\"nav\"");
  opf += Item("css", "style.css", "text/css");
  for (const BookChapter& chapter : book.chapters) {
    const std::string n = std::to_string(chapter.number);
    opf += Item("c" + n, ChapterDocument(chapter), "application/xhtml+xml",
                " media-overlay=\"mo" + n + "\"");
    opf += Item("mo" + n, OverlayDocument(chapter), "application/smil+xml");
  }
  for (std::size_t i = 0; i < audio_files.size(); ++i) {
    opf += Item("a" + std::to_string(i + 1), AudioName(audio_files, audio_files[i]),
                AudioMediaType(audio_files[i]));
  }
  if (options.cover) {
    opf += Item("cover", options.cover->media_type == "image/png" ? "cover.png" : "cover.jpg",
                options.cover->media_type, " properties=\"cover-image\"");
  }
  opf += "  </manifest>\n  <spine>\n";
  for (const BookChapter& chapter : book.chapters) {
    opf += "    <itemref idref=\"c" + std::to_string(chapter.number) + "\"/>\n";
  }
  return opf + "  </spine>\n</package>\n";
}

std::vector<EpubEntry> EpubEntries(
    const TalkingBook& book, const EpubOptions& options,
    const std::map<std::string, std::filesystem::path>& audio_paths) {
  const std::vector<std::string> audio_files = AudioFiles(book);
  std::vector<EpubEntry> entries;
  entries.push_back({"mimetype", "application/epub+zip", {}, false});
  entries.push_back({"META-INF/container.xml", std::string(kContainer), {}, true});
  entries.push_back({"OEBPS/package.opf", PackageOpf(book, options, audio_files), {}, true});
  entries.push_back({"OEBPS/nav.xhtml", NavXhtml(book), {}, true});
  entries.push_back({"OEBPS/style.css", std::string(kStyle), {}, true});
  for (const BookChapter& chapter : book.chapters) {
    entries.push_back({"OEBPS/" + ChapterDocument(chapter), ChapterXhtml(book, chapter), {}, true});
    entries.push_back({"OEBPS/" + OverlayDocument(chapter),
                       ChapterSmil(chapter, "../" + AudioName(audio_files, chapter.file)),
                       {},
                       true});
  }
  for (const std::string& file : audio_files) {
    const auto it = audio_paths.find(file);
    if (it == audio_paths.end()) {
      throw core::Error(core::ErrorKind::kInternal, file + ": no audio file for the EPUB");
    }
    entries.push_back({"OEBPS/" + AudioName(audio_files, file), {}, it->second, false});
  }
  if (options.cover) {
    entries.push_back(
        {options.cover->media_type == "image/png" ? "OEBPS/cover.png" : "OEBPS/cover.jpg",
         options.cover->data,
         {},
         false});
  }
  return entries;
}

void WriteEpub(const std::filesystem::path& path, const std::vector<EpubEntry>& entries,
               long long modified_s) {
  int error = 0;
  std::unique_ptr<zip_t, ZipDiscard> archive(
      zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (!archive) {
    zip_error_t zip_error;
    zip_error_init_with_code(&zip_error, error);
    const std::string message = zip_error_strerror(&zip_error);
    zip_error_fini(&zip_error);
    throw core::Error(core::ErrorKind::kOutput, path.string() + ": cannot create: " + message);
  }
  zip_t* zip = archive.get();
  for (const EpubEntry& entry : entries) {
    zip_source_t* source = entry.source.empty() ? zip_source_buffer(zip, entry.contents.data(),
                                                                    entry.contents.size(), 0)
                                                : zip_source_file(zip, entry.source.c_str(), 0, -1);
    Check(source != nullptr, zip, path);
    const zip_int64_t index = zip_file_add(zip, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) zip_source_free(source);
    Check(index >= 0, zip, path);
    const auto at = static_cast<zip_uint64_t>(index);
    Check(zip_set_file_compression(zip, at, entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                   entry.compress ? 9 : 0) == 0,
          zip, path);
    Check(zip_file_set_mtime(zip, at, static_cast<std::time_t>(modified_s), 0) == 0, zip, path);
  }
  Check(zip_close(zip) == 0, zip, path);
  archive.release();
}

}  // namespace langdu::publish::epub
