#pragma once

#include <cstddef>
#include <string_view>

#include "input/reader.h"

namespace langdu::input {

/// The most one entry of an EPUB may expand to, and all the entries read together: a guard
/// against zip bombs, far above any real book's text.
struct EpubLimits {
  std::size_t entry_bytes = std::size_t{64} << 20;
  std::size_t total_bytes = std::size_t{256} << 20;
};

/// Reads an EPUB 2 or 3 (libzip for the container, libxml2 for its XML): META-INF/container.xml
/// names the package document (OPF), whose spine gives the reading order (items marked
/// linear="no" and the page the guide or landmarks name as the table of contents are left out).
/// Each content document is read as ParseHtml reads XHTML. Chapters start where the entries of
/// the nav document (EPUB 3) or else the NCX (EPUB 2) point, an entry with a fragment splitting
/// its document there, down to `options.heading_levels` levels of the table of contents; a book
/// without one gets chapters from its headings, as HTML does. dc:title and dc:creator (authors:
/// role aut or none) become the metadata, with the cover image (EPUB 3 properties="cover-image",
/// EPUB 2 <meta name="cover">) when it is a JPEG or PNG. Paths resolve relative to the file that
/// names them; none may leave the book.
///
/// Throws core::Error(kInputDecode) `<where>: <what>` for a broken zip, a missing container.xml,
/// package document or spine item, DRM (META-INF/encryption.xml encrypting anything with more
/// than font obfuscation), a path that leaves the book, or entries beyond EpubLimits;
/// kInputEmpty when no document has anything to say.
ReadResult ReadEpub(std::string_view where, std::string_view bytes, const ReadOptions& options);

/// ReadEpub with other limits (tests).
ReadResult ReadEpub(std::string_view where, std::string_view bytes, const ReadOptions& options,
                    const EpubLimits& limits);

}  // namespace langdu::input
