#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "input/reader.h"

namespace langdu::input {

/// A block of a markup document as its reader found it: a heading or a paragraph of text as a
/// reader sees it (markup, URLs and skipped code already gone). Line breaks inside `text` are
/// soft: they join without a space between Han characters and with one between Latin words.
struct Block {
  int heading_level = 0;  ///< 1..6 for a heading; 0 for a paragraph
  std::string text;       ///< UTF-8
  core::SourceSpan span;  ///< where the block stands in its source (line; bytes when known)
};

/// Builds the document of a markup input from its blocks:
/// - a heading that comes first and is the only one at the top level present is the title
///   (spoken, the first paragraph of chapter 1); else `fallback_title` (front matter, <title>,
///   dc:title) titles the document without being spoken;
/// - headings of the `options.heading_levels` top levels present below the title start chapters;
///   deeper headings are paragraphs; a chapter holding nothing but its heading joins the next;
/// - when `toc_starts` is not empty (an EPUB's table of contents: block index → entry title),
///   those blocks alone start chapters, titled by their entries (an empty title: the block's
///   text); an entry on a block with nothing to say moves to the next block; headings are
///   paragraphs, `fallback_title` titles the document, and a chapter holding nothing but
///   headings joins the next;
/// - with `options.structure.detect_chapters` false, everything is one chapter.
/// Each paragraph is cleaned (text/cleanup) and split into sentences; sentences' source_text is
/// the cleaned text (what the reader sees) and their span the block's.
/// Throws core::Error(kInputEmpty) `<where>: no text to narrate` when no block has anything to say.
core::Document BuildDocument(const std::vector<Block>& blocks, std::string_view where,
                             const ReadOptions& options, std::string_view fallback_title = {},
                             const std::map<std::size_t, std::string>& toc_starts = {});

/// Joins the lines of `text`: no space where a Han (or other wide) character meets another, one
/// space otherwise; blank or white-space-only lines disappear.
std::string JoinSoftLines(std::string_view text);

/// True for a character that takes no space beside another such one when lines join: Han, kana,
/// Hangul and full-width forms.
bool IsWide(char32_t c);

/// `text` without web addresses (http://, https://, www.): a URL is never read aloud.
std::string WithoutUrls(std::string_view text);

}  // namespace langdu::input
