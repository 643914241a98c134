// The author's say-as (SSML <say-as interpret-as>): a stretch read the way the author asked,
// whatever its shape suggests.

#include <string>

#include "core/utf8.h"
#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// Digit by digit; groups as written (separated by anything that is not a digit) become words
// separated by spaces.
std::string DigitGroups(const Context& ctx, bool yao) {
  std::string spoken;
  for (std::size_t i = 0; i < ctx.size();) {
    const std::size_t run = ctx.DigitRun(i);
    if (run == 0) {
      if (ctx.At(i) == U'+') spoken += "加";
      ++i;
      continue;
    }
    if (!spoken.empty() && spoken.back() != ' ' && !spoken.ends_with("加")) spoken += ' ';
    spoken += ctx.spell().Digits(ctx.Utf8(i, i + run), yao);
    i += run;
  }
  return spoken;
}

// 3/5, 3-5, 3.5 without a year: a month and a day.
std::optional<std::string> MonthDay(const Context& ctx) {
  const std::size_t month = ctx.DigitRun(0);
  const char32_t separator = ctx.At(month);
  if (month == 0 || month > 2 || (separator != U'/' && separator != U'-' && separator != U'.')) {
    return std::nullopt;
  }
  const std::size_t day = ctx.DigitRun(month + 1);
  if (day == 0 || day > 2 || month + 1 + day != ctx.size()) return std::nullopt;
  const std::string m = ctx.Utf8(0, month);
  const std::string d = ctx.Utf8(month + 1, month + 1 + day);
  if (std::stoi(m) < 1 || std::stoi(m) > 12 || std::stoi(d) < 1 || std::stoi(d) > 31) {
    return std::nullopt;
  }
  return ctx.spell().Cardinal(m, LiangStyle::kNever) + "月" +
         ctx.spell().Cardinal(d, LiangStyle::kNever) + "日";
}

}  // namespace

SaidAs ReadAs(const Context& ctx, core::SayAs say_as) {
  switch (say_as) {
    case core::SayAs::kDigits:
      return {DigitGroups(ctx, false), "say-as: digits"};
    case core::SayAs::kTelephone:
      return {DigitGroups(ctx, ctx.options().yao_for_one), "say-as: telephone"};
    case core::SayAs::kCardinal:
    case core::SayAs::kOrdinal: {
      const bool ordinal = say_as == core::SayAs::kOrdinal;
      std::string spoken = ordinal && !ctx.StartsWith(0, U"第") ? "第" : "";
      const std::optional<Number> number = ctx.ScanNumber(0);
      if (number && number->end == ctx.size()) {
        spoken += ctx.SpellNumber(*number, false);
      } else {
        spoken += NormalizeSpan(ctx);
      }
      return {spoken, ordinal ? "say-as: ordinal" : "say-as: cardinal"};
    }
    case core::SayAs::kDate:
      if (std::optional<std::string> month_day = MonthDay(ctx)) {
        return {*month_day, "say-as: date"};
      }
      return {NormalizeSpan(ctx), "say-as: date"};
    case core::SayAs::kTime:
      return {NormalizeSpan(ctx), "say-as: time"};
    case core::SayAs::kCharacters: {
      std::string spoken;
      for (std::size_t i = 0; i < ctx.size(); ++i) {
        const char32_t c = ctx.At(i);
        if (ctx.IsDigit(i)) {
          spoken += ctx.spell().Digits(ctx.Utf8(i, i + 1), false);
        } else if (ctx.IsLatin(i)) {
          if (!spoken.empty() && spoken.back() != ' ') spoken += ' ';
          spoken += static_cast<char>(c >= U'a' ? c - U'a' + U'A' : c);
          spoken += ' ';
        } else {
          spoken += core::EncodeUtf8(c);
        }
      }
      while (!spoken.empty() && spoken.back() == ' ') spoken.pop_back();
      return {spoken, "say-as: characters"};
    }
  }
  return {NormalizeSpan(ctx), "say-as"};
}

}  // namespace langdu::text::tn
