#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "text/noise.h"
#include "text/structure.h"

namespace langdu::input {

/// The formats an input can be read as. kAuto decides by the file's extension, then by its
/// content (DetectFormat).
enum class InputFormat { kAuto, kText, kMarkdown, kHtml, kEpub, kSsml };

/// "auto", "text", "markdown", "html", "epub", "ssml".
std::string_view FormatName(InputFormat format);

/// The names `--input-format` accepts, in the order of the enum.
const std::vector<std::string>& FormatNames();

/// The format named `name` (case-insensitive), or nullopt.
std::optional<InputFormat> ParseFormat(std::string_view name);

/// The format of an input: by the extension of `name` first (.txt .text → text, .md .markdown
/// → markdown, .html .htm .xhtml → html, .epub → epub, .ssml → ssml), then by `bytes` (a zip
/// holding an EPUB mimetype, a <speak> root, an HTML root or doctype, Markdown headings, fences
/// or links). Standard input ("-") and unknown extensions are judged by content; plain text when
/// nothing else fits. Never kAuto.
InputFormat DetectFormat(std::string_view name, std::string_view bytes);

/// Whether `name` has one of the extensions above, i.e. is a file that a folder given to
/// `narrate` contributes (case-insensitive).
bool HasInputExtension(std::string_view name);

/// The format `Read` reads an input as: `requested` unless it is kAuto, else DetectFormat (plain
/// text while the detected format has no reader in this build).
InputFormat ResolveFormat(InputFormat requested, std::string_view name, std::string_view bytes);

/// How inputs are read (`--input-format`, `--encoding`, `--chapter-pattern`, `--no-chapters`,
/// `--heading-levels`, `--code`).
struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  std::string encoding;  ///< text formats (text, Markdown, HTML); empty: detect
  /// Plain text: heading table or pattern; for every format, detect_chapters = false makes the
  /// whole input one chapter.
  text::StructureOptions structure;
  /// Markdown and HTML: how many heading levels, counted from the top one present (below a sole
  /// title heading), start chapters. Deeper headings are spoken as paragraphs. EPUB: how many
  /// levels of its table of contents start chapters.
  int heading_levels = 1;
  bool read_code = false;  ///< Markdown and HTML: read code blocks aloud (default: skip them)
};

/// What an input says about itself (EPUB metadata, Markdown front matter, HTML <title>).
struct Metadata {
  std::string title;             ///< empty: none given
  std::string author;            ///< empty: none given
  std::string cover;             ///< cover image bytes (JPEG or PNG); empty: none
  std::string cover_media_type;  ///< "image/jpeg", "image/png"
};

/// A line the plain-text reader dropped as scraper noise (update times, word counts, 本章完,
/// pleas for votes, site addresses): see text/noise.h.
using SkippedLine = text::SkippedLine;

/// An input read into the document model.
struct ReadResult {
  InputFormat format = InputFormat::kText;  ///< the format it was read as (never kAuto)
  std::string encoding;                     ///< what the text was decoded from
  core::Document document;
  Metadata metadata;
  std::vector<SkippedLine> skipped;
  /// Problems that did not stop reading, one line each (`<where>:<line>: …`), for the user.
  std::vector<std::string> warnings;
};

/// Reads `bytes` (a file's whole contents; `where` names it in messages: a path or "<stdin>",
/// and `name` for detection is the same) into a document. A pure function of its arguments: no
/// file system, no globals, so that fuzz harnesses can call it on any bytes.
///
/// Throws core::Error: kInputDecode for text that does not decode or an EPUB that cannot be read
/// (broken zip, DRM); kInputEmpty when nothing is left to say; kUsage for a bad chapter pattern.
/// Malformed Markdown and HTML are never errors: they are text.
ReadResult Read(std::string_view where, std::string_view bytes, const ReadOptions& options);

}  // namespace langdu::input
