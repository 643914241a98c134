#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "publish/manifest_records.h"

namespace langdu::publish {

/// One sentence as it was narrated: what the author wrote and when it is heard.
struct BookSentence {
  std::string text;    ///< the source text
  double start_s = 0;  ///< in its chapter's audio file
  double end_s = 0;
};

/// One paragraph of a chapter.
struct BookParagraph {
  std::vector<BookSentence> sentences;
};

/// One chapter and the audio file it is heard in.
struct BookChapter {
  int number = 0;
  std::string title;
  std::string file;            ///< audio file name, relative to the output folder
  double start_s = 0;          ///< in `file` (not 0 with --single)
  double end_s = 0;            ///< in `file`
  double file_duration_s = 0;  ///< of `file` as its container states it
  std::vector<BookParagraph> paragraphs;
};

/// What the read-along page and the EPUB are made of: the text with the time of every sentence,
/// taken from the manifest (never from a second pass over the audio).
struct TalkingBook {
  std::string title;
  std::string author;    ///< the book's author (manifest), else the narrator's name
  std::string narrator;  ///< "langdu <voice>"
  std::string sha256;    ///< of the input: identifies the book
  std::string language = "zh-CN";
  double duration_s = 0;  ///< of every file, end to end
  std::vector<BookChapter> chapters;
};

/// The stable id of a sentence, shared by the page and the EPUB: "c3-s17" for the 17th sentence
/// (from 1) of chapter 3.
std::string SentenceId(int chapter_number, int sentence_number);

/// Whether the chapter's first sentence is its heading (a heading line, spoken as the chapter's
/// first paragraph or sentence): then pages show that sentence as the heading instead of
/// repeating the title.
bool HeadingIsFirstSentence(const BookChapter& chapter);

/// Reads manifest.json back. Throws core::Error(kOutput) when it cannot be read,
/// core::Error(kInputDecode) when it is not a manifest.
Manifest ReadManifest(const std::filesystem::path& path);

/// The book a manifest (docs/formats.md, version 1) describes; `author` is the book's author
/// (--author, else the input's own; empty: the narrator).
TalkingBook BookFromManifest(const Manifest& manifest, const std::string& author);

}  // namespace langdu::publish
