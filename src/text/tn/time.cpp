#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// Words before h:mm:ss that make it a duration (用时2:03:45), not a time of day.
constexpr std::u32string_view kDurationWords[] = {U"用时", U"耗时", U"时长",   U"成绩",
                                                  U"历时", U"长达", U"时间为", U"计时"};

struct DayPeriod {
  std::u32string_view written;
  std::string_view spoken;
};
constexpr DayPeriod kDayPeriods[] = {{U"a.m.", "上午"}, {U"A.M.", "上午"}, {U"am", "上午"},
                                     {U"AM", "上午"},   {U"p.m.", "下午"}, {U"P.M.", "下午"},
                                     {U"pm", "下午"},   {U"PM", "下午"}};

bool IsColon(char32_t c) { return c == U':' || c == U'：'; }

bool PrecededByAny(const Context& ctx, std::size_t pos, const auto& words) {
  return std::any_of(std::begin(words), std::end(words),
                     [&](std::u32string_view w) { return ctx.EndsWith(pos, w); });
}

struct Clock {
  std::size_t end = 0;
  std::string parts[3];
  int count = 0;
};

// h:mm or h:mm:ss with h ≤ 24 and two-digit minutes and seconds below 60.
std::optional<Clock> ScanClock(const Context& ctx, std::size_t pos) {
  Clock clock;
  std::size_t i = pos;
  while (clock.count < 3) {
    const std::size_t run = ctx.DigitRun(i);
    if (run == 0 || run > 2 || (clock.count > 0 && run != 2)) return std::nullopt;
    clock.parts[clock.count++] = ctx.Utf8(i, i + run);
    i += run;
    if (!(IsColon(ctx.At(i)) && ctx.IsDigit(i + 1))) break;
    ++i;
  }
  if (clock.count < 2 || ctx.IsDigit(i) || (IsColon(ctx.At(i)) && ctx.IsDigit(i + 1))) {
    return std::nullopt;
  }
  if (std::stoi(clock.parts[0]) > 24) return std::nullopt;
  for (int k = 1; k < clock.count; ++k) {
    if (std::stoi(clock.parts[k]) > 59) return std::nullopt;
  }
  clock.end = i;
  return clock;
}

// Minutes and seconds: 05 → 零五, 30 → 三十.
std::string TwoDigits(const Context& ctx, const std::string& digits) {
  if (digits[0] == '0') return "零" + ctx.spell().Cardinal(digits.substr(1), LiangStyle::kNever);
  return ctx.spell().Cardinal(digits, LiangStyle::kNever);
}

// a:b with two numbers: 三比二.
std::optional<Match> Ratio(const Context& ctx, std::size_t pos) {
  const std::optional<Number> left = ctx.ScanNumber(pos);
  if (!left || !IsColon(ctx.At(left->end))) return std::nullopt;
  const std::optional<Number> right = ctx.ScanNumber(left->end + 1);
  if (!right || IsColon(ctx.At(right->end))) return std::nullopt;
  return Match{right->end, ctx.SpellNumber(*left) + "比" + ctx.SpellNumber(*right), "ratio"};
}

}  // namespace

std::optional<std::string> RatioContext(const Context& ctx, std::size_t begin, std::size_t end) {
  return FindTrigger(ctx, Reading::kScore, begin, end);
}

std::optional<Match> MatchTime(const Context& ctx, std::size_t pos) {
  if (!ctx.IsDigit(pos) || ctx.DigitBefore(pos)) return std::nullopt;
  const std::optional<Clock> clock = ScanClock(ctx, pos);
  // a:b that is not a time, or that a word makes a score: 3:2 → 三比二, 1:1000 → 一比一千,
  // 比分10:12, 21:15赢下.
  if (std::optional<Match> ratio = Ratio(ctx, pos)) {
    std::optional<std::string> trigger = RatioContext(ctx, pos, ratio->end);
    if (trigger) ratio->rule = std::move(*trigger);
    if (!clock || trigger) return ratio;
  }
  if (!clock) return std::nullopt;

  const int hour = std::stoi(clock->parts[0]);
  const int minute = std::stoi(clock->parts[1]);
  const std::string hour_digits = std::to_string(hour);
  if (clock->count == 3 && PrecededByAny(ctx, pos, kDurationWords)) {
    std::string spoken;
    if (hour > 0) spoken += ctx.spell().Cardinal(hour_digits, LiangStyle::kNever) + "小时";
    if (hour == 2) spoken = "两小时";
    spoken += ctx.spell().Cardinal(std::to_string(minute), LiangStyle::kNever) + "分";
    spoken += TwoDigits(ctx, clock->parts[2]) + "秒";
    return Match{clock->end, std::move(spoken), "time"};
  }

  std::string spoken = hour == 2 ? "两" : ctx.spell().Cardinal(hour_digits, LiangStyle::kNever);
  spoken += "点";
  const bool seconds = clock->count == 3 && clock->parts[2] != "00";
  if (minute != 0) {
    spoken += TwoDigits(ctx, clock->parts[1]) + "分";
  } else if (seconds) {
    spoken += "零分";
  }
  if (seconds) spoken += TwoDigits(ctx, clock->parts[2]) + "秒";
  std::size_t end = clock->end;
  const std::size_t period_at = ctx.SkipSpaces(end);
  if (!ctx.LatinBefore(pos)) {
    for (const DayPeriod& period : kDayPeriods) {
      if (!ctx.StartsWith(period_at, period.written)) continue;
      if (ctx.IsLatin(period_at + period.written.size())) continue;
      const bool noon = hour == 12 && period.spoken == "下午";
      spoken = std::string(noon ? "中午" : period.spoken) + spoken;
      end = period_at + period.written.size();
      break;
    }
  }
  return Match{end, std::move(spoken), "time"};
}

}  // namespace langdu::text::tn
