#include <algorithm>
#include <iterator>
#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// After "2000年" these words make it a length of time (两千年来), not the year 2000.
constexpr std::u32string_view kQuantityAfterYear[] = {U"来",   U"多",   U"之久",   U"左右",
                                                      U"历史", U"时间", U"光阴",   U"之后",
                                                      U"以后", U"前后", U"的历史", U"有余"};
// Before "2000年" these words make it a length of time (近两千年, 长达两千年).
constexpr std::u32string_view kQuantityBeforeYear[] = {U"近",   U"约",   U"长达", U"历时", U"历经",
                                                       U"经过", U"用了", U"花了", U"足足", U"整整",
                                                       U"大约", U"将近", U"超过"};
// Separators of numeric dates: 2020-03-05, 2020/3/5, 2020.03.05.
constexpr char32_t kDateSeparators[] = {U'-', U'/', U'.'};

struct Digits {
  std::size_t end = 0;
  int value = 0;
  std::string text;
};

// One to `max_digits` digits at `i`, not followed by another digit.
std::optional<Digits> ScanDigits(const Context& ctx, std::size_t i, std::size_t min_digits,
                                 std::size_t max_digits) {
  const std::size_t run = ctx.DigitRun(i);
  if (run < min_digits || run > max_digits) return std::nullopt;
  Digits digits;
  digits.end = i + run;
  digits.text = ctx.Utf8(i, i + run);
  for (char c : digits.text) digits.value = digits.value * 10 + (c - '0');
  return digits;
}

std::string SpellSmall(const Context& ctx, const Digits& digits) {
  return ctx.spell().Cardinal(digits.text, LiangStyle::kNever);
}

// "3月5日" from `i` at the month: the spoken text and its end, or nullopt.
std::optional<Match> MonthDay(const Context& ctx, std::size_t i) {
  const std::optional<Digits> month = ScanDigits(ctx, i, 1, 2);
  if (!month || month->value < 1 || month->value > 12 || ctx.At(month->end) != U'月') {
    return std::nullopt;
  }
  Match match{month->end + 1, SpellSmall(ctx, *month) + "月", "date"};
  const std::optional<Digits> day = ScanDigits(ctx, match.end, 1, 2);
  if (day && day->value >= 1 && day->value <= 31 &&
      (ctx.At(day->end) == U'日' || ctx.At(day->end) == U'号')) {
    match.spoken += SpellSmall(ctx, *day) + ctx.Utf8(day->end, day->end + 1);
    match.end = day->end + 1;
  }
  return match;
}

}  // namespace

std::string SpellYear(const Context& ctx, const Number& number) {
  return ctx.spell().Year(number.integer, ctx.options().year_zero);
}

std::optional<Match> MatchDate(const Context& ctx, std::size_t pos) {
  if (!ctx.IsDigit(pos) || ctx.DigitBefore(pos)) return std::nullopt;
  const std::optional<Digits> first = ScanDigits(ctx, pos, 1, 4);

  // 2020-03-05, 2020/3/5, 2020.03.05 (and 2020-03, 2020/03 when the month has two digits).
  if (first && first->text.size() == 4) {
    for (char32_t separator : kDateSeparators) {
      if (ctx.At(first->end) != separator) continue;
      const std::optional<Digits> month = ScanDigits(ctx, first->end + 1, 1, 2);
      if (!month || month->value < 1 || month->value > 12) continue;
      const Number year{pos, first->end, first->text, {}, false};
      std::string spoken = SpellYear(ctx, year) + "年" + SpellSmall(ctx, *month) + "月";
      if (ctx.At(month->end) == separator) {
        const std::optional<Digits> day = ScanDigits(ctx, month->end + 1, 1, 2);
        if (!day || day->value < 1 || day->value > 31) continue;
        if (ctx.At(day->end) == separator || ctx.IsLatin(day->end)) continue;
        std::size_t end = day->end;
        if (ctx.At(end) == U'日' || ctx.At(end) == U'号') ++end;
        return Match{end, spoken + SpellSmall(ctx, *day) + "日", "date"};
      }
      if (separator != U'.' && month->text.size() == 2 && !ctx.IsLatin(month->end)) {
        return Match{month->end, spoken, "date"};
      }
    }
  }

  // 2020年, 2020年3月5日; 05年. Not "2000年来" (a length of time).
  if (first && ctx.At(first->end) == U'年' &&
      (first->text.size() == 4 || (first->text.size() == 2 && first->text[0] == '0'))) {
    const std::size_t after = first->end + 1;
    const bool quantity =
        FindWordAt(ctx, after, kQuantityAfterYear).has_value() ||
        std::any_of(std::begin(kQuantityBeforeYear), std::end(kQuantityBeforeYear),
                    [&](std::u32string_view w) { return ctx.EndsWith(pos, w); });
    if (!quantity) {
      const Number year{pos, first->end, first->text, {}, false};
      Match match{after, SpellYear(ctx, year) + "年", "date"};
      if (std::optional<Match> rest = MonthDay(ctx, after)) {
        match.spoken += rest->spoken;
        match.end = rest->end;
      }
      return match;
    }
  }

  // 80后, 95后, 00后: a generation, said digit by digit.
  if (first && first->text.size() == 2 && (first->text[1] == '0' || first->text[1] == '5') &&
      ctx.At(first->end) == U'后') {
    return Match{first->end, ctx.spell().Digits(first->text, false), "date"};
  }

  // 3月5日, 3月; 5日, 5号.
  if (std::optional<Match> month_day = MonthDay(ctx, pos)) return month_day;
  if (first && first->value >= 1 && first->value <= 31 && first->text[0] != '0' &&
      (ctx.At(first->end) == U'日' || ctx.At(first->end) == U'号') && !ctx.EndsWith(pos, U"第")) {
    return Match{first->end, SpellSmall(ctx, *first), "date"};
  }
  return std::nullopt;
}

}  // namespace langdu::text::tn
