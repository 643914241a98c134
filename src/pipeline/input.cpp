#include "pipeline/input.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/data_dir.h"
#include "core/error.h"
#include "core/utf8.h"

namespace langdu::pipeline {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw core::Error(core::ErrorKind::kInternal, "sha256: openssl failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

Input ReadInput(const std::string& name) {
  if (name == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return {name, buffer.str()};
  }
  std::error_code error;
  if (!std::filesystem::exists(name, error)) {
    throw core::Error(core::ErrorKind::kInputMissing, name + ": no such file");
  }
  if (std::filesystem::is_directory(name, error)) {
    throw core::Error(core::ErrorKind::kInputMissing, name + ": is a folder, not a text file");
  }
  std::ifstream in(name, std::ios::binary);
  if (!in) {
    throw core::Error(core::ErrorKind::kInputMissing,
                      name + ": cannot read: " + std::strerror(errno));
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw core::Error(core::ErrorKind::kInputMissing, name + ": cannot read");
  return {name, std::move(bytes)};
}

PreparedInput Prepare(Input input, const input::ReadOptions& options) {
  const std::string where = input.name == "-" ? "<stdin>" : input.name;
  PreparedInput prepared;
  prepared.sha256 = Sha256Hex(input.bytes);
  {
    input::ReadResult read = input::Read(where, input.bytes, options);
    prepared.format = read.format;
    prepared.encoding = std::move(read.encoding);
    prepared.document = std::move(read.document);
    prepared.metadata = std::move(read.metadata);
    prepared.skipped = std::move(read.skipped);
    prepared.warnings = std::move(read.warnings);
  }
  for (const core::Chapter& chapter : prepared.document.chapters) {
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      for (const core::Sentence& sentence : paragraph.sentences) {
        prepared.characters += core::CodePointCount(sentence.text);
      }
    }
  }
  prepared.name = std::move(input.name);
  return prepared;
}

std::filesystem::path DataDir() { return core::DataDir(); }

}  // namespace langdu::pipeline
