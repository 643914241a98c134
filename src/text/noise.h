#pragma once

#include <string>
#include <vector>

#include "text/cleanup.h"
#include "text/structure.h"

namespace langdu::text {

/// A line left out of a plain text as scraper noise.
struct SkippedLine {
  std::string kind;  ///< a row name of the noise table: "update-time", "word-count", ...
  int line = 0;      ///< 1-based, in the decoded input
  std::string text;  ///< the cleaned line
};

/// A cleaned text with its noise lines taken out, and what was taken.
struct Denoised {
  CleanText clean;
  std::vector<SkippedLine> skipped;
};

/// Takes out the lines that web-scraped novels carry but no reader reads aloud, each matched
/// whole by a row of one table (src/text/noise.cpp): update times (更新时间：2023-05-01),
/// word counts (本章字数：3012), chapter ends (本章完, 未完待续), pleas for votes and tips
/// (求月票！), and site lines (a bare web address, 请记住本站网址…, 手机用户请访问…).
/// A line is only noise when it is short (at most 60 code points), so prose that mentions a
/// web site stays.
///
/// With `structure.detect_chapters`, a table of contents goes too (kind "toc"): a 目录 / 目錄 /
/// Contents line right before a heading, and, in a run of heading lines with nothing but blank
/// lines between them, each heading whose line comes again later (the chapter it lists).
/// Headings are those of `structure` (the built-in table or the user's pattern).
///
/// The source offsets of the remaining text are kept. Throws core::Error(kUsage) for an invalid
/// chapter pattern.
Denoised DropNoiseLines(CleanText clean, const StructureOptions& structure = {});

}  // namespace langdu::text
