#include "text/structure.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/punctuation.h"
#include "core/utf8.h"
#include "text/chapter_patterns.h"

namespace langdu::text {
namespace {

using core::Error;
using core::ErrorKind;

constexpr std::size_t kMaxTitleCodePoints = 40;
// A title cut short at a clause mark keeps at least this much, so that 最后，我想再强调的是，……
// is titled 最后，我想再强调的是 rather than 最后.
constexpr std::size_t kMinCutTitleCodePoints = 6;

constexpr std::u32string_view kOpeners = U"“‘「『《〈（(【〔[{";
// A mark inside a book title (《你好！》) ends the title, not the sentence.
constexpr std::u32string_view kTitleClosers = U"》〉";
constexpr std::u32string_view kSentenceMarks = U"。！？!?";
constexpr std::u32string_view kTitleTrailingMarks = U"。！？…，、；：,.!?;:—";
constexpr std::u32string_view kClauseMarks = U"，；：,;:";
// A line ending in one of these (or in a closer) ends its sentence: hard-wrapped text ends most
// lines elsewhere.
constexpr std::u32string_view kLineEndMarks = U"。！？…：；!?.:;";

bool Contains(std::u32string_view set, char32_t c) {
  return set.find(c) != std::u32string_view::npos;
}

char32_t LastCodePoint(std::string_view text) {
  std::size_t pos = text.size() - 1;
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return core::NextCodePoint(text, pos);
}

std::size_t PreviousCodePointStart(std::string_view text, std::size_t pos) {
  do {
    --pos;
  } while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80);
  return pos;
}

bool IsSpeakable(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (u_isalnum(static_cast<UChar32>(core::NextCodePoint(text, pos)))) return true;
  }
  return false;
}

// Han, kana, hangul and full-width forms are written without spaces between words.
bool IsWide(char32_t c) {
  return core::IsHan(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

// Markers of list items and quotes in plain text and Markdown: not spoken, and an item starts a
// paragraph even inside a block.
constexpr std::array<std::string_view, 6> kItemMarkers = {"- ", "* ", "+ ", "> ", "• ", "· "};

struct LineInfo {
  std::size_t begin = 0;  ///< in the cleaned text
  std::size_t end = 0;
  std::optional<HeadingMatch> heading = {};
  bool accepted = false;
  std::size_t text_offset = 0;  ///< bytes before the spoken text: a Markdown "## ", at any level
  bool item = false;            ///< starts with a list or quote marker
  bool indented = false;        ///< white space before the text in the input (　　, spaces, tab)
  std::size_t columns = 0;      ///< display width in the input: indentation and text, CJK as 2
  bool joins_next = false;      ///< hard-wrapped: the next line continues this one's paragraph
  bool empty() const { return begin == end; }
};

std::vector<LineInfo> SplitLines(std::string_view text) {
  std::vector<LineInfo> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(LineInfo{begin, end});
    begin = end + 1;
  }
  return lines;
}

// Sequence headings count only in runs numbered 1, 2, 3... of two or more; a closing heading
// (最后，) counts right after such a run.
void AcceptSequences(std::vector<LineInfo>& lines) {
  struct Chain {
    std::vector<std::size_t> members;
    bool Accept(std::vector<LineInfo>& lines) {
      const bool ok = members.size() >= 2;
      if (ok) {
        for (std::size_t i : members) lines[i].accepted = true;
      }
      members.clear();
      return ok;
    }
  };
  std::map<std::string_view, Chain> chains;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].heading) continue;
    const HeadingPattern& pattern = *lines[i].heading->pattern;
    if (pattern.sequence.empty()) {
      lines[i].accepted = true;
      continue;
    }
    Chain& chain = chains[pattern.sequence];
    if (pattern.closes_sequence) {
      lines[i].accepted = chain.Accept(lines);
      continue;
    }
    const std::optional<int> number = lines[i].heading->number;
    if (!number) continue;
    if (*number == static_cast<int>(chain.members.size()) + 1) {
      chain.members.push_back(i);
    } else if (*number == 1) {
      chain.Accept(lines);
      chain.members.push_back(i);
    }
  }
  for (auto& [name, chain] : chains) chain.Accept(lines);
}

bool UsesBlankLineParagraphs(const std::vector<LineInfo>& lines, std::string_view text) {
  bool blank_between = false;
  bool seen_text = false;
  bool blank_pending = false;
  int joined = 0;
  int wrapped = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      blank_pending = seen_text;
      continue;
    }
    blank_between = blank_between || blank_pending;
    blank_pending = false;
    seen_text = true;
    if (i + 1 >= lines.size() || lines[i + 1].empty() || lines[i + 1].item || lines[i].accepted) {
      continue;
    }
    ++joined;
    const char32_t last = LastCodePoint(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
    if (!Contains(kLineEndMarks, last) && !core::IsCloser(last)) ++wrapped;
  }
  return blank_between && wrapped * 2 > joined;
}

