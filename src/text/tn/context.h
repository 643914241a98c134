#pragma once

// Internal to text/tn: the sentence being normalized as code points, and what every category
// matcher works with. Positions are code point indexes into the sentence.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "text/tn/normalizer.h"
#include "text/tn/spell.h"

namespace langdu::text::tn {

/// A rewrite found by a matcher at a position: code points [position, end) are spoken as
/// `spoken`. `rule` names the reading chosen and, where a context word decided it, that word
/// ("code: after 拨打").
struct Match {
  std::size_t end = 0;
  std::string spoken;
  std::string rule;
};

/// A number as written: ASCII digits, optional thousands separators, optional fraction.
struct Number {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string integer;   ///< digits, separators removed
  std::string fraction;  ///< digits after the point; empty when there is none
  bool grouped = false;  ///< written with thousands separators (1,234)

  bool IsInteger() const { return fraction.empty(); }
  /// The integer value; only meaningful for at most 18 digits.
  long long Value() const;
};

/// The sentence being normalized, with the options and the speller.
class Context {
 public:
  Context(std::u32string_view text, const NormalizeOptions& options, const NumberSpeller& speller)
      : text_(text), options_(options), speller_(speller) {}

  std::size_t size() const { return text_.size(); }
  std::u32string_view text() const { return text_; }
  const NormalizeOptions& options() const { return options_; }
  const NumberSpeller& spell() const { return speller_; }

  /// The code point at `i`, or 0 outside the sentence.
  char32_t At(std::size_t i) const { return i < text_.size() ? text_[i] : 0; }
  bool IsDigit(std::size_t i) const { return core::IsDigit(At(i)); }
  bool IsLatin(std::size_t i) const;
  bool IsHan(std::size_t i) const;
  /// True when the code point before `i` exists and is a digit (resp. Latin letter).
  bool DigitBefore(std::size_t i) const { return i > 0 && IsDigit(i - 1); }
  bool LatinBefore(std::size_t i) const { return i > 0 && IsLatin(i - 1); }

  /// True when the sentence has `word` at `i`.
  bool StartsWith(std::size_t i, std::u32string_view word) const;
  /// True when the sentence just before `i` ends with `word`.
  bool EndsWith(std::size_t i, std::u32string_view word) const;
  /// Index of the first code point at or after `i` that is not a space.
  std::size_t SkipSpaces(std::size_t i) const;
  /// Number of consecutive digits from `i`.
  std::size_t DigitRun(std::size_t i) const;

  /// True when a decimal without its leading 0 (.38) starts at `i`: a point and digits, not part
  /// of a number, a name or an address.
  bool BareDecimalAt(std::size_t i) const;

  /// The number written at `i` (a digit not preceded by a digit, or a point that starts a bare
  /// decimal such as .38), or nullopt. Thousands
  /// separators are accepted only in well-formed groups of three; a point must be followed by a
  /// digit.
  std::optional<Number> ScanNumber(std::size_t i) const;

  /// The cardinal or decimal reading of `number` under the 两 style; `measure` says that a
  /// measure word follows, where a bare 2 is 两.
  std::string SpellNumber(const Number& number, bool measure = false) const;

  /// The source code points [begin, end) as UTF-8.
  std::string Utf8(std::size_t begin, std::size_t end) const;

 private:
  std::u32string_view text_;
  const NormalizeOptions& options_;
  const NumberSpeller& speller_;
};

/// The first word of `words` (longest listed first) found at `i` in the sentence; returns its
/// index or nullopt.
template <typename Table>
std::optional<std::size_t> FindWordAt(const Context& ctx, std::size_t i, const Table& words) {
  for (std::size_t k = 0; k < std::size(words); ++k) {
    if (ctx.StartsWith(i, words[k])) return k;
  }
  return std::nullopt;
}

}  // namespace langdu::text::tn
