#include "publish/manifest.h"

#include "core/error.h"

namespace langdu::publish {

ManifestWriter::ManifestWriter(const std::filesystem::path& path,
                               const nlohmann::ordered_json& header)
    : path_(path), out_(path, std::ios::binary | std::ios::trunc) {
  if (!out_) throw core::Error(core::ErrorKind::kOutput, path.string() + ": cannot create");
  out_ << "{\n";
  bool first = true;
  WriteFields(header, first);
  out_ << (first ? "" : ",\n") << "  \"chapters\": [";
}

void ManifestWriter::WriteFields(const nlohmann::ordered_json& fields, bool& first) {
  for (const auto& [key, value] : fields.items()) {
    out_ << (first ? "" : ",\n") << "  " << nlohmann::ordered_json(key).dump() << ": "
         << value.dump(-1, ' ', false);
    first = false;
  }
}

void ManifestWriter::BeginChapter(const nlohmann::ordered_json& fields) {
  out_ << (first_chapter_ ? "\n" : ",\n") << "    {";
  first_chapter_ = false;
  for (const auto& [key, value] : fields.items()) {
    out_ << nlohmann::ordered_json(key).dump() << ": " << value.dump() << ", ";
  }
  out_ << "\"paragraphs\": [";
  first_paragraph_ = true;
}

void ManifestWriter::AddParagraph(const nlohmann::ordered_json& paragraph) {
  out_ << (first_paragraph_ ? "\n" : ",\n") << "      " << paragraph.dump();
  first_paragraph_ = false;
}

void ManifestWriter::EndChapter(const nlohmann::ordered_json& fields) {
  out_ << "\n    ]";
  for (const auto& [key, value] : fields.items()) {
    out_ << ", " << nlohmann::ordered_json(key).dump() << ": " << value.dump();
  }
  out_ << "}";
}

void ManifestWriter::Finish(const nlohmann::ordered_json& fields) {
  out_ << "\n  ]";
  bool first = false;
  WriteFields(fields, first);
  out_ << "\n}\n";
  out_.close();
  if (!out_) throw core::Error(core::ErrorKind::kOutput, path_.string() + ": cannot write");
}

nlohmann::ordered_json SpanJson(const core::SourceSpan& span) {
  return {{"line", span.line},
          {"column", span.column},
          {"byte_offset", span.byte_offset},
          {"byte_length", span.byte_length}};
}

}  // namespace langdu::publish
