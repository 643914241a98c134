#pragma once

// Internal to text/tn: one matcher per category, each in its own file. A matcher looks at the
// code point `pos` of the sentence and returns the rewrite that starts there, or nullopt.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "text/tn/context.h"

namespace langdu::text::tn {

using Matcher = std::optional<Match> (*)(const Context& ctx, std::size_t pos);

std::optional<Match> MatchListMarker(const Context& ctx, std::size_t pos);   // ordinal.cpp
std::optional<Match> MatchOrdinal(const Context& ctx, std::size_t pos);      // ordinal.cpp
std::optional<Match> MatchUrl(const Context& ctx, std::size_t pos);          // url.cpp
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

/// True when a keyword that announces a code (电话, 邮编, 车次...) stands just before `pos`,
/// possibly followed by ：, 是 or 为. digits.cpp.
bool AfterDigitKeyword(const Context& ctx, std::size_t pos);

/// The sign written at `pos` before a digit: '-' or '−' (-1), '+' (+1), else 0. A '-' after a
/// digit, letter or closing bracket is a dash, not a sign.
int SignAt(const Context& ctx, std::size_t pos);

/// 百分之五点二 for 5.2 (百分之百 for 100). percent.cpp.
std::string SpellPercent(const Context& ctx, const Number& number, std::string_view per = "百分之");

/// A year digit by digit in the configured style (二〇一九). date.cpp.
std::string SpellYear(const Context& ctx, const Number& number);

/// True when a word before `pos` (比分, 以) makes a:b or a-b a score. time.cpp.
bool RatioContext(const Context& ctx, std::size_t pos);

/// The range separators between two numbers: - ~ ～ — – 〜.
bool IsRangeSeparator(char32_t c);

}  // namespace langdu::text::tn