int Columns(char32_t c) { return IsWide(c) ? 2 : 1; }

// Indentation and display width of each line, measured in the decoded input: cleanup trimmed
// the indentation, which marks where paragraphs start in hard-wrapped text.
void MeasureLines(std::vector<LineInfo>& lines, const CleanText& clean, std::string_view decoded) {
  const std::string_view text = clean.text;
  for (LineInfo& line : lines) {
    if (line.empty()) continue;
    const std::size_t source = clean.source_offsets[line.begin];
    std::size_t start = source;
    while (start > 0 && decoded[start - 1] != '\n' && decoded[start - 1] != '\r') --start;
    line.indented = start < source;
    std::size_t columns = 0;
    for (std::size_t pos = start; pos < source;) {
      const char32_t c = core::NextCodePoint(decoded, pos);
      columns += c == '\t' ? 4 : static_cast<std::size_t>(Columns(c));
    }
    for (std::size_t pos = line.begin; pos < line.end;) {
      columns += static_cast<std::size_t>(Columns(core::NextCodePoint(text, pos)));
    }
    line.columns = columns;
  }
}

// Hard wrapping without blank lines between paragraphs: most lines end at one width (the mode
// of the line widths, at least kMinWrapColumns), and hardly any line is wider. A line "full" to
// that width continues in the next line; so does, when paragraphs are marked by indentation, a
// line followed by an unindented one unless it ends a sentence. Short lines that end in
// punctuation (verse, song lyrics, dialogue) stay lines of their own.
constexpr std::size_t kMinWrapColumns = 20;

void DetectHardWrapping(std::vector<LineInfo>& lines, std::string_view text) {
  std::map<std::size_t, std::size_t> widths;
  std::size_t counted = 0;
  std::size_t indented = 0;
  for (const LineInfo& line : lines) {
    if (line.empty() || line.heading) continue;
    ++counted;
    if (line.indented) ++indented;
    if (line.columns >= kMinWrapColumns) ++widths[line.columns];
  }
  if (counted < 8 || widths.empty()) return;
  // The wrap width: the widest of the two most common widths (a width one column short is
  // common when a wide character did not fit).
  std::size_t mode = 0;
  std::size_t mode_count = 0;
  for (const auto& [width, count] : widths) {
    if (count >= mode_count) {
      mode = width;
      mode_count = count;
    }
  }
  if (widths.contains(mode + 1) && widths[mode + 1] * 3 >= mode_count) ++mode;
  const std::size_t tolerance = std::max<std::size_t>(2, mode / 10);
  std::size_t full = 0;
  std::size_t wider = 0;
  for (const auto& [width, count] : widths) {
    if (width + tolerance >= mode && width <= mode) full += count;
    if (width > mode + 2) wider += count;
  }
  if (full < 5 || full * 10 < counted * 3 || wider * 20 > counted) return;
  const bool indent_marks_paragraphs = indented * 20 >= counted && indented * 10 <= counted * 7;

  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const LineInfo& line = lines[i];
    const LineInfo& next = lines[i + 1];
    if (line.empty() || next.empty() || line.heading || next.heading || next.item) continue;
    const char32_t last = LastCodePoint(text.substr(line.begin, line.end - line.begin));
    const bool narrow_end = !IsWide(last);
    // Latin text wraps at spaces, so a full line can be much shorter than the width; a line of
    // Han is full when not one more character fits.
    const bool is_full = line.columns + (narrow_end ? mode / 3 : 2) >= mode;
    const bool ends_sentence = Contains(kLineEndMarks, last) || core::IsCloser(last);
    if (indent_marks_paragraphs) {
      lines[i].joins_next = !next.indented && (is_full || !ends_sentence);
    } else {
      lines[i].joins_next = is_full;
    }
  }
}

/// A paragraph's cleaned text and, per byte, its offset in the decoded input.
struct ParagraphText {
  std::string text;
  std::vector<std::uint32_t> offsets;  ///< text.size() + 1 entries
};

struct Draft {
  std::vector<std::size_t> lines;
  bool heading = false;
  bool title = false;
};

