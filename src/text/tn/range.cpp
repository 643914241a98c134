#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

constexpr char32_t kRangeSeparators[] = {U'-', U'~', U'～', U'—', U'–', U'〜'};

// Words after a range of four-digit numbers that make both ends years: 2019-2020年.
constexpr std::u32string_view kYearWords[] = {U"年", U"学年", U"赛季", U"财年", U"年度"};

bool IsPercentSign(char32_t c) { return c == U'%' || c == U'％'; }

// One end of a range: a number, and a percent sign or a unit written after it.
struct Operand {
  Number number;
  bool percent = false;
  std::optional<Unit> unit;
  std::size_t end = 0;
};

std::optional<Operand> ScanOperand(const Context& ctx, std::size_t i) {
  const std::optional<Number> number = ctx.ScanNumber(i);
  if (!number || number->integer.size() > 12) return std::nullopt;
  Operand operand{*number, false, std::nullopt, number->end};
  if (IsPercentSign(ctx.At(operand.end))) {
    operand.percent = true;
    ++operand.end;
  } else if (std::optional<Unit> unit = MatchUnit(ctx, operand.end)) {
    operand.unit = unit;
    operand.end = unit->end;
  }
  return operand;
}

double ValueOf(const Number& number) {
  return std::stod(number.integer + (number.fraction.empty() ? "" : "." + number.fraction));
}

bool IsYear(const Number& number) {
  return number.IsInteger() && number.integer.size() == 4 && number.integer[0] != '0';
}

// 第20行-30行, 5万-10万, 第3页-第5页: the same word after both numbers. nullopt unless the word
// (one to three Han characters) follows both.
std::optional<Match> RangeWithWords(const Context& ctx, std::size_t start, const Number& left) {
  constexpr std::size_t kMaxWord = 3;
  const bool ordinal = ctx.EndsWith(start, U"第");
  for (std::size_t length = 1; length <= kMaxWord; ++length) {
    const std::size_t word_end = left.end + length;
    if (!ctx.IsHan(word_end - 1)) return std::nullopt;
    const char32_t dash = ctx.At(word_end);
    if (!IsRangeSeparator(dash)) continue;
    std::size_t right_at = SeparatorEnd(ctx, word_end);
    const bool right_ordinal = ordinal && ctx.At(right_at) == U'第';
    if (right_ordinal) ++right_at;
    const std::optional<Number> right = ctx.ScanNumber(right_at);
    if (!right || right->integer.size() > 12 || left.integer.size() > 12) return std::nullopt;
    const std::u32string_view word = ctx.text().substr(left.end, length);
    if (!ctx.StartsWith(right->end, word)) return std::nullopt;
    if (dash == U'-' && ValueOf(left) > ValueOf(right.value())) return std::nullopt;
    const std::string written_word = ctx.Utf8(left.end, word_end);
    const bool measure = !ordinal && MeasureWordAt(ctx, left.end);
    std::string spoken = ctx.SpellNumber(left, measure) + written_word + "到";
    if (right_ordinal) spoken += "第";
    spoken += ctx.SpellNumber(*right, measure) + written_word;
    return Match{right->end + length, std::move(spoken),
                 "range: " + written_word + "到" + written_word};
  }
  return std::nullopt;
}

}  // namespace

std::size_t SeparatorEnd(const Context& ctx, std::size_t i) {
  // Cleanup writes a dash between words as ——.
  return ctx.At(i) == U'—' && ctx.At(i + 1) == U'—' ? i + 2 : i + 1;
}

bool IsRangeSeparator(char32_t c) {
  return std::find(std::begin(kRangeSeparators), std::end(kRangeSeparators), c) !=
         std::end(kRangeSeparators);
}

std::optional<Match> MatchRange(const Context& ctx, std::size_t pos) {
  // -5~3℃: the first end may be below zero.
  const bool negative = SignAt(ctx, pos) < 0;
  const std::size_t start = negative ? pos + 1 : pos;
  if (!ctx.IsDigit(start) || ctx.LatinBefore(pos)) return std::nullopt;
  const std::optional<Operand> left = ScanOperand(ctx, start);
  if (!left) return std::nullopt;
  const std::size_t separator = left->end;
  const char32_t dash = ctx.At(separator);
  if (!IsRangeSeparator(dash)) {
    if (negative || left->percent || left->unit) return std::nullopt;
    return RangeWithWords(ctx, start, left->number);
  }
  const std::size_t right_begin =
      dash == U'-' ? separator + 1 : ctx.SkipSpaces(SeparatorEnd(ctx, separator));
  const std::optional<Operand> right = ScanOperand(ctx, right_begin);
  if (!right) return std::nullopt;
  // 以3-2获胜, 2-1战胜: a score.
  if (dash == U'-' && !negative && left->number.IsInteger() && right->number.IsInteger() &&
      !left->unit && !right->unit && !left->percent && !right->percent) {
    if (std::optional<std::string> trigger = RatioContext(ctx, pos, right->end)) {
      return Match{right->end,
                   ctx.SpellNumber(left->number) + "比" + ctx.SpellNumber(right->number),
                   std::move(*trigger)};
    }
  }
  // 1-2-3 is a code; 3-5 with the larger number first is not a range (a score, a code).
  if (IsRangeSeparator(ctx.At(right->end)) && ctx.IsDigit(right->end + 1)) return std::nullopt;
  if (ctx.IsLatin(right->end) || ctx.IsDigit(right->end)) return std::nullopt;
  if (dash == U'-' && (negative || ValueOf(left->number) >= ValueOf(right->number))) {
    return std::nullopt;
  }
  if (left->percent && !right->percent) return std::nullopt;

  std::string spoken;
  if (negative && (right->percent || IsYear(left->number))) return std::nullopt;
  if (right->percent) {
    spoken = SpellPercent(ctx, left->number) + "到" + SpellPercent(ctx, right->number);
  } else if (IsYear(left->number) && IsYear(right->number) && !left->unit && !right->unit &&
             (FindWordAt(ctx, right->end, kYearWords) ||
              (!MeasureWordAt(ctx, right->end) && left->number.integer < "2100" &&
               right->number.integer < "2100" && left->number.integer >= "1000"))) {
    spoken = SpellYear(ctx, left->number) + "到" + SpellYear(ctx, right->number);
  } else {
    const bool ordinal = ctx.EndsWith(start, U"第");
    const bool measure =
        !ordinal && (right->unit ? right->unit->liang : MeasureWordAt(ctx, right->end));
    if (negative) spoken = right->unit && right->unit->temperature ? "零下" : "负";
    spoken += ctx.SpellNumber(left->number, measure);
    if (left->unit) spoken += left->unit->spoken;
    spoken += "到" + ctx.SpellNumber(right->number, measure);
    if (right->unit) spoken += right->unit->spoken;
  }
  return Match{right->end, std::move(spoken), "range"};
}

}  // namespace langdu::text::tn
