#pragma once

#include <string_view>

#include "core/spoken_text.h"

namespace langdu::text::tn {

/// Reading styles. Defaults follow mainland broadcast usage.
struct NormalizeOptions {};

/// Text normalization: rewrites every non-standard word (numbers, dates, money, units, symbols)
/// into the words a Mandarin speaker says, keeping the map back to the source.
class Normalizer {
 public:
  explicit Normalizer(NormalizeOptions options = {});

  /// The spoken form of one cleaned sentence (or line).
  core::SpokenText Normalize(std::string_view text) const;

 private:
  NormalizeOptions options_;
};

}  // namespace langdu::text::tn
