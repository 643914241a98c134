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
// Brackets around a year with no 年: 国发〔2021〕5号, 张三（2019）, 《1984》.
struct Brackets {
  char32_t open;
  char32_t close;
};
constexpr Brackets kYearBrackets[] = {{U'（', U'）'}, {U'(', U')'}, {U'〔', U'〕'},
                                      {U'【', U'】'}, {U'[', U']'}, {U'［', U'］'},
                                      {U'《', U'》'}};
// After a four-digit number these make it a quantity, whatever event follows (2000多人参会).
constexpr std::u32string_view kNotYearAfter[] = {U"多", U"余", U"来", U"左右", U"万",
                                                 U"亿", U"千", U"百", U"分之"};
// The days of each month (February in a leap year).
constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

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

// A year and a month and day that exist: 二〇二四年三月七日.
std::optional<std::string> SpellDate(const Context& ctx, const Digits& year, const Digits& month,
                                     const Digits& day) {
  if (month.value < 1 || month.value > 12 || day.value < 1 ||
      day.value > kDaysInMonth[month.value - 1]) {
    return std::nullopt;
  }
  const Number number{0, 0, year.text, {}, false};
  return SpellYear(ctx, number) + "年" + SpellSmall(ctx, month) + "月" + SpellSmall(ctx, day) +
         "日";
}

// 07/03/2024, 7-3-2024, 31.12.1999: the year last. Day first unless the second number cannot be
// a month (12/25/2023): the order most of the world writes.
std::optional<Match> YearLast(const Context& ctx, const Digits& first) {
  if (first.text.size() > 2) return std::nullopt;
  const char32_t separator = ctx.At(first.end);
  if (std::find(std::begin(kDateSeparators), std::end(kDateSeparators), separator) ==
      std::end(kDateSeparators)) {
    return std::nullopt;
  }
  const std::optional<Digits> second = ScanDigits(ctx, first.end + 1, 1, 2);
  if (!second || ctx.At(second->end) != separator) return std::nullopt;
  const std::optional<Digits> year = ScanDigits(ctx, second->end + 1, 4, 4);
  if (!year || (year->text[0] != '1' && year->text[0] != '2')) return std::nullopt;
  if (ctx.IsLatin(year->end) || (ctx.At(year->end) == separator && ctx.IsDigit(year->end + 1))) {
    return std::nullopt;
  }
  const bool month_first = second->value > 12 && first.value <= 12;
  const Digits& month = month_first ? first : *second;
  const Digits& day = month_first ? *second : first;
  std::optional<std::string> spoken = SpellDate(ctx, *year, month, day);
  if (!spoken) return std::nullopt;
  return Match{year->end, std::move(*spoken),
               month_first ? "date: month-day-year" : "date: day-month-year"};
}

// A four-digit year with no 年: in brackets, before 届/版/赛季, or before an event's name.
std::optional<Match> YearWithoutNian(const Context& ctx, std::size_t pos, const Digits& first) {
  if (first.text.size() != 4 || first.value < 1000 || first.value > 2099 || ctx.LatinBefore(pos)) {
    return std::nullopt;
  }
  const std::size_t end = first.end;
  if (ctx.At(end) == U'.' || ctx.At(end) == U',' || ctx.IsLatin(end)) return std::nullopt;
  const Number year{pos, end, first.text, {}, false};
  for (const Brackets& brackets : kYearBrackets) {
    if (pos > 0 && ctx.At(pos - 1) == brackets.open && ctx.At(end) == brackets.close) {
      return Match{end, SpellYear(ctx, year), "year: in brackets"};
    }
  }
  std::optional<std::string> rule = FindTrigger(ctx, Reading::kYear, pos, end);
  if (!rule && ctx.IsHan(end) && !MeasureWordAt(ctx, end) && !FindWordAt(ctx, end, kNotYearAfter)) {
    rule = EventAfter(ctx, end);
  }
  if (!rule) return std::nullopt;
  return Match{end, SpellYear(ctx, year), std::move(*rule)};
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

  if (first) {
    if (std::optional<Match> date = YearLast(ctx, *first)) return date;
  }

  // 2020年, 2020年3月5日; 05年; 97年 where a word says it is a year (97年出生, 88年3月). Not
  // "2000年来" (a length of time).
  if (first && ctx.At(first->end) == U'年' && first->text.size() >= 2 && first->text.size() != 3) {
    const std::size_t after = first->end + 1;
    const bool quantity =
        FindWordAt(ctx, after, kQuantityAfterYear).has_value() ||
        std::any_of(std::begin(kQuantityBeforeYear), std::end(kQuantityBeforeYear),
                    [&](std::u32string_view w) { return ctx.EndsWith(pos, w); });
    std::string rule = "date";
    if (first->text.size() == 2 && first->text[0] != '0' && !quantity) {
      if (std::optional<std::string> trigger = FindTrigger(ctx, Reading::kYear, pos, after)) {
        rule = std::move(*trigger);
      } else if (MonthDay(ctx, after)) {
        rule = "year: before 月";
      } else {
        rule.clear();
      }
    }
    if (!quantity && !rule.empty()) {
      const Number year{pos, first->end, first->text, {}, false};
      Match match{after, SpellYear(ctx, year) + "年", rule};
      if (std::optional<Match> rest = MonthDay(ctx, after)) {
        match.spoken += rest->spoken;
        match.end = rest->end;
      }
      return match;
    }
  }

  if (first) {
    if (std::optional<Match> year = YearWithoutNian(ctx, pos, *first)) return year;
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
