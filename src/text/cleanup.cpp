#include "text/cleanup.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <optional>

#include "core/error.h"
#include "core/utf8.h"

namespace langdu::text {
namespace {

using core::Error;
using core::ErrorKind;

constexpr int kEach = 0;

enum class Context {
  kAnywhere,
  kBetweenDigits,  ///< only with an ASCII or full-width digit on both sides
};

/// One punctuation variant: a run of at least `min_run` copies of `from` becomes `to` once; with
/// `min_run` = kEach every copy becomes `to`.
struct Variant {
  char32_t from;
  int min_run;
  std::string_view to;
  Context context = Context::kAnywhere;
};

// Rows for the same code point are tried in order: put narrower contexts and longer runs first.
constexpr std::array kVariants = {
    // Ellipses: the Chinese ellipsis is two U+2026.
    Variant{U'.', 3, "……"},
    Variant{U'。', 3, "……"},
    Variant{U'．', 3, "……"},
    Variant{U'．', kEach, ".", Context::kBetweenDigits},
    Variant{U'…', 1, "……"},
    Variant{U'⋯', 1, "……"},
    Variant{U'︙', 1, "……"},
    Variant{U'·', 3, "……"},
    Variant{U'・', 3, "……"},
    // Dashes: the Chinese dash is two U+2014.
    Variant{U'—', 1, "——"},
    Variant{U'―', 1, "——"},
    Variant{U'﹘', 1, "——"},
    Variant{U'︱', 1, "——"},
    Variant{U'－', 2, "——"},
    Variant{U'－', kEach, "-"},
    Variant{U'﹣', kEach, "-"},
    Variant{U'–', 2, "——"},
    Variant{U'─', 2, "——"},
    Variant{U'━', 2, "——"},
    // Quotes.
    Variant{U'〝', kEach, "“"},
    Variant{U'〞', kEach, "”"},
    Variant{U'〟', kEach, "”"},
    Variant{U'‟', kEach, "“"},
    Variant{U'„', kEach, "“"},
    Variant{U'‛', kEach, "‘"},
    // Small forms.
    Variant{U'﹐', kEach, "，"},
    Variant{U'﹑', kEach, "、"},
    Variant{U'﹒', kEach, ".", Context::kBetweenDigits},
    Variant{U'﹒', kEach, "。"},
    Variant{U'﹔', kEach, "；"},
    Variant{U'﹕', kEach, "："},
    Variant{U'﹖', kEach, "？"},
    Variant{U'﹗', kEach, "！"},
    Variant{U'﹙', kEach, "（"},
    Variant{U'﹚', kEach, "）"},
    Variant{U'﹝', kEach, "〔"},
    Variant{U'﹞', kEach, "〕"},
    // Vertical forms.
    Variant{U'︐', kEach, "，"},
    Variant{U'︑', kEach, "、"},
    Variant{U'︒', kEach, "。"},
    Variant{U'︓', kEach, "："},
    Variant{U'︔', kEach, "；"},
    Variant{U'︕', kEach, "！"},
    Variant{U'︖', kEach, "？"},
    Variant{U'︰', kEach, "："},
    Variant{U'︵', kEach, "（"},
    Variant{U'︶', kEach, "）"},
    Variant{U'︷', kEach, "｛"},
    Variant{U'︸', kEach, "｝"},
    Variant{U'︹', kEach, "〔"},
    Variant{U'︺', kEach, "〕"},
    Variant{U'︻', kEach, "【"},
    Variant{U'︼', kEach, "】"},
    Variant{U'︽', kEach, "《"},
    Variant{U'︾', kEach, "》"},
    Variant{U'︿', kEach, "〈"},
    Variant{U'﹀', kEach, "〉"},
    Variant{U'﹁', kEach, "「"},
    Variant{U'﹂', kEach, "」"},
    Variant{U'﹃', kEach, "『"},
    Variant{U'﹄', kEach, "』"},
    // Half-width CJK punctuation.
    Variant{U'｡', kEach, "。"},
    Variant{U'､', kEach, "、"},
    Variant{U'｢', kEach, "「"},
    Variant{U'｣', kEach, "」"},
    // Full-width marks that do not drive pauses read as their ASCII forms (text normalization
    // knows 50%, 3+4, a@b); the ones between digits are decimal points and clock times.
    Variant{U'：', kEach, ":", Context::kBetweenDigits},
    Variant{U'％', kEach, "%"},
    Variant{U'＋', kEach, "+"},
    Variant{U'＝', kEach, "="},
    Variant{U'＜', kEach, "<"},
    Variant{U'＞', kEach, ">"},
    Variant{U'＠', kEach, "@"},
    Variant{U'＃', kEach, "#"},
    Variant{U'＄', kEach, "$"},
    Variant{U'＆', kEach, "&"},
    Variant{U'＊', kEach, "*"},
    Variant{U'／', kEach, "/"},
    Variant{U'＼', kEach, "\\"},
    Variant{U'＾', kEach, "^"},
    Variant{U'＿', kEach, "_"},
    Variant{U'｀', kEach, "`"},
    Variant{U'｜', kEach, "|"},
    Variant{U'～', kEach, "~"},
};

using core::IsLineBreak;
using core::IsSpace;

// Control, zero-width, bidi-control and soft-hyphen characters are silent and only confuse
// sentence splitting and the engine.
bool IsDropped(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

bool IsFullwidthAlnum(char32_t c) {
  return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}

bool IsKangxiRadical(char32_t c) { return c >= 0x2F00 && c <= 0x2FD5; }

bool IsDigit(char32_t c) { return core::IsDigit(c) || core::IsFullwidthDigit(c); }

bool MayHaveVariant(char32_t c) { return c < 0x3400 || c >= 0xFE00; }

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::kInternal, std::string("icu nfc: ") + u_errorName(status));
  }
  return *nfc;
}

