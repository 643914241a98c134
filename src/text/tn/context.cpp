#include "text/tn/context.h"

#include "core/utf8.h"
#include "text/tn/rules.h"

namespace langdu::text::tn {

long long Number::Value() const {
  long long value = 0;
  for (char c : integer) value = value * 10 + (c - '0');
  return value;
}

bool Context::IsLatin(std::size_t i) const {
  const char32_t c = At(i);
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}

bool Context::IsHan(std::size_t i) const { return i < text_.size() && core::IsHan(text_[i]); }

bool Context::StartsWith(std::size_t i, std::u32string_view word) const {
  return i <= text_.size() && text_.substr(i).starts_with(word);
}

bool Context::EndsWith(std::size_t i, std::u32string_view word) const {
  return i <= text_.size() && text_.substr(0, i).ends_with(word);
}

std::size_t Context::SkipSpaces(std::size_t i) const {
  while (At(i) == U' ' || At(i) == U'\t' || At(i) == U'\u3000') ++i;
  return i;
}

std::size_t Context::DigitRun(std::size_t i) const {
  std::size_t n = 0;
  while (IsDigit(i + n)) ++n;
  return n;
}

bool Context::BareDecimalAt(std::size_t i) const {
  if (At(i) != U'.' || !IsDigit(i + 1)) return false;
  if (i > 0) {
    const char32_t before = At(i - 1);
    if (IsDigit(i - 1) || IsLatin(i - 1) || before == U'.' || before == U'/' || before == U'_' ||
        before == U'@') {
      return false;
    }
  }
  const std::size_t end = i + 1 + DigitRun(i + 1);
  return At(end) != U'.' && At(end) != U'/';
}

std::optional<Number> Context::ScanNumber(std::size_t i) const {
  // .38: a decimal written without its leading 0.
  if (BareDecimalAt(i)) {
    Number number;
    number.begin = i;
    const std::size_t run = DigitRun(i + 1);
    for (std::size_t k = 1; k <= run; ++k) number.fraction += static_cast<char>(At(i + k));
    number.end = i + 1 + run;
    return number;
  }
  if (!IsDigit(i) || DigitBefore(i)) return std::nullopt;
  Number number;
  number.begin = i;
  std::size_t run = DigitRun(i);
  for (std::size_t k = 0; k < run; ++k) number.integer += static_cast<char>(At(i + k));
  i += run;
  // 1,234,567: groups of exactly three digits after a first group of one to three.
  if (run <= 3 && At(i) == U',' && DigitRun(i + 1) == 3) {
    while (At(i) == U',' && DigitRun(i + 1) == 3) {
      for (std::size_t k = 1; k <= 3; ++k) number.integer += static_cast<char>(At(i + k));
      i += 4;
      number.grouped = true;
    }
  }
  if (At(i) == U'.' && IsDigit(i + 1)) {
    std::size_t fraction = DigitRun(i + 1);
    // 1.2.3 is a version or an address, not a decimal.
    if (!(At(i + 1 + fraction) == U'.' && IsDigit(i + 2 + fraction))) {
      for (std::size_t k = 1; k <= fraction; ++k) number.fraction += static_cast<char>(At(i + k));
      i += 1 + fraction;
    }
  }
  number.end = i;
  return number;
}

std::string Context::SpellNumber(const Number& number, bool measure) const {
  if (measure && number.IsInteger() && number.integer == "2") return "两";
  if (number.IsInteger()) return speller_.Cardinal(number.integer, options_.liang);
  return speller_.Decimal(number.integer, number.fraction, options_.liang);
}

std::string Context::Utf8(std::size_t begin, std::size_t end) const {
  std::string out;
  for (std::size_t k = begin; k < end && k < text_.size(); ++k) out += core::EncodeUtf8(text_[k]);
  return out;
}

}  // namespace langdu::text::tn
