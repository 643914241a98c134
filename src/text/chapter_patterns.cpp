#include "text/chapter_patterns.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <array>
#include <utility>

#include "core/error.h"
#include "core/utf8.h"

namespace langdu::text {
namespace {

using core::Error;
using core::ErrorKind;

#define LANGDU_NUMERAL \
  "([0-9]+|[零〇○一二两兩三四五六七八九十百千]+|[零〇○壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+)"
#define LANGDU_UNIT "[章节節回卷部篇集幕讲講课課则則折话話]"
#define LANGDU_SEPARATOR "[ :：、，,.．—·・|｜_\\-]"
// Scraped texts put a marker before a heading (正文 第一回, 目录 第一章, 正文卷 第三章) or wrap
// its number in brackets (【第一章】).
#define LANGDU_PREFIX "(?:(?:正文卷|正文|目录|目錄|章节目录|VIP章节|vip章节)[ :：·]*)?"
#define LANGDU_OPEN "[【\\[〖「]?"
#define LANGDU_CLOSE "[】\\]〗」]?"

// A heading unit must follow the number directly (第一章, not 第一封信 / 第二天 / 第三者 /
// 第一时间); the rest of the line is the heading's title, after a separator or, for a short
// line without final punctuation, directly (第一章天下大势).
const std::vector<HeadingPattern> kPatterns = {
    {.name = "markdown",
     .regex = "(#{1,6}) +(.+?)[ #]*",
     .rank = 0,
     .level_group = 1,
     .text_group = 2},
    {.name = "chapter",
     .regex = LANGDU_PREFIX "(" LANGDU_OPEN "第 ?" LANGDU_NUMERAL " ?" LANGDU_UNIT LANGDU_CLOSE
                            "(?:" LANGDU_SEPARATOR "+.*)?)",
     .rank = 10,
     .number_group = 2,
     .text_group = 1,
     .line_only = true,
     .allow_final_mark = true},
    {.name = "chapter",
     .regex =
         LANGDU_PREFIX "(" LANGDU_OPEN "第 ?" LANGDU_NUMERAL " ?" LANGDU_UNIT LANGDU_CLOSE ".+)",
     .rank = 10,
     .number_group = 2,
     .text_group = 1,
     .line_only = true},
    {.name = "chapter",
     .regex = "(?i)(?:chapter|卷) ?([0-9]+|[ivxlc]+|[零〇○一二两三四五六七八九十百千]+)\\b(?:[ "
              ".:：—-]+.*)?",
     .rank = 10,
     .line_only = true,
     .allow_final_mark = true},
    // Front and back matter: their own chapters whatever the rank of the other headings.
    {.name = "front-matter",
     .regex =
         "[【\\[〖「]?(?:"
         "序[一二三四五六七八九十]?|序言|序章|序幕|序篇|自序|代序|原序|再版序|新版序|译序|譯序|"
         "译者序|譯者序|前言|前記|前记|引言|引子|楔子|题记|題記|卷首语|卷首語|写在前面|"
         "寫在前面|出版说明|出版說明|出版前言|重印前记|重印前記|重印说明|重印說明|再版前记|"
         "再版說明|再版说明|编者按|編者按|编者的话|編者的話|内容简介|內容簡介|内容提要|"
         "作者简介|作者簡介|后记|後記|后序|後序|跋|尾声|尾聲|结语|結語|终章|終章|大结局|"
         "大結局|译后记|譯後記|编后记|編後記|致谢|致謝|完本感言|"
         "番外篇?[0-9一二三四五六七八九十]*|附[录錄][A-Z0-9一二三四五六七八九十]*"
         ")[】\\]〗」]?(?:[ :：、—·]+.*)?",
     .rank = 10,
     .line_only = true,
     .allow_final_mark = true,
     .any_rank = true},
    {.name = "list",
     .regex = "([一二三四五六七八九十]+)、.*",
     .rank = 20,
     .number_group = 1,
     .sequence = "list"},
    {.name = "point",
     .regex = "第([一二三四五六七八九十]+|[0-9]+)[，,、：:].*",
     .rank = 30,
     .number_group = 1,
     .sequence = "point"},
    {.name = "closing-point",
     .regex = "最后(?:一点)?[，,：:].*",
     .rank = 30,
     .sequence = "point",
     .closes_sequence = true},
};

#undef LANGDU_NUMERAL
#undef LANGDU_UNIT
#undef LANGDU_SEPARATOR
#undef LANGDU_PREFIX
#undef LANGDU_OPEN
#undef LANGDU_CLOSE

struct NumeralChar {
  char32_t c;
  int digit;  ///< 0-9, or -1 for a unit
  int unit;   ///< 10, 100, 1000 for a unit
};

constexpr std::array kNumeralChars = {
    NumeralChar{U'零', 0, 0},     NumeralChar{U'〇', 0, 0},     NumeralChar{U'○', 0, 0},
    NumeralChar{U'一', 1, 0},     NumeralChar{U'壹', 1, 0},     NumeralChar{U'二', 2, 0},
    NumeralChar{U'两', 2, 0},     NumeralChar{U'兩', 2, 0},     NumeralChar{U'贰', 2, 0},
    NumeralChar{U'貳', 2, 0},     NumeralChar{U'三', 3, 0},     NumeralChar{U'叁', 3, 0},
    NumeralChar{U'參', 3, 0},     NumeralChar{U'四', 4, 0},     NumeralChar{U'肆', 4, 0},
    NumeralChar{U'五', 5, 0},     NumeralChar{U'伍', 5, 0},     NumeralChar{U'六', 6, 0},
    NumeralChar{U'陆', 6, 0},     NumeralChar{U'陸', 6, 0},     NumeralChar{U'七', 7, 0},
    NumeralChar{U'柒', 7, 0},     NumeralChar{U'八', 8, 0},     NumeralChar{U'捌', 8, 0},
    NumeralChar{U'九', 9, 0},     NumeralChar{U'玖', 9, 0},     NumeralChar{U'十', -1, 10},
    NumeralChar{U'拾', -1, 10},   NumeralChar{U'百', -1, 100},  NumeralChar{U'佰', -1, 100},
    NumeralChar{U'千', -1, 1000}, NumeralChar{U'仟', -1, 1000},
};

const NumeralChar* FindNumeralChar(char32_t c) {
  for (const NumeralChar& n : kNumeralChars) {
    if (n.c == c) return &n;
  }
  return nullptr;
}

struct RegexError {
  UErrorCode code;
  std::string_view reason;
};

constexpr std::array kRegexErrors = {
    RegexError{U_REGEX_MISMATCHED_PAREN, "mismatched parentheses"},
    RegexError{U_REGEX_MISSING_CLOSE_BRACKET, "missing closing bracket"},
    RegexError{U_REGEX_BAD_ESCAPE_SEQUENCE, "unknown escape sequence"},
    RegexError{U_REGEX_PROPERTY_SYNTAX, "invalid unicode property"},
    RegexError{U_REGEX_BAD_INTERVAL, "invalid {min,max} interval"},
    RegexError{U_REGEX_MAX_LT_MIN, "{min,max} with max below min"},
    RegexError{U_REGEX_INVALID_BACK_REF, "back reference to a missing group"},
    RegexError{U_REGEX_INVALID_RANGE, "invalid character range"},
    RegexError{U_REGEX_RULE_SYNTAX, "syntax error"},
};

std::string RegexErrorReason(UErrorCode code) {
  for (const RegexError& error : kRegexErrors) {
    if (error.code == code) return std::string(error.reason);
  }
  return u_errorName(code);
}

icu::UnicodeString ToUnicode(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

}  // namespace

struct HeadingMatcher::Compiled {
  std::unique_ptr<icu::RegexPattern> pattern;
  std::unique_ptr<icu::RegexMatcher> matcher;  // reused from line to line
};

namespace {

// Every row of the built-in table starts with one of these code points (a prefix, bracket,
// 第, a list numeral, the first character of a front-matter name, #, Chapter): other lines are
// no heading, without running a regular expression.
constexpr std::u32string_view kHeadingStarts =
    U"#第【["
    U"〖「正目章Vv一二三四五六七八九十卷Cc序自代原再新译譯前引楔题題写寫出重编編内內作后後跋尾"
    U"结結终終大致完番附最";

}  // namespace

const std::vector<HeadingPattern>& HeadingPatterns() { return kPatterns; }

HeadingMatcher::HeadingMatcher(std::string_view user_pattern) {
  if (user_pattern.empty()) {
    patterns_ = kPatterns;
  } else {
    patterns_.push_back(HeadingPattern{.name = "user", .regex = user_pattern});
    user_ = true;
  }
  for (const HeadingPattern& row : patterns_) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    auto compiled = std::make_unique<Compiled>();
    compiled->pattern.reset(
        icu::RegexPattern::compile(ToUnicode(row.regex), 0, parse_error, status));
    if (U_FAILURE(status)) {
      if (!user_pattern.empty()) {
        throw Error(ErrorKind::kUsage, "invalid chapter pattern \"" + std::string(user_pattern) +
                                           "\": " + RegexErrorReason(status));
      }
      throw Error(ErrorKind::kInternal, "heading pattern \"" + std::string(row.regex) +
                                            "\": " + RegexErrorReason(status));
    }
    compiled->matcher.reset(compiled->pattern->matcher(status));
    if (U_FAILURE(status)) {
      throw Error(ErrorKind::kInternal, std::string("icu regex matcher: ") + u_errorName(status));
    }
    compiled_.push_back(std::move(compiled));
  }
}

HeadingMatcher::~HeadingMatcher() = default;

std::optional<HeadingMatch> HeadingMatcher::Match(std::string_view line) const {
  if (line.empty()) return std::nullopt;
  if (!user_) {
    std::size_t pos = 0;
    if (kHeadingStarts.find(core::NextCodePoint(line, pos)) == std::u32string_view::npos) {
      return std::nullopt;
    }
  }
  const icu::UnicodeString text = ToUnicode(line);
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    const HeadingPattern& row = patterns_[i];
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexMatcher* matcher = compiled_[i]->matcher.get();
    matcher->reset(text);
    // The built-in rows describe whole lines; a user pattern need only match the line's start.
    const bool matched = user_ ? matcher->lookingAt(status) : matcher->matches(status);
    if (U_FAILURE(status) || !matched) continue;
    if (row.line_only && !HasHeadingShape(line, row.allow_final_mark)) continue;
    HeadingMatch match;
    match.pattern = &row;
    match.rank = row.rank;
    if (row.level_group != 0)
      match.rank +=
          matcher->end(row.level_group, status) - matcher->start(row.level_group, status) - 1;
    if (row.number_group != 0) {
      match.number = ParseNumeral(ToUtf8(matcher->group(row.number_group, status)));
    }
    if (row.text_group != 0) {
      match.text_offset =
          ToUtf8(text.tempSubString(0, matcher->start(row.text_group, status))).size();
    }
    match.standalone =
        row.line_only || row.text_group != 0 || HasHeadingShape(line, /*allow_final_mark=*/false);
    if (U_FAILURE(status)) continue;
    return match;
  }
  return std::nullopt;
}