// The unified ideograph that a Kangxi radical stands for (PDF extraction often leaves them).
std::string RadicalAsIdeograph(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString decomposition;
  if (U_FAILURE(status) || !nfkc->getDecomposition(static_cast<UChar32>(c), decomposition)) {
    return core::EncodeUtf8(c);
  }
  std::string utf8;
  decomposition.toUTF8String(utf8);
  return utf8;
}

/// NFC text with, when NFC changed anything, the offset of each of its bytes in the input.
struct NfcText {
  std::string text;
  std::vector<std::uint32_t> offsets;  ///< empty: the input was NFC already
};

NfcText ToNfc(std::string_view utf8) {
  const icu::Normalizer2& nfc = Nfc();
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return {};
  NfcText result;
  icu::StringByteSink<std::string> sink(&result.text);
  icu::Edits edits;
  status = U_ZERO_ERROR;
  nfc.normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::kInternal, std::string("icu nfc: ") + u_errorName(status));
  }
  result.offsets.resize(result.text.size() + 1);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    for (int32_t k = 0; k < it.newLength(); ++k) {
      result.offsets[it.destinationIndex() + k] =
          static_cast<std::uint32_t>(it.sourceIndex() + (it.hasChange() ? 0 : k));
    }
  }
  result.offsets.back() = static_cast<std::uint32_t>(utf8.size());
  return result;
}

/// Builds the cleaned text: white space is held back until something visible follows on the
/// same line, which collapses runs and trims both line ends.
class Builder {
 public:
  void Emit(std::string_view text, std::uint32_t source) {
    if (pending_space_ && line_has_text_) Append(" ", space_source_);
    pending_space_ = false;
    Append(text, source);
    line_has_text_ = true;
  }
  void Space(std::uint32_t source) {
    if (!pending_space_) space_source_ = source;
    pending_space_ = true;
  }
  void LineBreak(std::uint32_t source) {
    pending_space_ = false;
    Append("\n", source);
    line_has_text_ = false;
  }
  bool EndsWithDigit() const {
    return !pending_space_ && !clean_.text.empty() && clean_.text.back() >= '0' &&
           clean_.text.back() <= '9';
  }
  CleanText Finish(std::uint32_t input_size) {
    clean_.source_offsets.push_back(input_size);
    return std::move(clean_);
  }

 private:
  void Append(std::string_view text, std::uint32_t source) {
    clean_.text += text;
    clean_.source_offsets.insert(clean_.source_offsets.end(), text.size(), source);
  }

  CleanText clean_;
  bool pending_space_ = false;
  bool line_has_text_ = false;
  std::uint32_t space_source_ = 0;
};

}  // namespace

bool IsSilent(char32_t c) { return c == '\r' || IsLineBreak(c) || IsSpace(c) || IsDropped(c); }

CleanText Cleanup(std::string_view utf8) {
  const NfcText nfc = ToNfc(utf8);
  const std::string_view text = nfc.offsets.empty() ? utf8 : std::string_view(nfc.text);
  const auto source_of = [&](std::size_t pos) {
    return nfc.offsets.empty() ? static_cast<std::uint32_t>(pos) : nfc.offsets[pos];
  };
  const auto peek = [&](std::size_t pos) -> std::optional<char32_t> {
    if (pos >= text.size()) return std::nullopt;
    return core::NextCodePoint(text, pos);
  };

  Builder builder;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const std::uint32_t source = source_of(start);
    const char32_t c = core::NextCodePoint(text, pos);
    if (c == '\r') {
      if (peek(pos) != U'\n') builder.LineBreak(source);
    } else if (IsLineBreak(c)) {
      builder.LineBreak(source);
    } else if (IsSpace(c)) {
      builder.Space(source);
    } else if (IsDropped(c)) {
      // Silent: nothing to emit.
    } else if (IsFullwidthAlnum(c)) {
      builder.Emit(core::EncodeUtf8(c - 0xFEE0), source);
    } else if (IsKangxiRadical(c)) {
      builder.Emit(RadicalAsIdeograph(c), source);
    } else {
      const Variant* match = nullptr;
      std::size_t run_end = pos;
      if (MayHaveVariant(c)) {
        int run = 1;
        for (std::size_t next = pos; peek(next) == c; ++run) {
          core::NextCodePoint(text, next);
          run_end = next;
        }
        for (const Variant& variant : kVariants) {
          if (variant.from != c || run < variant.min_run) continue;
          const std::size_t end = variant.min_run == kEach ? pos : run_end;
          if (variant.context == Context::kBetweenDigits) {
            const std::optional<char32_t> after = peek(end);
            if (!builder.EndsWithDigit() || !after || !IsDigit(*after)) continue;
          }
          match = &variant;
          run_end = end;
          break;
        }
      }
      if (match != nullptr) {
        builder.Emit(match->to, source);
        pos = run_end;
      } else {
        builder.Emit(text.substr(start, pos - start), source);
      }
    }
  }
  return builder.Finish(static_cast<std::uint32_t>(utf8.size()));
}

}  // namespace langdu::text
