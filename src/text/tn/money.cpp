#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// Currency signs and codes written before the amount, and what is said before and after it.
struct CurrencyPrefix {
  std::u32string_view written;
  std::string_view before;
  std::string_view after;
};
constexpr CurrencyPrefix kCurrencyPrefixes[] = {
    {U"US$", "", "美元"},     {U"HK$", "", "港元"},     {U"NT$", "", "新台币"},
    {U"A$", "", "澳元"},      {U"C$", "", "加元"},      {U"S$", "", "新加坡元"},
    {U"JP¥", "", "日元"},     {U"¥", "", "元"},         {U"￥", "", "元"},
    {U"$", "", "美元"},       {U"€", "", "欧元"},       {U"£", "", "英镑"},
    {U"₩", "", "韩元"},       {U"₹", "", "卢比"},       {U"₽", "", "卢布"},
    {U"RMB", "人民币", "元"}, {U"CNY", "人民币", "元"}, {U"USD", "", "美元"},
    {U"EUR", "", "欧元"},     {U"GBP", "", "英镑"},     {U"JPY", "", "日元"},
    {U"HKD", "", "港元"},
};

// Currency codes written after the amount (100 USD).
struct CurrencySuffix {
  std::u32string_view written;
  std::string_view spoken;
};
constexpr CurrencySuffix kCurrencySuffixes[] = {
    {U"USD", "美元"}, {U"EUR", "欧元"}, {U"GBP", "英镑"}, {U"JPY", "日元"},
    {U"HKD", "港元"}, {U"RMB", "元"},   {U"CNY", "元"},
};

// Currency words written after the amount in Chinese: the amount is read as money.
constexpr std::u32string_view kCurrencyWords[] = {
    U"元",   U"块",   U"美元", U"欧元", U"英镑",   U"日元",   U"港元", U"港币", U"韩元",
    U"澳元", U"加元", U"卢布", U"卢比", U"新台币", U"人民币", U"美金", U"角",   U"法郎"};

// Scale words that may sit between the amount and the currency: 1.2万元, 3亿美元.
constexpr std::u32string_view kScales[] = {U"万亿", U"千万", U"百万", U"十万",
                                           U"万",   U"亿",   U"千",   U"百"};

// An amount of money: the fraction is said without trailing zeros (12.50元 → 十二点五元).
std::string SpellAmount(const Context& ctx, Number number, bool measure) {
  while (!number.fraction.empty() && number.fraction.back() == '0') number.fraction.pop_back();
  return ctx.SpellNumber(number, measure);
}

std::size_t SkipScale(const Context& ctx, std::size_t i) {
  if (std::optional<std::size_t> k = FindWordAt(ctx, i, kScales)) return i + kScales[*k].size();
  return i;
}

// An amount after a currency sign or code written before it: ¥100, US$5, RMB 300.
std::optional<Match> PrefixedAmount(const Context& ctx, std::size_t at) {
  if (!ctx.LatinBefore(at)) {
    for (const CurrencyPrefix& prefix : kCurrencyPrefixes) {
      if (!ctx.StartsWith(at, prefix.written)) continue;
      const std::optional<Number> number =
          ctx.ScanNumber(ctx.SkipSpaces(at + prefix.written.size()));
      if (!number) continue;
      const std::size_t scale_end = SkipScale(ctx, number->end);
      std::string spoken(prefix.before);
      spoken += SpellAmount(ctx, *number, true);
      spoken += ctx.Utf8(number->end, scale_end);
      std::size_t end = scale_end;
      // ¥100元: the currency is written twice, say it once.
      const std::u32string_view written_after = prefix.after == "元"     ? U"元"
                                                : prefix.after == "美元" ? U"美元"
                                                                         : U"";
      if (!written_after.empty() && ctx.StartsWith(end, written_after)) {
        end += written_after.size();
      }
      spoken += prefix.after;
      return Match{end, std::move(spoken), "money"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Match> MatchMoney(const Context& ctx, std::size_t pos) {
  // -¥100: a sign before the currency.
  const char32_t c = ctx.At(pos);
  if ((c == U'-' || c == U'−' || c == U'+') && !ctx.DigitBefore(pos) && !ctx.LatinBefore(pos)) {
    if (std::optional<Match> amount = PrefixedAmount(ctx, pos + 1)) {
      amount->spoken = (c == U'+' ? "正" : "负") + amount->spoken;
      return amount;
    }
  }
  if (std::optional<Match> amount = PrefixedAmount(ctx, pos)) return amount;
  if (!ctx.IsDigit(pos)) return std::nullopt;
  const std::optional<Number> number = ctx.ScanNumber(pos);
  if (!number) return std::nullopt;
  const std::size_t after = ctx.SkipSpaces(number->end);
  for (const CurrencySuffix& suffix : kCurrencySuffixes) {
    if (ctx.StartsWith(after, suffix.written) && !ctx.IsLatin(after + suffix.written.size())) {
      return Match{after + suffix.written.size(),
                   SpellAmount(ctx, *number, true) + std::string(suffix.spoken), "money"};
    }
  }
  const std::size_t currency = SkipScale(ctx, number->end);
  if (FindWordAt(ctx, currency, kCurrencyWords)) {
    return Match{number->end, SpellAmount(ctx, *number, true), "money"};
  }
  return std::nullopt;
}

}  // namespace langdu::text::tn
