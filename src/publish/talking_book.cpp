#include "publish/talking_book.h"

#include <fstream>
#include <map>
#include <sstream>
#include <string_view>

#include "core/error.h"

namespace langdu::publish {
namespace {

BookChapter ChapterFrom(const ChapterRecord& chapter,
                        const std::map<std::string, FileRecord>& files, bool single) {
  BookChapter book_chapter;
  book_chapter.number = chapter.number;
  book_chapter.title = chapter.title;
  book_chapter.file = chapter.file;
  book_chapter.start_s = chapter.start_s;
  book_chapter.end_s = chapter.end_s;
  if (const auto it = files.find(chapter.file); it != files.end()) {
    book_chapter.file_duration_s = it->second.duration_s;
    // A chapter of its own file lasts its decoded samples: the container's duration adds the
    // encoder's delay and padding.
    if (!single) book_chapter.end_s = it->second.audio_duration_s;
  }
  for (const ParagraphRecord& paragraph : chapter.paragraphs) {
    BookParagraph& book_paragraph = book_chapter.paragraphs.emplace_back();
    for (const SentenceRecord& sentence : paragraph.sentences) {
      book_paragraph.sentences.push_back({sentence.source_text, sentence.start_s, sentence.end_s});
    }
  }
  return book_chapter;
}

}  // namespace

bool HeadingIsFirstSentence(const BookChapter& chapter) {
  if (chapter.paragraphs.empty() || chapter.paragraphs.front().sentences.empty()) return false;
  std::string_view text = chapter.paragraphs.front().sentences.front().text;
  // Trailing sentence punctuation and spaces are not part of a title.
  for (bool trimmed = true; trimmed && !text.empty();) {
    trimmed = false;
    for (std::string_view end : {"。", "！", "？", "：", ".", "!", "?", ":", " "}) {
      if (text.ends_with(end)) {
        text.remove_suffix(end.size());
        trimmed = true;
      }
    }
  }
  return text == chapter.title;
}

Manifest ReadManifest(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error(core::ErrorKind::kOutput, path.string() + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseManifest(text.str(), path.string());
}

std::string SentenceId(int chapter_number, int sentence_number) {
  return "c" + std::to_string(chapter_number) + "-s" + std::to_string(sentence_number);
}

TalkingBook BookFromManifest(const Manifest& manifest, const std::string& author) {
  TalkingBook book;
  book.title = manifest.header.title;
  book.narrator = "langdu " + manifest.header.voice.name;
  book.author = author.empty() ? book.narrator : author;
  book.sha256 = manifest.header.source.sha256;
  book.duration_s = manifest.duration_s;
  std::map<std::string, FileRecord> files;
  for (const FileRecord& file : manifest.files) files[file.file] = file;
  for (const ChapterRecord& chapter : manifest.chapters) {
    book.chapters.push_back(ChapterFrom(chapter, files, manifest.header.options.single));
  }
  if (book.title.empty() && !book.chapters.empty()) book.title = book.chapters.front().title;
  return book;
}

}  // namespace langdu::publish
