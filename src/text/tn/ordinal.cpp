#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// Prefixes that make the number after them an ordinal, and the words said around it.
struct OrdinalPrefix {
  std::u32string_view written;
  std::string_view before;
  std::string_view after;
};
constexpr OrdinalPrefix kOrdinalPrefixes[] = {
    {U"No.", "第", ""}, {U"NO.", "第", ""}, {U"no.", "第", ""}, {U"No", "第", ""},
    {U"№", "第", ""},   {U"#", "", "号"},   {U"§", "第", "节"},
};

// Code point blocks of enclosed and Roman numerals: ①..⑳, ⑴..⒇, ⒈..⒛, ❶..❿, Ⅰ..Ⅻ, ⅰ..ⅻ.
struct NumeralBlock {
  char32_t first;
  char32_t last;
};
constexpr NumeralBlock kNumeralBlocks[] = {{U'①', U'⑳'}, {U'⑴', U'⒇'}, {U'⒈', U'⒛'},
                                           {U'❶', U'❿'}, {U'Ⅰ', U'Ⅻ'}, {U'ⅰ', U'ⅻ'}};

// Marks that close a list number at the start of a line: 1. 1、 1) 1）.
constexpr std::u32string_view kListClosers[] = {U".", U"、", U"．", U")", U"）"};
constexpr std::u32string_view kListOpeners[] = {U"(", U"（"};

// Where a list may start: the start of the line, or after a colon or semicolon.
bool AtListStart(const Context& ctx, std::size_t pos) {
  std::size_t i = pos;
  while (i > 0 && (ctx.At(i - 1) == U' ' || ctx.At(i - 1) == U'\u3000')) --i;
  if (i == 0) return true;
  const char32_t before = ctx.At(i - 1);
  return before == U'：' || before == U'；' || before == U':' || before == U';' || before == U'。';
}

}  // namespace

std::optional<Match> MatchListMarker(const Context& ctx, std::size_t pos) {
  for (const NumeralBlock& block : kNumeralBlocks) {
    const char32_t c = ctx.At(pos);
    if (c >= block.first && c <= block.last) {
      const std::string value = std::to_string(c - block.first + 1);
      return Match{pos + 1, ctx.spell().Cardinal(value, LiangStyle::kNever), "list"};
    }
  }
  if (!AtListStart(ctx, pos)) return std::nullopt;
  std::size_t i = pos;
  const bool opened = FindWordAt(ctx, i, kListOpeners).has_value();
  if (opened) ++i;
  const std::size_t run = ctx.DigitRun(i);
  if (run == 0 || run > 2) return std::nullopt;
  const std::optional<std::size_t> closer = FindWordAt(ctx, i + run, kListClosers);
  if (!closer) return std::nullopt;
  // An opening bracket needs a closing one; a point must not start a decimal (1.5).
  if (opened && *closer < 3) return std::nullopt;
  if (ctx.IsDigit(i + run + 1)) return std::nullopt;
  const std::string digits = ctx.Utf8(i, i + run);
  return Match{ctx.SkipSpaces(i + run + 1), ctx.spell().Cardinal(digits, LiangStyle::kNever) + "、",
               "list"};
}

std::optional<Match> MatchOrdinal(const Context& ctx, std::size_t pos) {
  if (ctx.IsDigit(pos) && ctx.EndsWith(pos, U"第")) {
    const std::optional<Number> number = ctx.ScanNumber(pos);
    if (!number) return std::nullopt;
    return Match{number->end, ctx.SpellNumber(*number), "ordinal"};
  }
  if (ctx.LatinBefore(pos)) return std::nullopt;
  for (const OrdinalPrefix& prefix : kOrdinalPrefixes) {
    if (!ctx.StartsWith(pos, prefix.written)) continue;
    const std::size_t digits = ctx.SkipSpaces(pos + prefix.written.size());
    const std::optional<Number> number = ctx.ScanNumber(digits);
    if (!number || !number->IsInteger()) continue;
    std::string spoken(prefix.before);
    spoken += ctx.spell().Cardinal(number->integer, LiangStyle::kNever);
    spoken += prefix.after;
    return Match{number->end, std::move(spoken), "ordinal"};
  }
  return std::nullopt;
}

}  // namespace langdu::text::tn
