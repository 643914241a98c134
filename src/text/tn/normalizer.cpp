#include "text/tn/normalizer.h"

#include <string>
#include <utility>

namespace langdu::text::tn {

Normalizer::Normalizer(NormalizeOptions options) : options_(std::move(options)) {}

// No rewrite rules yet: the text is spoken as written (issue 4 adds the categories).
core::SpokenText Normalizer::Normalize(std::string_view text) const {
  return core::SpokenText::Verbatim(std::string(text));
}

}  // namespace langdu::text::tn