std::optional<int> ParseNumeral(std::string_view numeral) {
  if (numeral.empty()) return std::nullopt;
  if (numeral.find_first_not_of("0123456789") == std::string_view::npos) {
    if (numeral.size() > 9) return std::nullopt;
    return std::stoi(std::string(numeral));
  }
  bool has_unit = false;
  std::vector<const NumeralChar*> chars;
  for (std::size_t pos = 0; pos < numeral.size();) {
    const NumeralChar* n = FindNumeralChar(core::NextCodePoint(numeral, pos));
    if (n == nullptr) return std::nullopt;
    has_unit = has_unit || n->unit != 0;
    chars.push_back(n);
  }
  int value = 0;
  if (!has_unit) {  // 二〇一九: digit by digit
    if (chars.size() > 9) return std::nullopt;
    for (const NumeralChar* n : chars) value = value * 10 + n->digit;
    return value;
  }
  int digit = -1;
  for (const NumeralChar* n : chars) {
    if (n->unit == 0) {
      digit = n->digit;
    } else {
      value += (digit < 0 ? 1 : digit) * n->unit;  // 十二: a bare 十 is 一十
      digit = -1;
    }
  }
  return value + (digit < 0 ? 0 : digit);
}

bool HasHeadingShape(std::string_view line, bool allow_final_mark) {
  // A heading may exclaim or ask (第一章 出发！) but not end a statement or a clause.
  constexpr std::u32string_view kClauseMarks = U"。，、；：,;:";
  constexpr std::u32string_view kSentenceMarks = U"！？…!?.";
  if (line.empty() || core::CodePointCount(line) > kMaxHeadingCodePoints) return false;
  std::size_t pos = line.size() - 1;
  while (pos > 0 && (static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) --pos;
  std::size_t at = pos;
  const char32_t last = core::NextCodePoint(line, at);
  if (kClauseMarks.find(last) != std::u32string_view::npos) return false;
  return allow_final_mark || kSentenceMarks.find(last) == std::u32string_view::npos;
}

}  // namespace langdu::text
