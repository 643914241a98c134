#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// Vulgar fraction characters: ½ → 二分之一.
struct VulgarFraction {
  char32_t written;
  std::string_view spoken;
};
constexpr VulgarFraction kVulgarFractions[] = {
    {U'½', "二分之一"}, {U'⅓', "三分之一"}, {U'⅔', "三分之二"}, {U'¼', "四分之一"},
    {U'¾', "四分之三"}, {U'⅕', "五分之一"}, {U'⅖', "五分之二"}, {U'⅗', "五分之三"},
    {U'⅘', "五分之四"}, {U'⅙', "六分之一"}, {U'⅚', "六分之五"}, {U'⅛', "八分之一"},
    {U'⅜', "八分之三"}, {U'⅝', "八分之五"}, {U'⅞', "八分之七"}, {U'⅐', "七分之一"},
    {U'⅑', "九分之一"}, {U'⅒', "十分之一"},
};

std::optional<std::string_view> VulgarAt(const Context& ctx, std::size_t i) {
  for (const VulgarFraction& fraction : kVulgarFractions) {
    if (ctx.At(i) == fraction.written) return fraction.spoken;
  }
  return std::nullopt;
}

// a/b with integers, b not zero: 四分之三. Nullopt when it continues like a date (3/5/2020).
std::optional<Match> SimpleFraction(const Context& ctx, std::size_t i) {
  const std::optional<Number> numerator = ctx.ScanNumber(i);
  if (!numerator || !numerator->IsInteger()) return std::nullopt;
  // 3 / 4: spaces around the slash, on both sides or on neither.
  std::size_t slash = numerator->end;
  const bool spaced = ctx.At(slash) == U' ';
  if (spaced) slash = ctx.SkipSpaces(slash);
  if (ctx.At(slash) != U'/') return std::nullopt;
  const std::size_t denominator_at = spaced ? ctx.SkipSpaces(slash + 1) : slash + 1;
  if (spaced == (denominator_at == slash + 1)) return std::nullopt;
  const std::optional<Number> denominator = ctx.ScanNumber(denominator_at);
  if (!denominator || !denominator->IsInteger() ||
      denominator->integer.find_first_not_of('0') == std::string::npos) {
    return std::nullopt;
  }
  if (ctx.At(denominator->end) == U'/' || ctx.IsLatin(denominator->end)) return std::nullopt;
  std::string spoken = ctx.SpellNumber(*denominator) + "分之" + ctx.SpellNumber(*numerator);
  return Match{denominator->end, std::move(spoken), "fraction"};
}

}  // namespace

std::optional<Match> MatchFraction(const Context& ctx, std::size_t pos) {
  if (ctx.LatinBefore(pos) || ctx.At(pos - 1) == U'/') return std::nullopt;
  if (std::optional<std::string_view> vulgar = VulgarAt(ctx, pos)) {
    return Match{pos + 1, std::string(*vulgar), "fraction"};
  }
  const int sign = SignAt(ctx, pos);
  const std::size_t start = sign != 0 ? pos + 1 : pos;
  const std::string prefix = sign < 0 ? "负" : sign > 0 ? "正" : "";
  // 1½, 2 3/4: a whole number and a fraction, joined by 又.
  if (const std::optional<Number> whole = ctx.ScanNumber(start); whole && whole->IsInteger()) {
    if (std::optional<std::string_view> vulgar = VulgarAt(ctx, whole->end)) {
      return Match{whole->end + 1, prefix + ctx.SpellNumber(*whole) + "又" + std::string(*vulgar),
                   "fraction"};
    }
    if (ctx.At(whole->end) == U' ' && ctx.IsDigit(whole->end + 1)) {
      if (std::optional<Match> part = SimpleFraction(ctx, whole->end + 1)) {
        return Match{part->end, prefix + ctx.SpellNumber(*whole) + "又" + part->spoken, "fraction"};
      }
    }
  }
  std::optional<Match> fraction = SimpleFraction(ctx, start);
  if (fraction) fraction->spoken = prefix + fraction->spoken;
  return fraction;
}

}  // namespace langdu::text::tn