ParagraphText JoinLines(const Draft& draft, const std::vector<LineInfo>& lines,
                        const CleanText& clean) {
  ParagraphText paragraph;
  for (std::size_t k = 0; k < draft.lines.size(); ++k) {
    const LineInfo& line = lines[draft.lines[k]];
    const std::size_t begin = line.begin + (k == 0 ? line.text_offset : 0);
    const std::string_view piece(clean.text.data() + begin, line.end - begin);
    if (k > 0 && !paragraph.text.empty() && !piece.empty()) {
      const char32_t before = LastCodePoint(paragraph.text);
      std::size_t at = 0;
      const char32_t after = core::NextCodePoint(piece, at);
      if (!IsWide(before) && !IsWide(after)) {
        paragraph.text += ' ';
        paragraph.offsets.push_back(clean.source_offsets[lines[draft.lines[k - 1]].end]);
      }
    }
    paragraph.text += piece;
    const std::span<const std::uint32_t> offsets(clean.source_offsets);
    const auto line_offsets = offsets.subspan(begin, line.end - begin);
    paragraph.offsets.insert(paragraph.offsets.end(), line_offsets.begin(), line_offsets.end());
  }
  const std::size_t last_end = lines[draft.lines.back()].end;
  paragraph.offsets.push_back(clean.source_offsets[last_end]);
  return paragraph;
}

/// Sentence ranges of a paragraph: ICU's zh sentence break, with quotes and brackets moved to
/// the sentence they belong to.
class SentenceSplitter {
 public:
  SentenceSplitter() {
    UErrorCode status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) {
      throw Error(ErrorKind::kInternal, std::string("icu sentence break: ") + u_errorName(status));
    }
  }

  std::vector<std::pair<std::size_t, std::size_t>> Split(std::string_view text) {
    icu::UnicodeString units;
    std::vector<std::size_t> byte_of_unit;
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t start = pos;
      const char32_t c = core::NextCodePoint(text, pos);
      units.append(static_cast<UChar32>(c));
      byte_of_unit.resize(static_cast<std::size_t>(units.length()), start);
    }
    byte_of_unit.push_back(text.size());
    breaker_->setText(units);

    std::vector<std::size_t> bounds = {0};
    for (int32_t b = breaker_->next(); b != icu::BreakIterator::DONE; b = breaker_->next()) {
      std::size_t at = byte_of_unit[static_cast<std::size_t>(b)];
      while (at < text.size()) {
        std::size_t next = at;
        const char32_t c = core::NextCodePoint(text, next);
        if (!core::IsCloser(c) && !Contains(kSentenceMarks, c)) break;
        at = next;
      }
      while (at > bounds.back()) {
        const std::size_t previous = PreviousCodePointStart(text, at);
        std::size_t pos = previous;
        const char32_t c = core::NextCodePoint(text, pos);
        if (!Contains(kOpeners, c) && c != ' ') break;
        at = previous;
      }
      if (at > bounds.back() && at < text.size() &&
          !Contains(kTitleClosers, LastCodePoint(text.substr(0, at)))) {
        bounds.push_back(at);
      }
    }
    bounds.push_back(text.size());

    std::vector<std::pair<std::size_t, std::size_t>> sentences;
    // A punctuation-only piece before the first sentence joins it; kNone: there is none.
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    std::size_t carried_begin = kNone;
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
      std::size_t begin = bounds[i];
      std::size_t end = bounds[i + 1];
      while (begin < end && text[begin] == ' ') ++begin;
      while (end > begin && text[end - 1] == ' ') --end;
      if (begin == end) continue;
      if (!IsSpeakable(text.substr(begin, end - begin))) {
        if (!sentences.empty()) {
          sentences.back().second = end;
        } else if (carried_begin == kNone) {
          carried_begin = begin;
        }
        continue;
      }
      sentences.emplace_back(carried_begin == kNone ? begin : carried_begin, end);
      carried_begin = kNone;
    }
    return sentences;
  }

 private:
  std::unique_ptr<icu::BreakIterator> breaker_;
};

/// Line and column of byte offsets in the decoded input. Lines end at LF, CR LF or CR, as the
/// decode stage counts them.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
        starts_.push_back(i + 1);
      }
    }
  }

  std::pair<int, int> LineAndColumn(std::size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
    const std::size_t column = core::CodePointCount(text_.substr(*it, offset - *it)) + 1;
    return {static_cast<int>(it - starts_.begin()) + 1, static_cast<int>(column)};
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

core::SourceSpan SpanOf(std::size_t begin, std::size_t end, const LineIndex& index) {
  const auto [line, column] = index.LineAndColumn(begin);
  return core::SourceSpan{line, column, begin, end - begin};
}

// The end of a source range, less the white space and silent characters that cleanup removed.
std::size_t TrimSourceEnd(std::string_view decoded, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const std::size_t previous = PreviousCodePointStart(decoded, end);
    std::size_t pos = previous;
    if (!IsSilent(core::NextCodePoint(decoded, pos))) break;
    end = previous;
  }
  return end;
}

