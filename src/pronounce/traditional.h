#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace langdu::pronounce {

/// Maps traditional characters to simplified ones for lexicon lookup (ICU "Hant-Hans"), one
/// character for one character, so that the source text can stay as written.
class Simplifier {
 public:
  /// Throws core::Error(kInternal) when ICU lacks the transliterator.
  Simplifier();
  ~Simplifier();
  Simplifier(const Simplifier&) = delete;
  Simplifier& operator=(const Simplifier&) = delete;

  /// The simplified form of each character (UTF-8, one code point each) of a Han run; a
  /// character that ICU would map to more or fewer characters stays as it is. Thread-safe.
  std::vector<std::string> Simplify(const std::vector<std::string>& characters) const;

 private:
  struct Icu;  // the ICU transliterator, kept out of this header
  std::unique_ptr<Icu> icu_;
  mutable std::mutex mutex_;
};

}  // namespace langdu::pronounce
