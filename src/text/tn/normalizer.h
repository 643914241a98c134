#pragma once

#include <memory>
#include <string_view>

#include "core/author_marks.h"
#include "core/spoken_text.h"

namespace langdu::text::tn {

/// Where a number says 两 instead of 二 (before a measure word 两 is grammar and always used:
/// 2个 → 两个; 第2 → 第二 and 十二 keep 二 under every style).
enum class LiangStyle {
  kNever,      ///< 2000 → 二千, 20000 → 二万 (formal reading)
  kThousands,  ///< 2000 → 两千, 20000 → 两万, 2亿 → 两亿; 200 → 二百 (broadcast usage)
  kHundreds,  ///< as kThousands, and 200 → 两百 (colloquial)
};

/// How the digit 0 is written when a number is read digit by digit.
enum class ZeroStyle {
  kCircle,  ///< 〇 (二〇一九年)
  kLing,    ///< 零 (二零一九年)
};

/// What to do with web addresses and e-mail addresses.
enum class UrlStyle {
  kRead,  ///< www点example点com
  kSkip,  ///< say nothing
};

/// Reading styles. Defaults follow mainland broadcast usage.
struct NormalizeOptions {
  LiangStyle liang = LiangStyle::kThousands;
  bool yao_for_one = true;                   ///< 1 is 幺 in phone numbers and digit strings
  ZeroStyle year_zero = ZeroStyle::kCircle;  ///< 0 in years read digit by digit
  UrlStyle url = UrlStyle::kRead;
};

class NumberSpeller;

/// Text normalization: rewrites every non-standard word (numbers, dates, money, units, symbols)
/// into the words a Mandarin speaker says, keeping the map back to the source. Latin words and
/// abbreviations (GDP, CPU) are left as Latin letters for the pronunciation stage; Chinese
/// punctuation is kept. Thread-safe: Normalize may be called concurrently.
class Normalizer {
 public:
  explicit Normalizer(NormalizeOptions options = {});

  /// The spoken form of one cleaned sentence (or line): valid UTF-8, NFC, full-width ASCII
  /// folded. Each rewrite in the result names its rule ("date", "money", "code: after 拨打"...).
  /// `marks` (byte offsets into `text`) are the author's: a forced reading keeps its text as
  /// written and is carried to the result's `forced`; a pause goes to `pauses`; say-as and
  /// substitutions choose the reading of their span. Matching never crosses a mark.
  core::SpokenText Normalize(std::string_view text, const core::AuthorMarks& marks = {}) const;

  const NormalizeOptions& options() const { return options_; }

 private:
  NormalizeOptions options_;
  std::shared_ptr<const NumberSpeller> speller_;
};

}  // namespace langdu::text::tn
