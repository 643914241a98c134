#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// Group separators inside phone numbers.
bool IsPhoneSeparator(char32_t c) { return c == U'-' || c == U' ' || c == U'—'; }

struct Groups {
  std::vector<std::string> digits;
  std::size_t end = 0;
};

// Digit groups joined by single phone separators from `i`.
Groups ScanGroups(const Context& ctx, std::size_t i) {
  Groups groups;
  while (true) {
    const std::size_t run = ctx.DigitRun(i);
    if (run == 0) break;
    groups.digits.push_back(ctx.Utf8(i, i + run));
    i += run;
    groups.end = i;
    if (!(IsPhoneSeparator(ctx.At(i)) && ctx.IsDigit(i + 1))) break;
    ++i;
  }
  return groups;
}

std::size_t TotalDigits(const std::vector<std::string>& groups) {
  std::size_t n = 0;
  for (const std::string& g : groups) n += g.size();
  return n;
}

std::string Joined(const std::vector<std::string>& groups) {
  std::string all;
  for (const std::string& g : groups) all += g;
  return all;
}

// Mobile (1[3-9] + 9 digits), landline with area code (0xx-xxxxxxxx), 400/800 service numbers;
// grouping as written: 138-1234-5678, 138 1234 5678, 13812345678, 010-12345678, 400-123-4567.
bool LooksLikePhone(const std::vector<std::string>& groups) {
  const std::string all = Joined(groups);
  const std::size_t n = all.size();
  if (n == 11 && all[0] == '1' && all[1] >= '3' && all[1] <= '9') return true;
  if ((n == 10) && (all.starts_with("400") || all.starts_with("800"))) return true;
  if (groups.size() >= 2 && groups[0][0] == '0' && groups[0].size() >= 3 && groups[0].size() <= 4 &&
      groups[1].size() >= 7 && groups[1].size() <= 8) {
    return true;
  }
  return false;
}

std::string SpellGroups(const Context& ctx, const std::vector<std::string>& groups) {
  std::string spoken;
  for (const std::string& g : groups) {
    if (!spoken.empty()) spoken += " ";
    spoken += ctx.spell().Digits(g, ctx.options().yao_for_one);
  }
  return spoken;
}

}  // namespace

std::optional<Match> MatchPhone(const Context& ctx, std::size_t pos) {
  if (ctx.LatinBefore(pos) || ctx.DigitBefore(pos)) return std::nullopt;
  // +86 138 1234 5678: the country code, then the number.
  if (ctx.At(pos) == U'+' && ctx.IsDigit(pos + 1)) {
    const std::size_t run = ctx.DigitRun(pos + 1);
    if (run < 1 || run > 3) return std::nullopt;
    const std::size_t rest = ctx.SkipSpaces(pos + 1 + run + (ctx.At(pos + 1 + run) == U'-'));
    const Groups groups = ScanGroups(ctx, rest);
    if (groups.digits.empty() || TotalDigits(groups.digits) < 7) return std::nullopt;
    std::string spoken = "加" + ctx.spell().Digits(ctx.Utf8(pos + 1, pos + 1 + run), false);
    return Match{groups.end, spoken + " " + SpellGroups(ctx, groups.digits), "phone"};
  }
  // (010)12345678, （0755）1234567.
  if ((ctx.At(pos) == U'(' || ctx.At(pos) == U'（') && ctx.At(pos + 1) == U'0') {
    const std::size_t run = ctx.DigitRun(pos + 1);
    const char32_t close = ctx.At(pos + 1 + run);
    if (run < 3 || run > 4 || (close != U')' && close != U'）')) return std::nullopt;
    const Groups groups = ScanGroups(ctx, ctx.SkipSpaces(pos + 2 + run));
    if (TotalDigits(groups.digits) < 7 || TotalDigits(groups.digits) > 8) return std::nullopt;
    std::vector<std::string> all{ctx.Utf8(pos + 1, pos + 1 + run)};
    all.insert(all.end(), groups.digits.begin(), groups.digits.end());
    return Match{groups.end, SpellGroups(ctx, all), "phone"};
  }
  if (!ctx.IsDigit(pos)) return std::nullopt;
  Groups groups = ScanGroups(ctx, pos);
  // Only the groups that belong to the number: stop before a space-separated trailing quantity.
  while (groups.digits.size() > 1 && !LooksLikePhone(groups.digits)) {
    groups.digits.pop_back();
    std::size_t end = pos;
    for (std::size_t k = 0; k < groups.digits.size(); ++k) end += groups.digits[k].size() + 1;
    groups.end = end - 1;
  }
  if (!LooksLikePhone(groups.digits) || ctx.At(groups.end) == U'.') return std::nullopt;
  return Match{groups.end, SpellGroups(ctx, groups.digits), "phone"};
}

