#include "publish/manifest.h"

#include "core/error.h"

namespace langdu::publish {

using Json = nlohmann::ordered_json;

ManifestWriter::ManifestWriter(const std::filesystem::path& path, const ManifestHeader& header)
    : path_(path), out_(path, std::ios::binary | std::ios::trunc) {
  if (!out_) throw core::Error(core::ErrorKind::kOutput, path.string() + ": cannot create");
  out_ << "{\n";
  bool first = true;
  WriteFields(Json(header), first);
  out_ << (first ? "" : ",\n") << "  \"chapters\": [";
}

void ManifestWriter::WriteFields(const nlohmann::ordered_json& fields, bool& first) {
  for (const auto& [key, value] : fields.items()) {
    out_ << (first ? "" : ",\n") << "  " << nlohmann::ordered_json(key).dump() << ": "
         << value.dump(-1, ' ', false);
    first = false;
  }
}

void ManifestWriter::BeginChapter(int number, const std::string& title) {
  out_ << (first_chapter_ ? "\n" : ",\n") << "    {";
  first_chapter_ = false;
  out_ << "\"number\": " << number << ", \"title\": " << Json(title).dump() << ", ";
  out_ << "\"paragraphs\": [";
  first_paragraph_ = true;
}

void ManifestWriter::AddParagraph(const ParagraphRecord& paragraph) {
  out_ << (first_paragraph_ ? "\n" : ",\n") << "      " << Json(paragraph).dump();
  first_paragraph_ = false;
}

void ManifestWriter::EndChapter(const ChapterEnd& end) {
  out_ << "\n    ]";
  const Json fields = end;
  for (const auto& [key, value] : fields.items()) {
    out_ << ", " << nlohmann::ordered_json(key).dump() << ": " << value.dump();
  }
  out_ << "}";
}

void ManifestWriter::Finish(int chapter_count, const std::vector<FileRecord>& files,
                            double duration_s) {
  out_ << "\n  ]";
  bool first = false;
  WriteFields({{"chapter_count", chapter_count}, {"files", files}, {"duration_s", duration_s}},
              first);
  out_ << "\n}\n";
  out_.close();
  if (!out_) throw core::Error(core::ErrorKind::kOutput, path_.string() + ": cannot write");
}

}  // namespace langdu::publish
