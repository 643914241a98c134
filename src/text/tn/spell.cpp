#include "text/tn/spell.h"

#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <cstdint>

#include "core/error.h"

namespace langdu::text::tn {
namespace {

constexpr const char* kDigitNames[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

std::string Format(const icu::RuleBasedNumberFormat& format, int64_t value) {
  icu::UnicodeString spelled;
  format.format(value, spelled);
  std::string utf8;
  spelled.toUTF8String(utf8);
  return utf8;
}

void SetRuleSet(icu::RuleBasedNumberFormat& format, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  format.setDefaultRuleSet(icu::UnicodeString(name, -1, US_INV), status);
  if (U_FAILURE(status)) {
    throw core::Error(core::ErrorKind::kInternal, std::string("icu: no rule set \"") + name +
                                                      "\" for zh: " + u_errorName(status));
  }
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

NumberSpeller::NumberSpeller() {
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat format(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
  if (U_FAILURE(status)) {
    throw core::Error(core::ErrorKind::kInternal,
                      std::string("icu: no zh spell-out rules: ") + u_errorName(status));
  }
  SetRuleSet(format, "%spellout-cardinal");
  for (int i = 0; i < 10000; ++i) cardinal_[i] = Format(format, i);
  SetRuleSet(format, "%spellout-numbering-year");
  for (int i = 0; i < 10; ++i) year_digits_[i] = Format(format, i);
}

std::string NumberSpeller::Group(int value) const { return cardinal_[value]; }

std::string NumberSpeller::Cardinal(std::string_view digits, LiangStyle liang) const {
  std::size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return cardinal_[0];
  digits.remove_prefix(first);
  if (digits.size() > 16) return Digits(digits, false);
  std::uint64_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<std::uint64_t>(c - '0');

  // Mandarin groups by four digits (万, 亿). Zeros ending a group are silent; zeros inside or
  // leading a lower group are read as one 零. 一十 appears only after a higher unit.
  const auto group = [&](int n, bool leading) {
    std::string text = cardinal_[n];
    if (!leading && n >= 10 && n < 20) text = "一" + text;
    if (liang != LiangStyle::kNever && n >= 2000 && n < 3000 && StartsWith(text, "二千")) {
      text.replace(0, 3, "两");
    }
    if (liang == LiangStyle::kHundreds && leading && n >= 200 && n < 300) {
      text.replace(0, 3, "两");
    }
    return text;
  };
  const auto spell = [&](auto&& self, std::uint64_t n, bool leading) -> std::string {
    if (n < 10000) return group(static_cast<int>(n), leading);
    const bool yi = n >= 100000000;
    const std::uint64_t unit = yi ? 100000000 : 10000;
    const std::uint64_t high = n / unit;
    const std::uint64_t low = n % unit;
    std::string text = high == 2 && leading && liang != LiangStyle::kNever
                           ? std::string("两")
                           : self(self, high, leading);
    text += yi ? "亿" : "万";
    if (low != 0) {
      if (low < unit / 10) text += "零";
      text += self(self, low, false);
    }
    return text;
  };
  return spell(spell, value, true);
}

std::string NumberSpeller::Decimal(std::string_view integer, std::string_view fraction,
                                   LiangStyle liang) const {
  std::string text = integer.empty() ? std::string(kDigitNames[0]) : Cardinal(integer, liang);
  if (!fraction.empty()) text += "点" + Digits(fraction, false);
  return text;
}

std::string NumberSpeller::Digits(std::string_view digits, bool yao, ZeroStyle zero) const {
  std::string text;
  for (char c : digits) {
    if (c < '0' || c > '9') continue;
    if (c == '1' && yao) {
      text += "幺";
    } else if (c == '0') {
      text += zero == ZeroStyle::kCircle ? year_digits_[0] : kDigitNames[0];
    } else {
      text += kDigitNames[c - '0'];
    }
  }
  return text;
}

std::string NumberSpeller::Year(std::string_view digits, ZeroStyle zero) const {
  std::string text;
  for (char c : digits) {
    if (c < '0' || c > '9') continue;
    text += c == '0' && zero == ZeroStyle::kLing ? kDigitNames[0] : year_digits_[c - '0'];
  }
  return text;
}

}  // namespace langdu::text::tn