std::optional<Match> MatchDigitString(const Context& ctx, std::size_t pos) {
  if (!ctx.IsDigit(pos) || ctx.DigitBefore(pos) || ctx.LatinBefore(pos)) return std::nullopt;
  // 192.168.1.1: an IP address, each part digit by digit.
  {
    std::vector<std::string> parts;
    std::size_t i = pos;
    while (ctx.IsDigit(i)) {
      const std::size_t run = ctx.DigitRun(i);
      if (run > 3) break;
      parts.push_back(ctx.Utf8(i, i + run));
      i += run;
      if (ctx.At(i) != U'.' || !ctx.IsDigit(i + 1)) break;
      ++i;
    }
    const bool address = parts.size() == 4 && parts[0].size() >= 2 && !ctx.IsDigit(i) &&
                         std::all_of(parts.begin(), parts.end(),
                                     [](const std::string& p) { return std::stoi(p) <= 255; });
    if (address) {
      std::string spoken;
      for (const std::string& part : parts) {
        if (!spoken.empty()) spoken += "点";
        spoken += ctx.spell().Digits(part, ctx.options().yao_for_one);
      }
      return Match{i, std::move(spoken), "digits"};
    }
  }
  const std::size_t run = ctx.DigitRun(pos);
  // An identity card number: 17 digits and a check character X.
  if (run == 17 && (ctx.At(pos + run) == U'X' || ctx.At(pos + run) == U'x') &&
      !ctx.IsLatin(pos + run + 1)) {
    return Match{pos + run + 1,
                 ctx.spell().Digits(ctx.Utf8(pos, pos + run), ctx.options().yao_for_one) + "X",
                 "digits"};
  }
  const bool long_code = run >= 15 && ctx.At(pos + run) != U'.' && ctx.At(pos + run) != U',';
  std::optional<std::string> trigger;
  if (!long_code && run >= 3) trigger = FindTrigger(ctx, Reading::kCode, pos, pos + run);
  if (long_code || trigger) {
    if (ctx.At(pos + run) == U'.' && ctx.IsDigit(pos + run + 1)) return std::nullopt;
    return Match{pos + run, ctx.spell().Digits(ctx.Utf8(pos, pos + run), ctx.options().yao_for_one),
                 trigger ? *trigger : "digits"};
  }
  return std::nullopt;
}

std::optional<Match> MatchVersion(const Context& ctx, std::size_t pos) {
  // v2.0, V1.2.3; and bare 1.2.3 (two points or more).
  std::size_t i = pos;
  std::string spoken;
  const char32_t c = ctx.At(pos);
  if ((c == U'v' || c == U'V') && !ctx.LatinBefore(pos) && ctx.IsDigit(pos + 1)) {
    spoken = ctx.Utf8(pos, pos + 1);
    ++i;
  } else if (!ctx.IsDigit(pos) || ctx.DigitBefore(pos) || ctx.LatinBefore(pos)) {
    return std::nullopt;
  }
  int parts = 0;
  while (ctx.IsDigit(i)) {
    const std::size_t run = ctx.DigitRun(i);
    if (parts > 0) spoken += "点";
    const std::string digits = ctx.Utf8(i, i + run);
    spoken += parts == 0 ? ctx.spell().Cardinal(digits, LiangStyle::kNever)
                         : ctx.spell().Digits(digits, false);
    ++parts;
    i += run;
    if (ctx.At(i) != U'.' || !ctx.IsDigit(i + 1)) break;
    ++i;
  }
  const bool prefixed = c == U'v' || c == U'V';
  if (parts == 0 || (!prefixed && parts < 3) || ctx.IsLatin(i)) return std::nullopt;
  return Match{i, std::move(spoken), "version"};
}

}  // namespace langdu::text::tn
