// Narrator voice files (voices/*.json).
#include "fuzz_util.h"
#include "synth/voice.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace langdu;
  fuzz::ExpectOnlyLangduErrors(
      [&] { (void)synth::ParseVoice(fuzz::Bytes(data, size), "voices/fuzz.json"); });
  return 0;
}
