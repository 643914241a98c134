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

}  // namespace

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
  if (!IsRangeSeparator(dash)) return std::nullopt;
  const std::size_t right_begin = dash == U'-' ? separator + 1 : ctx.SkipSpaces(separator + 1);
  const std::optional<Operand> right = ScanOperand(ctx, right_begin);
  if (!right) return std::nullopt;
  // 以3-2获胜: a score.
  if (dash == U'-' && !negative && RatioContext(ctx, pos) && left->number.IsInteger() &&
      right->number.IsInteger() && !left->unit && !right->unit && !left->percent &&
      !right->percent) {
    return Match{right->end, ctx.SpellNumber(left->number) + "比" + ctx.SpellNumber(right->number),
                 "ratio"};
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
