#include "pronounce/traditional.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "core/error.h"

namespace langdu::pronounce {
namespace {

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

}  // namespace

struct Simplifier::Icu {
  std::unique_ptr<icu::Transliterator> transliterator;
};

Simplifier::Simplifier() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->transliterator.reset(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || icu_->transliterator == nullptr) {
    throw core::Error(core::ErrorKind::kInternal,
                      std::string("icu: cannot open Hant-Hans: ") + u_errorName(status));
  }
}

Simplifier::~Simplifier() = default;

std::vector<std::string> Simplifier::Simplify(const std::vector<std::string>& characters) const {
  std::string joined;
  for (const std::string& c : characters) joined += c;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(joined);
  std::lock_guard lock(mutex_);
  icu_->transliterator->transliterate(text);
  if (text.countChar32() == static_cast<int32_t>(characters.size())) {
    std::vector<std::string> simplified;
    simplified.reserve(characters.size());
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
      simplified.push_back(ToUtf8(icu::UnicodeString(text.char32At(i))));
    }
    return simplified;
  }
  // The run changed length: map character by character instead.
  std::vector<std::string> simplified;
  for (const std::string& c : characters) {
    icu::UnicodeString one = icu::UnicodeString::fromUTF8(c);
    icu_->transliterator->transliterate(one);
    simplified.push_back(one.countChar32() == 1 ? ToUtf8(one) : c);
  }
  return simplified;
}

}  // namespace langdu::pronounce
