#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "publish/talking_book.h"

namespace langdu::publish::epub {

/// An image for the cover.
struct Cover {
  std::string media_type;  ///< image/jpeg or image/png
  std::string data;
};

/// What the book's package says beyond the manifest's text and times.
struct EpubOptions {
  std::string modified;  ///< dcterms:modified, "CCYY-MM-DDThh:mm:ssZ"
  std::optional<Cover> cover;
};

/// One file inside the EPUB: its path in the container and its contents, or the file on disk
/// to copy (audio).
struct EpubEntry {
  std::string name;  ///< e.g. "OEBPS/text/c1.xhtml"
  std::string contents;
  std::filesystem::path source;  ///< when not empty, the bytes come from this file
  bool compress = true;
};

/// dcterms:modified for `seconds` since 1970 (UTC): "2020-05-01T08:00:00Z".
std::string ModifiedTime(long long seconds);

/// A deterministic urn:uuid for the book: the first 128 bits of the input's SHA-256 (`sha256`,
/// hex), marked as an RFC 9562 version 8 UUID.
std::string BookIdentifier(const std::string& sha256);

/// A SMIL clock value, "h:mm:ss.fff", for media:duration.
std::string ClockValue(double seconds);

/// The content document of one chapter: an XHTML5 page whose heading is an <h1> and whose every
/// sentence is a <span> with its id (SentenceId), the same ids as the read-along page.
std::string ChapterXhtml(const TalkingBook& book, const BookChapter& chapter);

/// The Media Overlay of one chapter: a <seq> for the chapter and a <par> per sentence, whose
/// <audio> clips are the sentence's times in `audio_href` (relative to the overlay).
std::string ChapterSmil(const BookChapter& chapter, const std::string& audio_href);

/// nav.xhtml: the table of contents, one entry per chapter, and the landmarks.
std::string NavXhtml(const TalkingBook& book);

/// The package document (package.opf): metadata (Dublin Core, Media Overlays durations and
/// narrator, EPUB Accessibility 1.1), the manifest and the spine. `audio_files` are the book's
/// audio file names in order (as in BookChapter::file).
std::string PackageOpf(const TalkingBook& book, const EpubOptions& options,
                       const std::vector<std::string>& audio_files);

/// Every file of the EPUB, in container order (mimetype first). `audio_paths` maps each chapter's
/// file name (BookChapter::file) to the file on disk that holds it.
std::vector<EpubEntry> EpubEntries(const TalkingBook& book, const EpubOptions& options,
                                   const std::map<std::string, std::filesystem::path>& audio_paths);

/// Writes the EPUB to `path`: a ZIP whose first entry is "mimetype", stored; audio is stored too
/// (it does not compress), everything else deflated; every entry dated `modified_s` (seconds since
/// 1970), so the same book gives the same bytes. Throws core::Error(kOutput).
void WriteEpub(const std::filesystem::path& path, const std::vector<EpubEntry>& entries,
               long long modified_s);

}  // namespace langdu::publish::epub
