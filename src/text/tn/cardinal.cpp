#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// Measure words (and the units 万/千/亿) before which a bare 2 is 两: 两个, 两天, 两万.
constexpr std::u32string_view kMeasureWords[] = {
    U"个", U"位", U"名",   U"人",   U"件",   U"次",   U"天", U"周",   U"年",   U"岁",   U"本",
    U"条", U"张", U"只",   U"台",   U"辆",   U"架",   U"艘", U"家",   U"所",   U"座",   U"栋",
    U"幢", U"项", U"种",   U"类",   U"批",   U"份",   U"套", U"双",   U"对",   U"组",   U"部",
    U"支", U"把", U"块",   U"片",   U"颗",   U"粒",   U"根", U"节",   U"门",   U"场",   U"届",
    U"轮", U"点", U"小时", U"分钟", U"秒钟", U"分",   U"秒", U"星期", U"倍",   U"成",   U"万",
    U"千", U"亿", U"斤",   U"两",   U"公斤", U"千克", U"克", U"吨",   U"米",   U"公里", U"千米",
    U"里", U"亩", U"元",   U"角",   U"毛",   U"室",   U"厅", U"口",   U"头",   U"匹",   U"间",
    U"句", U"段", U"篇",   U"首",   U"集",   U"杯",   U"瓶", U"碗",   U"盒",   U"包",   U"袋",
    U"箱", U"桶", U"趟",   U"遍",   U"回",   U"下",   U"声", U"步",   U"样",   U"枚",   U"票",
    U"笔", U"封", U"幅",   U"扇",   U"员",   U"位数", U"代", U"者",   U"方面", U"国",   U"会",
    U"岸", U"手"};

// Words that start like a measure word but name a rank or an order: 二年级, 二分之一, 二点五.
constexpr std::u32string_view kNotMeasureWords[] = {U"年级", U"分之", U"千分之", U"万分之"};

}  // namespace

bool MeasureWordAt(const Context& ctx, std::size_t i) {
  i = ctx.SkipSpaces(i);
  if (FindWordAt(ctx, i, kNotMeasureWords)) return false;
  return FindWordAt(ctx, i, kMeasureWords).has_value() && !ctx.IsLatin(i);
}

int SignAt(const Context& ctx, std::size_t pos) {
  const char32_t c = ctx.At(pos);
  if (c != U'-' && c != U'−' && c != U'+') return 0;
  if (!ctx.IsDigit(pos + 1) && !ctx.BareDecimalAt(pos + 1)) return 0;
  if (pos > 0) {
    const char32_t before = ctx.At(pos - 1);
    if (ctx.IsDigit(pos - 1) || ctx.IsLatin(pos - 1) || before == U')' || before == U'）' ||
        before == U'%' || before == U'.') {
      return 0;
    }
  }
  return c == U'+' ? 1 : -1;
}

std::optional<Match> MatchCardinal(const Context& ctx, std::size_t pos) {
  // COVID-19, A-4: the hyphen between a model name and its number is not read.
  if (ctx.At(pos) == U'-' && ctx.LatinBefore(pos) && ctx.IsDigit(pos + 1)) {
    if (auto m = MatchCardinal(ctx, pos + 1); m && m->rule == "model") return m;
    return std::nullopt;
  }
  const int sign = SignAt(ctx, pos);
  const std::size_t start = sign != 0 ? pos + 1 : pos;
  const std::optional<Number> number = ctx.ScanNumber(start);
  if (!number) {
    // Digits left over after another reading ended inside a run: never hand digits to eSpeak.
    if (sign != 0 || !ctx.IsDigit(pos)) return std::nullopt;
    const std::size_t run = ctx.DigitRun(pos);
    return Match{pos + run, ctx.spell().Digits(ctx.Utf8(pos, pos + run), false), "digits"};
  }
  const std::size_t end = number->end;

  // Digits glued to Latin letters name a model (G20, MP3, RTX3090): short numbers are read as
  // numbers, longer ones digit by digit.
  if (sign == 0 && number->IsInteger() &&
      (ctx.LatinBefore(pos) || (pos > 0 && ctx.At(pos - 1) == U'-' && ctx.LatinBefore(pos - 1)))) {
    const std::string& digits = number->integer;
    std::size_t name = pos;
    while (ctx.LatinBefore(name) || ctx.At(name - 1) == U'-') --name;
    // 车次G1234, 航班CA1234: a code read with 幺.
    if (std::optional<std::string> trigger = FindTrigger(ctx, Reading::kCode, name, name)) {
      return Match{end, ctx.spell().Digits(digits, ctx.options().yao_for_one), *trigger};
    }
    return Match{end,
                 digits.size() <= 2 ? ctx.spell().Cardinal(digits, LiangStyle::kNever)
                                    : ctx.spell().Digits(digits, false),
                 "model"};
  }
  // 007, 00后: a leading zero means the digits are a code, not a quantity.
  if (number->IsInteger() && !number->grouped && number->integer.size() >= 2 &&
      number->integer[0] == '0') {
    return Match{end, ctx.spell().Digits(number->integer, false), "digits"};
  }
  if (number->integer.size() > 16) {
    return Match{end, ctx.spell().Digits(number->integer, ctx.options().yao_for_one), "digits"};
  }
  std::string spoken = sign < 0 ? "负" : sign > 0 ? "正" : "";
  const bool measure = !ctx.EndsWith(pos, U"第") && MeasureWordAt(ctx, end);
  spoken += ctx.SpellNumber(*number, measure);
  return Match{end, std::move(spoken), number->IsInteger() ? "cardinal" : "decimal"};
}

}  // namespace langdu::text::tn
