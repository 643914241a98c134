#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// Operators of written arithmetic and comparison. `strong` marks the ones that make a string of
// numbers an expression on their own (a '-' or '/' alone is a range, a date or a fraction).
struct Operator {
  std::u32string_view written;
  std::string_view spoken;
  bool strong;
};
constexpr Operator kOperators[] = {
    {U"+", "加", true},       {U"-", "减", false},       {U"−", "减", false},
    {U"×", "乘", true},       {U"*", "乘", true},        {U"÷", "除以", true},
    {U"/", "除以", false},    {U"=", "等于", true},      {U"≈", "约等于", true},
    {U"≠", "不等于", true},   {U"<=", "小于等于", true}, {U">=", "大于等于", true},
    {U"≤", "小于等于", true}, {U"≥", "大于等于", true},  {U"≦", "小于等于", true},
    {U"≧", "大于等于", true}, {U"<", "小于", true},      {U">", "大于", true},
    {U"±", "正负", true},
};

// Symbols read as words wherever they stand alone.
struct SymbolRow {
  std::u32string_view written;
  std::string_view spoken;
};
constexpr SymbolRow kSymbols[] = {
    {U"±", "正负"},   {U"≈", "约等于"}, {U"≠", "不等于"}, {U"≤", "小于等于"}, {U"≥", "大于等于"},
    {U"×", "乘"},     {U"÷", "除以"},   {U"=", "等于"},   {U"+", "加"},       {U"℃", "摄氏度"},
    {U"℉", "华氏度"}, {U"‰", "千分号"}, {U"&", "和"},     {U"π", "派"},       {U"∞", "无穷大"},
    {U"√", "根号"},   {U"∵", "因为"},   {U"∴", "所以"},   {U"∠", "角"},       {U"⊥", "垂直于"},
    {U"∥", "平行于"}, {U"∈", "属于"},   {U"∑", "求和"},   {U"²", "平方"},     {U"³", "立方"},
    {U"№", "号"},     {U"§", "节"},     {U"%", "百分号"},
};

// Placeholders for a withheld name: XX同志, ××区, ○○.
constexpr char32_t kPlaceholderMarks[] = {U'X', U'×', U'○', U'Ｘ'};
// After a single X these words make it a placeholder (X市, X同志); X光 and X射线 stay.
constexpr std::u32string_view kPlaceholderNouns[] = {
    U"省", U"市",   U"县",   U"区",   U"镇",   U"乡",   U"村",   U"街道", U"路",   U"局",
    U"厂", U"公司", U"单位", U"同志", U"先生", U"女士", U"小姐", U"老师", U"书记", U"主任",
    U"年", U"月",   U"日",   U"某",   U"部门", U"学校", U"医院", U"银行", U"小区", U"号"};

// Units on both sides of a slash make it 每 (元/公斤, 次/分钟); a slash between other words is a
// short pause (信息传输/软件 → 信息传输、软件).
constexpr std::u32string_view kPerUnits[] = {
    U"平方公里", U"平方米", U"立方米", U"千瓦时", U"人次", U"公斤", U"千克", U"公里", U"千米",
    U"小时",     U"分钟",   U"毫升",   U"平米",   U"美元", U"欧元", U"万元", U"亿元", U"元",
    U"块",       U"斤",     U"克",     U"吨",     U"米",   U"秒",   U"分",   U"天",   U"日",
    U"周",       U"月",     U"年",     U"人",     U"次",   U"件",   U"台",   U"辆",   U"亩",
    U"升",       U"户",     U"间",     U"瓶",     U"盒",   U"袋",   U"个",   U"张",   U"份",
    U"桶",       U"度",     U"晚",     U"套",     U"株",   U"头",   U"只",   U"箱",   U"包"};

bool UnitBefore(const Context& ctx, std::size_t pos) {
  return std::any_of(std::begin(kPerUnits), std::end(kPerUnits),
                     [&](std::u32string_view unit) { return ctx.EndsWith(pos, unit); });
}

std::optional<Match> Slash(const Context& ctx, std::size_t pos) {
  const bool han_before = pos > 0 && ctx.IsHan(pos - 1);
  const bool han_after = ctx.IsHan(pos + 1);
  if (han_before && UnitBefore(ctx, pos)) {
    if (FindWordAt(ctx, pos + 1, kPerUnits)) return Match{pos + 1, "每", "per: unit/unit"};
    if (std::optional<Unit> unit = MatchUnit(ctx, pos + 1)) {
      return Match{unit->end, "每" + std::string(unit->spoken), "per: unit/unit"};
    }
  }
  const bool word_before = han_before || ctx.LatinBefore(pos);
  const bool word_after = han_after || ctx.IsLatin(pos + 1);
  if (word_before && word_after && (han_before || han_after)) {
    return Match{pos + 1, "、", "slash: pause"};
  }
  return std::nullopt;
}

bool IsPlaceholderMark(char32_t c) {
  return std::find(std::begin(kPlaceholderMarks), std::end(kPlaceholderMarks), c) !=
         std::end(kPlaceholderMarks);
}

struct Term {
  std::size_t end = 0;
  std::string spoken;
};

