#pragma once

// Internal to text/tn: one matcher per category, each in its own file. A matcher looks at the
// code point `pos` of the sentence and returns the rewrite that starts there, or nullopt.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/author_marks.h"
#include "text/tn/context.h"

namespace langdu::text::tn {

using Matcher = std::optional<Match> (*)(const Context& ctx, std::size_t pos);

std::optional<Match> MatchListMarker(const Context& ctx, std::size_t pos);   // ordinal.cpp
std::optional<Match> MatchOrdinal(const Context& ctx, std::size_t pos);      // ordinal.cpp
std::optional<Match> MatchUrl(const Context& ctx, std::size_t pos);          // url.cpp
std::optional<Match> MatchLatinWord(const Context& ctx, std::size_t pos);    // latin.cpp
std::optional<Match> MatchPlaceholder(const Context& ctx, std::size_t pos);  // symbols.cpp
std::optional<Match> MatchMath(const Context& ctx, std::size_t pos);         // symbols.cpp
std::optional<Match> MatchSymbol(const Context& ctx, std::size_t pos);       // symbols.cpp
std::optional<Match> MatchPhone(const Context& ctx, std::size_t pos);        // digits.cpp
std::optional<Match> MatchDigitString(const Context& ctx, std::size_t pos);  // digits.cpp
std::optional<Match> MatchVersion(const Context& ctx, std::size_t pos);      // digits.cpp
std::optional<Match> MatchDate(const Context& ctx, std::size_t pos);         // date.cpp
std::optional<Match> MatchTime(const Context& ctx, std::size_t pos);         // time.cpp
std::optional<Match> MatchRange(const Context& ctx, std::size_t pos);        // range.cpp
std::optional<Match> MatchMoney(const Context& ctx, std::size_t pos);        // money.cpp
std::optional<Match> MatchPercent(const Context& ctx, std::size_t pos);      // percent.cpp
std::optional<Match> MatchFraction(const Context& ctx, std::size_t pos);     // fraction.cpp
std::optional<Match> MatchMeasure(const Context& ctx, std::size_t pos);      // measure.cpp
std::optional<Match> MatchCardinal(const Context& ctx, std::size_t pos);     // cardinal.cpp

/// A unit of measure written at `i` (km, ℃, m²...), from the unit table in measure.cpp.
struct Unit {
  std::size_t end = 0;
  std::string_view spoken;
  bool liang = false;        ///< a bare 2 before it is 两 (两公里), not 二 (二摄氏度)
  bool temperature = false;  ///< below zero is 零下
};
std::optional<Unit> MatchUnit(const Context& ctx, std::size_t i);

/// True when a measure word (个, 位, 天, 万...) that makes a bare 2 read 两 starts at `i`
/// (spaces skipped). Table in cardinal.cpp.
bool MeasureWordAt(const Context& ctx, std::size_t i);

/// What a trigger word next to a number decides (the tables are in triggers.cpp).
enum class Reading {
  kCode,   ///< digit by digit (拨打96120, 502室)
  kYear,   ///< a year (97年出生, 2021届)
  kScore,  ///< a score or ratio, 比 (2-1战胜, 比分3:2)
};

/// The trigger word of `reading` that stands just before the number at [begin, end) (for codes,
/// possibly followed by ：, 是, 为 or 号) or just after it; returns the rule name that names the
/// word ("code: after 拨打", "score: before 战胜"), or nullopt. triggers.cpp.
std::optional<std::string> FindTrigger(const Context& ctx, Reading reading, std::size_t begin,
                                       std::size_t end);

/// "year: before 会" when an event word (会, 奥运, 世界杯, 节…) follows within a few Han characters
/// from `end`: 2022北京冬奥会. triggers.cpp.
std::optional<std::string> EventAfter(const Context& ctx, std::size_t end);

/// The sign written at `pos` before a digit: '-' or '−' (-1), '+' (+1), else 0. A '-' after a
/// digit, letter or closing bracket is a dash, not a sign.
int SignAt(const Context& ctx, std::size_t pos);

/// 百分之五点二 for 5.2 (百分之百 for 100). percent.cpp.
std::string SpellPercent(const Context& ctx, const Number& number, std::string_view per = "百分之");

/// A year digit by digit in the configured style (二〇一九). date.cpp.
std::string SpellYear(const Context& ctx, const Number& number);

/// The rule name when a word before `begin` (比分, 以) or after `end` (战胜, 战平) makes the a:b
/// or a-b at [begin, end) a score. time.cpp.
std::optional<std::string> RatioContext(const Context& ctx, std::size_t begin, std::size_t end);

/// A stretch read as the author asked (SSML say-as), and the rule that names it.
struct SaidAs {
  std::string spoken;
  std::string rule;
};
SaidAs ReadAs(const Context& ctx, core::SayAs say_as);  // say_as.cpp

/// The spoken form of the whole of `ctx`, by the ordinary rules (normalizer.cpp).
std::string NormalizeSpan(const Context& ctx);

/// The range separators between two numbers: - ~ ～ — – 〜.
bool IsRangeSeparator(char32_t c);

/// Where the range separator at `i` ends: after one code point, or after the two of ——. range.cpp.
std::size_t SeparatorEnd(const Context& ctx, std::size_t i);

}  // namespace langdu::text::tn
