#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace langdu::text {

/// One row of the chapter-heading table. A line is a heading candidate when `regex` matches it
/// from its start to its end.
struct HeadingPattern {
  std::string_view name = {};   ///< "markdown", "chapter", "front-matter", "list", "point", ...
  std::string_view regex = {};  ///< ICU regular expression, matched against a whole cleaned line
  /// Headings split chapters only at the lowest rank present in a document: a book's 第一章
  /// outranks the 一、 lists inside its chapters.
  int rank = 0;
  int level_group = 0;   ///< capture group whose length adds to the rank (Markdown #), or 0
  int number_group = 0;  ///< capture group holding the heading's number, or 0
  int text_group = 0;    ///< capture group holding the spoken heading text when it is not the line
  /// Candidates of a sequence count only as a run numbered 1, 2, 3... of at least two headings,
  /// so that a stray 一、 or 第二， inside prose does not split a chapter. Empty: no sequence.
  std::string_view sequence = {};
  bool closes_sequence = false;  ///< 最后，: accepted once, right after an accepted sequence
  /// The heading must look like a line of its own (see HasHeadingShape).
  bool line_only = false;
  bool allow_final_mark = false;
  /// Splits a chapter whatever rank the document's chapters have (front and back matter: a
  /// speech split at 一、 still gets its 后记 as a chapter of its own).
  bool any_rank = false;
};

/// Longest line that can stand alone as a heading, in code points.
inline constexpr std::size_t kMaxHeadingCodePoints = 40;

/// The built-in heading table.
const std::vector<HeadingPattern>& HeadingPatterns();

/// A line recognised as a heading candidate.
struct HeadingMatch {
  const HeadingPattern* pattern = nullptr;
  int rank = 0;
  std::optional<int> number;    ///< the heading's number when the pattern has one
  std::size_t text_offset = 0;  ///< bytes of the line before the spoken heading text ("## ")
  bool standalone = false;      ///< the line is the whole heading, not the start of a paragraph
};

/// Matches lines against the built-in table or against one user pattern (--chapter-pattern).
class HeadingMatcher {
 public:
  /// With an empty `user_pattern`, the built-in table. Throws core::Error(kUsage) for a pattern
  /// that does not compile: `invalid chapter pattern "第(": mismatched parentheses`.
  explicit HeadingMatcher(std::string_view user_pattern = {});
  ~HeadingMatcher();
  HeadingMatcher(const HeadingMatcher&) = delete;
  HeadingMatcher& operator=(const HeadingMatcher&) = delete;

  /// The first row that matches the cleaned `line` (no line break), if any.
  std::optional<HeadingMatch> Match(std::string_view line) const;

 private:
  struct Compiled;
  std::vector<HeadingPattern> patterns_;
  std::vector<std::unique_ptr<Compiled>> compiled_;
  bool user_ = false;
};

/// The value of a numeral as headings write it: Arabic (12), Chinese (十二, 一百零五, 二〇一九,
/// 一○○)
/// or financial (壹拾贰). nullopt when `numeral` is not one.
std::optional<int> ParseNumeral(std::string_view numeral);

/// True when a line of this shape can stand alone as a heading: at most kMaxHeadingCodePoints,
/// not ending in 。 or a clause mark, nor (unless `allow_final_mark`) in ！？…
bool HasHeadingShape(std::string_view line, bool allow_final_mark);

}  // namespace langdu::text