// An operand: a number (with sign when it comes first) or a single Latin letter (x, y).
std::optional<Term> ScanTerm(const Context& ctx, std::size_t i, bool first) {
  const int sign = first ? SignAt(ctx, i) : 0;
  if (sign != 0) {
    std::optional<Term> term = ScanTerm(ctx, i + 1, false);
    if (term) term->spoken = (sign < 0 ? "负" : "正") + term->spoken;
    return term;
  }
  if (std::optional<Number> number = ctx.ScanNumber(i)) {
    if (ctx.IsLatin(number->end)) return std::nullopt;
    if (ctx.At(number->end) == U'%') {
      return Term{number->end + 1, SpellPercent(ctx, *number)};
    }
    return Term{number->end, ctx.SpellNumber(*number)};
  }
  if (ctx.IsLatin(i) && !ctx.LatinBefore(i) && !ctx.IsLatin(i + 1) && !ctx.IsDigit(i + 1)) {
    return Term{i + 1, ctx.Utf8(i, i + 1)};
  }
  return std::nullopt;
}

std::optional<std::size_t> OperatorAt(const Context& ctx, std::size_t i) {
  std::optional<std::size_t> best;
  for (std::size_t k = 0; k < std::size(kOperators); ++k) {
    if (!ctx.StartsWith(i, kOperators[k].written)) continue;
    if (!best || kOperators[k].written.size() > kOperators[*best].written.size()) best = k;
  }
  return best;
}

}  // namespace

std::optional<Match> MatchPlaceholder(const Context& ctx, std::size_t pos) {
  if (!IsPlaceholderMark(ctx.At(pos)) || ctx.LatinBefore(pos) || ctx.DigitBefore(pos)) {
    return std::nullopt;
  }
  std::size_t end = pos;
  while (end < ctx.size() && ctx.At(end) == ctx.At(pos) && end - pos < 4) ++end;
  if (ctx.IsLatin(end) || ctx.IsDigit(end) || ctx.At(end) == ctx.At(pos)) return std::nullopt;
  const bool near_han = ctx.IsHan(end) || (pos > 0 && ctx.IsHan(pos - 1));
  if (!near_han) return std::nullopt;
  if (end - pos == 1 && !FindWordAt(ctx, end, kPlaceholderNouns)) return std::nullopt;
  std::string spoken;
  for (std::size_t k = pos; k < end; ++k) spoken += "某";
  return Match{end, std::move(spoken), "placeholder"};
}

std::optional<Match> MatchMath(const Context& ctx, std::size_t pos) {
  if (ctx.DigitBefore(pos) || ctx.LatinBefore(pos)) return std::nullopt;
  std::optional<Term> term = ScanTerm(ctx, pos, true);
  if (!term) return std::nullopt;
  std::string spoken = term->spoken;
  std::size_t end = term->end;
  int operators = 0;
  bool strong = false;
  bool numeric = ctx.IsDigit(pos) || ctx.IsDigit(pos + 1);
  while (true) {
    const std::size_t op_at = ctx.SkipSpaces(end);
    const std::optional<std::size_t> op = OperatorAt(ctx, op_at);
    if (!op) break;
    const std::size_t next_at = ctx.SkipSpaces(op_at + kOperators[*op].written.size());
    const std::optional<Term> next = ScanTerm(ctx, next_at, kOperators[*op].strong);
    if (!next) break;
    spoken += std::string(kOperators[*op].spoken) + next->spoken;
    strong = strong || kOperators[*op].strong;
    numeric = numeric || ctx.IsDigit(next_at) || ctx.IsDigit(next_at + 1);
    end = next->end;
    ++operators;
  }
  if (operators == 0 || !strong || !numeric) return std::nullopt;
  return Match{end, std::move(spoken), "math"};
}

std::optional<Match> MatchSymbol(const Context& ctx, std::size_t pos) {
  // A comparison or sign before a number: >90分, ≥60, ±0.5.
  if (std::optional<std::size_t> op = OperatorAt(ctx, pos); op && kOperators[*op].strong) {
    const std::size_t next_at = ctx.SkipSpaces(pos + kOperators[*op].written.size());
    if (ctx.IsDigit(next_at) && !ctx.DigitBefore(pos)) {
      return Match{pos + kOperators[*op].written.size(), std::string(kOperators[*op].spoken),
                   "symbol"};
    }
  }
  // 5-3 left over by the range, date and phone rules: a dash inside a code is 杠.
  if (ctx.At(pos) == U'-' && ctx.DigitBefore(pos) && ctx.IsDigit(pos + 1)) {
    return Match{pos + 1, "杠", "symbol"};
  }
  if (ctx.At(pos) == U'/') return Slash(ctx, pos);
  if (ctx.At(pos) == U'<' || ctx.At(pos) == U'>') return std::nullopt;
  for (const SymbolRow& symbol : kSymbols) {
    if (ctx.StartsWith(pos, symbol.written)) {
      return Match{pos + symbol.written.size(), std::string(symbol.spoken), "symbol"};
    }
  }
  return std::nullopt;
}

}  // namespace langdu::text::tn
