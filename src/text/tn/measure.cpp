#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// The unit table: written form, spoken form, whether a bare 2 before it is 两, and whether it is
// a temperature (below zero is 零下). Longest match wins; a unit ending in a letter or digit must
// not be followed by another (5km, not 5kmh; 5m2, not 5m20).
struct UnitRow {
  std::u32string_view written;
  std::string_view spoken;
  bool liang;
  bool temperature;
};
constexpr UnitRow kUnits[] = {
    // length
    {U"km", "公里", true, false},
    {U"m", "米", true, false},
    {U"dm", "分米", true, false},
    {U"cm", "厘米", true, false},
    {U"mm", "毫米", true, false},
    {U"μm", "微米", true, false},
    {U"um", "微米", true, false},
    {U"nm", "纳米", true, false},
    {U"mi", "英里", true, false},
    {U"ft", "英尺", true, false},
    // area
    {U"km²", "平方公里", true, false},
    {U"km2", "平方公里", true, false},
    {U"m²", "平方米", true, false},
    {U"m2", "平方米", true, false},
    {U"㎡", "平方米", true, false},
    {U"cm²", "平方厘米", true, false},
    {U"cm2", "平方厘米", true, false},
    {U"mm²", "平方毫米", true, false},
    {U"ha", "公顷", true, false},
    // volume
    {U"m³", "立方米", true, false},
    {U"m3", "立方米", true, false},
    {U"cm³", "立方厘米", true, false},
    {U"L", "升", true, false},
    {U"l", "升", true, false},
    {U"mL", "毫升", true, false},
    {U"ml", "毫升", true, false},
    // mass
    {U"t", "吨", true, false},
    {U"kg", "千克", true, false},
    {U"g", "克", true, false},
    {U"mg", "毫克", true, false},
    {U"μg", "微克", true, false},
    {U"lb", "磅", true, false},
    // temperature and angle
    {U"℃", "摄氏度", false, true},
    {U"°C", "摄氏度", false, true},
    {U"℉", "华氏度", false, true},
    {U"°F", "华氏度", false, true},
    {U"°", "度", false, true},
    // speed
    {U"km/h", "公里每小时", true, false},
    {U"m/s", "米每秒", true, false},
    {U"km/s", "公里每秒", true, false},
    // time
    {U"h", "小时", true, false},
    {U"min", "分钟", true, false},
    {U"s", "秒", true, false},
    {U"ms", "毫秒", true, false},
    // electricity, power, energy
    {U"Hz", "赫兹", true, false},
    {U"kHz", "千赫", true, false},
    {U"MHz", "兆赫", true, false},
    {U"GHz", "吉赫", true, false},
    {U"W", "瓦", true, false},
    {U"kW", "千瓦", true, false},
    {U"MW", "兆瓦", true, false},
    {U"kWh", "千瓦时", true, false},
    {U"kW·h", "千瓦时", true, false},
    {U"V", "伏", true, false},
    {U"kV", "千伏", true, false},
    {U"mA", "毫安", true, false},
    {U"mAh", "毫安时", true, false},
    {U"J", "焦耳", true, false},
    {U"kJ", "千焦", true, false},
    {U"kcal", "千卡", true, false},
    {U"cal", "卡", true, false},
    // pressure, sound, chemistry, concentration
    {U"Pa", "帕", true, false},
    {U"kPa", "千帕", true, false},
    {U"MPa", "兆帕", true, false},
    {U"hPa", "百帕", true, false},
    {U"dB", "分贝", false, false},
    {U"mol", "摩尔", true, false},
    {U"mmol/L", "毫摩尔每升", true, false},
    {U"mg/L", "毫克每升", true, false},
    {U"μg/m³", "微克每立方米", true, false},
    {U"μg/m3", "微克每立方米", true, false},
    {U"mg/m³", "毫克每立方米", true, false},
};

}  // namespace

std::optional<Unit> MatchUnit(const Context& ctx, std::size_t i) {
  const UnitRow* best = nullptr;
  for (const UnitRow& row : kUnits) {
    if (!ctx.StartsWith(i, row.written)) continue;
    const std::size_t end = i + row.written.size();
    const bool alnum_end = ctx.IsLatin(end - 1) || ctx.IsDigit(end - 1);
    if (alnum_end && (ctx.IsLatin(end) || ctx.IsDigit(end))) continue;
    if (best == nullptr || row.written.size() > best->written.size()) best = &row;
  }
  if (best == nullptr) return std::nullopt;
  return Unit{i + best->written.size(), best->spoken, best->liang, best->temperature};
}

std::optional<Match> MatchMeasure(const Context& ctx, std::size_t pos) {
  const int sign = SignAt(ctx, pos);
  const std::size_t start = sign != 0 ? pos + 1 : pos;
  const std::optional<Number> number = ctx.ScanNumber(start);
  if (!number) return std::nullopt;
  const std::optional<Unit> unit = MatchUnit(ctx, ctx.SkipSpaces(number->end));
  if (!unit) return std::nullopt;
  // A single-letter unit after a space is more likely a word (3 m 高 is rare; 3 s 后 rarer).
  const std::size_t unit_begin = ctx.SkipSpaces(number->end);
  if (unit_begin != number->end && unit->end - unit_begin == 1 && ctx.IsLatin(unit_begin)) {
    return std::nullopt;
  }
  std::string spoken;
  if (sign < 0) spoken = unit->temperature ? "零下" : "负";
  if (sign > 0) spoken = unit->temperature ? "零上" : "正";
  spoken += ctx.SpellNumber(*number, unit->liang);
  spoken += unit->spoken;
  return Match{unit->end, std::move(spoken), "measure"};
}

}  // namespace langdu::text::tn