std::string StripTrailingMarks(std::string text) {
  while (!text.empty() && Contains(kTitleTrailingMarks, LastCodePoint(text))) {
    text.resize(PreviousCodePointStart(text, text.size()));
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// A chapter title from a sentence: without final punctuation; a long one is cut at its first
// clause mark past kMinCutTitleCodePoints, or else after kMaxTitleCodePoints with "…".
std::string ShortTitle(std::string_view sentence) {
  std::string title = StripTrailingMarks(std::string(sentence));
  if (core::CodePointCount(title) <= kMaxTitleCodePoints) return title;
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < title.size() && count < kMaxTitleCodePoints; ++count) {
    const std::size_t start = pos;
    const char32_t c = core::NextCodePoint(title, pos);
    if (Contains(kClauseMarks, c) && count >= kMinCutTitleCodePoints) return title.substr(0, start);
    if (count + 1 == kMaxTitleCodePoints) return title.substr(0, pos) + "…";
  }
  return title;
}

bool HasTitleShape(std::string_view line) {
  return core::CodePointCount(line) <= kMaxTitleCodePoints && IsSpeakable(line) &&
         !Contains(kTitleTrailingMarks, LastCodePoint(line));
}

struct BuiltParagraph {
  core::Paragraph paragraph;
  bool heading = false;
  bool title = false;
  bool standalone = false;
};

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> SplitSentences(std::string_view paragraph) {
  thread_local SentenceSplitter splitter;
  return splitter.Split(paragraph);
}

std::string ChapterTitle(std::string_view sentence) { return ShortTitle(sentence); }

std::string WithoutTrailingMarks(std::string_view text) {
  return StripTrailingMarks(std::string(text));
}

bool HasSpeakableText(std::string_view text) { return IsSpeakable(text); }

core::Document ParseStructure(const CleanText& clean, std::string_view decoded,
                              std::string_view where, const StructureOptions& options) {
  const std::string_view text = clean.text;
  const HeadingMatcher matcher(options.chapter_pattern);
  std::vector<LineInfo> lines = SplitLines(text);
  if (options.detect_chapters) {
    for (LineInfo& line : lines) {
      line.heading = matcher.Match(text.substr(line.begin, line.end - line.begin));
      if (line.heading) line.text_offset = line.heading->text_offset;
    }
    AcceptSequences(lines);
  }
  for (LineInfo& line : lines) {
    const std::string_view line_text = text.substr(line.begin, line.end - line.begin);
    for (std::string_view marker : kItemMarkers) {
      if (line.text_offset == 0 && line_text.size() > marker.size() &&
          line_text.starts_with(marker)) {
        line.item = true;
        line.text_offset = marker.size();
      }
    }
  }
  for (LineInfo& line : lines) {
    if (!line.accepted) line.heading.reset();
  }

  const auto first =
      std::find_if(lines.begin(), lines.end(), [](const LineInfo& line) { return !line.empty(); });
  if (first == lines.end())
    throw Error(ErrorKind::kInputEmpty, std::string(where) + ": no text to narrate");
  const std::size_t first_index = static_cast<std::size_t>(first - lines.begin());

  // Title: a Markdown heading alone at its level, or a short unpunctuated first line that is not
  // a heading.
  bool has_title = false;
  {
    const LineInfo& line = *first;
    const std::string_view line_text =
        text.substr(line.begin + line.text_offset, line.end - line.begin - line.text_offset);
    const bool more_text =
        std::any_of(first + 1, lines.end(), [](const LineInfo& l) { return !l.empty(); });
    bool heading_ok = !line.heading;
    if (line.heading && line.heading->pattern->level_group != 0) {
      heading_ok = std::none_of(first + 1, lines.end(), [&](const LineInfo& l) {
        return l.heading && l.heading->rank <= line.heading->rank;
      });
    }
    has_title = more_text && heading_ok && HasTitleShape(line_text);
  }

  int chapter_rank = std::numeric_limits<int>::max();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].heading && !lines[i].heading->pattern->any_rank &&
        !(has_title && i == first_index)) {
      chapter_rank = std::min(chapter_rank, lines[i].heading->rank);
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].heading && lines[i].heading->rank != chapter_rank &&
        !lines[i].heading->pattern->any_rank && !(has_title && i == first_index)) {
      lines[i].heading.reset();
      lines[i].accepted = false;
    }
  }

  const bool blank_line_mode = UsesBlankLineParagraphs(lines, text);
  if (!blank_line_mode) {
    MeasureLines(lines, clean, decoded);
    DetectHardWrapping(lines, text);
    // A first line that wraps into the next is prose, not a title.
    if (has_title && lines[first_index].joins_next) has_title = false;
  }
  if (has_title && blank_line_mode && first_index + 1 < lines.size() &&
      !lines[first_index + 1].empty()) {
    has_title = false;
  }

  std::vector<Draft> drafts;
  {
    Draft current;
    const auto close = [&] {
      if (!current.lines.empty()) drafts.push_back(std::move(current));
      current = Draft{};
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const LineInfo& line = lines[i];
      if (line.empty()) {
        close();
        continue;
      }
      const bool is_title = has_title && i == first_index;
      const bool is_heading = !is_title && line.heading.has_value();
      const bool continues = blank_line_mode || (i > 0 && lines[i - 1].joins_next);
      if (!continues || is_title || is_heading || line.item) close();
      current.lines.push_back(i);
      current.title = current.title || is_title;
      current.heading = current.heading || is_heading;
      if (is_title || (is_heading && line.heading->standalone)) close();
    }
    close();
  }

  SentenceSplitter splitter;
  const LineIndex line_index(decoded);
  std::vector<BuiltParagraph> paragraphs;
  for (const Draft& draft : drafts) {
    const ParagraphText paragraph_text = JoinLines(draft, lines, clean);
    BuiltParagraph built;
    built.heading = draft.heading;
    built.title = draft.title;
    built.standalone =
        draft.title || (draft.heading && lines[draft.lines.front()].heading->standalone);
    for (const auto& [begin, end] : splitter.Split(paragraph_text.text)) {
      core::Sentence sentence;
      sentence.text = paragraph_text.text.substr(begin, end - begin);
      const std::size_t source_begin = paragraph_text.offsets[begin];
      const std::size_t source_end =
          TrimSourceEnd(decoded, source_begin, paragraph_text.offsets[end]);
      sentence.source_text = std::string(decoded.substr(source_begin, source_end - source_begin));
      sentence.span = SpanOf(source_begin, source_end, line_index);
      built.paragraph.sentences.push_back(std::move(sentence));
    }
    if (built.paragraph.sentences.empty()) continue;
    const core::SourceSpan& first_span = built.paragraph.sentences.front().span;
    const core::SourceSpan& last_span = built.paragraph.sentences.back().span;
    built.paragraph.span = first_span;
    built.paragraph.span.byte_length =
        last_span.byte_offset + last_span.byte_length - first_span.byte_offset;
    paragraphs.push_back(std::move(built));
  }
  if (paragraphs.empty())
    throw Error(ErrorKind::kInputEmpty, std::string(where) + ": no text to narrate");

  core::Document document;
  struct ChapterDraft {
    core::Chapter chapter;
    bool heading_only = true;
  };
  std::vector<ChapterDraft> chapters;
  for (BuiltParagraph& built : paragraphs) {
    const auto whole_text = [&] {
      std::string whole;
      for (const core::Sentence& s : built.paragraph.sentences) whole += s.text;
      return whole;
    };
    if (built.title) document.title = StripTrailingMarks(whole_text());
    if (built.heading || chapters.empty()) {
      ChapterDraft draft;
      if (built.heading) {
        draft.chapter.title = built.standalone ? ShortTitle(whole_text())
                                               : ShortTitle(built.paragraph.sentences.front().text);
      }
      draft.heading_only = built.standalone;
      chapters.push_back(std::move(draft));
    } else {
      chapters.back().heading_only = false;
    }
    chapters.back().chapter.paragraphs.push_back(std::move(built.paragraph));
  }
  if (chapters.front().chapter.title.empty()) {
    const core::Chapter& opening = chapters.front().chapter;
    chapters.front().chapter.title =
        !document.title.empty() ? document.title
                                : ShortTitle(opening.paragraphs.front().sentences.front().text);
  }
  for (std::size_t i = 0; i + 1 < chapters.size(); ++i) {
    if (!chapters[i].heading_only) continue;
    auto& moved = chapters[i].chapter.paragraphs;
    auto& next = chapters[i + 1].chapter.paragraphs;
    next.insert(next.begin(), std::make_move_iterator(moved.begin()),
                std::make_move_iterator(moved.end()));
    moved.clear();
  }
  for (ChapterDraft& draft : chapters) {
    if (draft.chapter.paragraphs.empty()) continue;
    draft.chapter.number = static_cast<int>(document.chapters.size()) + 1;
    document.chapters.push_back(std::move(draft.chapter));
  }
  return document;
}

}  // namespace langdu::text
