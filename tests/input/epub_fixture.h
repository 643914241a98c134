#pragma once

#include <string>
#include <utility>
#include <vector>

#include "publish/epub/epub.h"
#include "test_util.h"

namespace langdu::testing {

/// The bytes of an EPUB (a ZIP) holding `entries` (name, contents) in this order, each deflated
/// except "mimetype", which is stored as EPUB requires.
inline std::string ZipBytes(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::vector<publish::epub::EpubEntry> list;
  for (const auto& [name, contents] : entries)
    list.push_back({name, contents, {}, name != "mimetype"});
  TempDir dir;
  publish::epub::WriteEpub(dir / "book.epub", list, 1767225600);
  return ReadFile(dir / "book.epub");
}

/// An XHTML content document with `body` as its body.
inline std::string Xhtml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
         "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>t</title></head>\n<body>\n" +
         body + "\n</body></html>\n";
}

inline const std::string kContainerXml =
    "<?xml version=\"1.0\"?>\n<container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
    "<rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>"
    "</rootfiles></container>";

/// A package document with `metadata`, `manifest` items and `spine` itemrefs (their XML).
inline std::string Opf(const std::string& metadata, const std::string& manifest,
                       const std::string& spine, const std::string& spine_attributes = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
         "unique-identifier=\"id\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:opf=\"http://www.idpf.org/2007/opf\">\n"
         "<dc:identifier id=\"id\">urn:uuid:0</dc:identifier>\n" +
         metadata + "\n</metadata>\n<manifest>\n" + manifest + "\n</manifest>\n<spine" +
         spine_attributes + ">\n" + spine + "\n</spine>\n</package>\n";
}

}  // namespace langdu::testing
