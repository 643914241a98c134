// Text normalization (numbers, dates, money, units, symbols) of any cleaned line, checking the
// promises of core::SpokenText: valid UTF-8, rewrites sorted, apart and inside both texts.
#include "fuzz_util.h"
#include "text/cleanup.h"
#include "text/tn/normalizer.h"

namespace {

void CheckSpokenText(const langdu::core::SpokenText& spoken) {
  if (!langdu::fuzz::IsValidUtf8(spoken.spoken)) __builtin_trap();
  std::size_t source_end = 0;
  std::size_t spoken_end = 0;
  for (const langdu::core::Rewrite& rewrite : spoken.rewrites) {
    if (rewrite.source_begin < source_end || rewrite.source_end < rewrite.source_begin ||
        rewrite.source_end > spoken.source.size() || rewrite.spoken_begin < spoken_end ||
        rewrite.spoken_end < rewrite.spoken_begin || rewrite.spoken_end > spoken.spoken.size()) {
      __builtin_trap();
    }
    source_end = rewrite.source_end;
    spoken_end = rewrite.spoken_end;
  }
  for (std::size_t offset = 0; offset <= spoken.spoken.size(); ++offset) {
    if (spoken.SourceOffset(offset) > spoken.source.size()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace langdu;
  static const text::tn::Normalizer normalizer;
  const std::string_view utf8 = fuzz::Bytes(data, size);
  if (!fuzz::IsValidUtf8(utf8)) return -1;
  const text::CleanText clean = text::Cleanup(utf8);
  fuzz::ExpectOnlyLangduErrors([&] { CheckSpokenText(normalizer.Normalize(clean.text)); });
  return 0;
}
