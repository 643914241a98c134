#pragma once

#include <string>
#include <string_view>

#include "text/tn/normalizer.h"

namespace langdu::text::tn {

/// Spells numbers in Mandarin. Groups of four digits come from ICU's RBNF `zh`
/// %spellout-cardinal rule set (computed once); 万/亿 composition, the 零 rules across groups and
/// 两 are ours, because ICU's `zh` rules say 一亿二万 for 100020000 and 一兆 for 10^12 where
/// mainland usage says 一亿零二万 and 一万亿. Years use %spellout-numbering-year.
class NumberSpeller {
 public:
  NumberSpeller();

  /// A cardinal from ASCII digits (leading zeros ignored, at most 16 significant digits):
  /// "10005" → 一万零五, "2019" → 两千零一十九 under LiangStyle::kThousands.
  std::string Cardinal(std::string_view digits, LiangStyle liang) const;

  /// A decimal: integer part as a cardinal, then 点 and each fraction digit: 3.50 → 三点五零.
  std::string Decimal(std::string_view integer, std::string_view fraction, LiangStyle liang) const;

  /// Digit by digit: "0101" → 零幺零幺 (with `yao`), 零一零一 without.
  std::string Digits(std::string_view digits, bool yao, ZeroStyle zero = ZeroStyle::kLing) const;

  /// A year digit by digit as ICU's year rule set reads it: "2019" → 二〇一九.
  std::string Year(std::string_view digits, ZeroStyle zero) const;

 private:
  std::string Group(int value) const;
  std::string cardinal_[10000];
  std::string year_digits_[10];
};

}  // namespace langdu::text::tn
