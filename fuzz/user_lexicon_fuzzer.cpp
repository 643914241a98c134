// User lexicons (--lexicon): TSV, or W3C PLS (chosen by a leading '<').
#include "fuzz_util.h"
#include "pronounce/user_lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace langdu;
  fuzz::ExpectOnlyLangduErrors(
      [&] { (void)pronounce::UserLexicon::Parse(fuzz::Bytes(data, size), "fuzz.pls"); });
  return 0;
}
