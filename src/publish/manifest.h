#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/document.h"

namespace langdu::publish {

/// manifest.json, written as the audio is made: chapter by chapter and paragraph by paragraph, so
/// that a long book is never held in memory. The schema is in docs/formats.md.
class ManifestWriter {
 public:
  /// Starts the manifest at `path` (a temporary file of an OutputSet) with the document-level
  /// fields of `header` (a JSON object). Throws core::Error(kOutput) when it cannot write.
  ManifestWriter(const std::filesystem::path& path, const nlohmann::ordered_json& header);

  /// Opens a chapter with the fields known before its audio (number, title).
  void BeginChapter(const nlohmann::ordered_json& fields);
  /// Adds one paragraph object to the open chapter.
  void AddParagraph(const nlohmann::ordered_json& paragraph);
  /// Closes the chapter with the fields known after its audio (file, duration...).
  void EndChapter(const nlohmann::ordered_json& fields);
  /// Closes the document with its last fields (total duration...). Throws core::Error(kOutput).
  void Finish(const nlohmann::ordered_json& fields);

 private:
  void WriteFields(const nlohmann::ordered_json& fields, bool& first);

  std::filesystem::path path_;
  std::ofstream out_;
  bool first_chapter_ = true;
  bool first_paragraph_ = true;
};

/// The JSON form of a source span: {"line", "column", "byte_offset", "byte_length"}.
nlohmann::ordered_json SpanJson(const core::SourceSpan& span);

}  // namespace langdu::publish
