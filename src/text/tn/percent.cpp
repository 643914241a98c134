#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

struct PercentSign {
  char32_t written;
  std::string_view spoken;
};
constexpr PercentSign kPercentSigns[] = {
    {U'%', "百分之"}, {U'％', "百分之"}, {U'‰', "千分之"}, {U'‱', "万分之"}};

// Percentages written in words before the number: 百分之3.
constexpr std::u32string_view kPercentWords[] = {U"百分之", U"千分之", U"万分之"};

}  // namespace

std::string SpellPercent(const Context& ctx, const Number& number, std::string_view per) {
  std::string spoken(per);
  // 100% is 百分之百 in speech; 百分之一百 sounds like a reading of the digits.
  if (per == "百分之" && number.IsInteger() && number.integer == "100") return spoken + "百";
  return spoken + ctx.SpellNumber(number);
}

std::optional<Match> MatchPercent(const Context& ctx, std::size_t pos) {
  // -百分之3: a sign before a percentage written in words.
  const char32_t c = ctx.At(pos);
  if ((c == U'-' || c == U'−' || c == U'+') && !ctx.DigitBefore(pos) && !ctx.LatinBefore(pos)) {
    for (std::u32string_view per : kPercentWords) {
      if (ctx.StartsWith(pos + 1, per) &&
          (ctx.IsDigit(pos + 1 + per.size()) || ctx.BareDecimalAt(pos + 1 + per.size()))) {
        return Match{pos + 1, c == U'+' ? "正" : "负", "sign"};
      }
    }
  }
  const int sign = SignAt(ctx, pos);
  const std::optional<Number> number = ctx.ScanNumber(sign != 0 ? pos + 1 : pos);
  if (!number) return std::nullopt;
  for (const PercentSign& percent : kPercentSigns) {
    if (ctx.At(number->end) != percent.written) continue;
    std::string spoken = sign < 0 ? "负" : sign > 0 ? "正" : "";
    spoken += SpellPercent(ctx, *number, percent.spoken);
    return Match{number->end + 1, std::move(spoken), "percent"};
  }
  return std::nullopt;
}

}  // namespace langdu::text::tn
