#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "publish/manifest_records.h"

namespace langdu::publish {

/// manifest.json, written as the audio is made: chapter by chapter and paragraph by paragraph, so
/// that a long book is never held in memory. The schema is in docs/formats.md; its records are in
/// publish/manifest_records.h.
class ManifestWriter {
 public:
  /// Starts the manifest at `path` (a temporary file of an OutputSet) with the document-level
  /// fields. Throws core::Error(kOutput) when it cannot write.
  ManifestWriter(const std::filesystem::path& path, const ManifestHeader& header);

  /// Opens a chapter with the fields known before its audio.
  void BeginChapter(int number, const std::string& title);
  /// Adds one paragraph to the open chapter.
  void AddParagraph(const ParagraphRecord& paragraph);
  /// Closes the chapter with the fields known after its audio (file, duration...).
  void EndChapter(const ChapterEnd& end);
  /// Closes the document with its last fields. Throws core::Error(kOutput).
  void Finish(int chapter_count, const std::vector<FileRecord>& files, double duration_s);

 private:
  void WriteFields(const nlohmann::ordered_json& fields, bool& first);

  std::filesystem::path path_;
  std::ofstream out_;
  bool first_chapter_ = true;
  bool first_paragraph_ = true;
};

}  // namespace langdu::publish
