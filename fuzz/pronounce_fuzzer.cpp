// Pronunciation of any cleaned, normalized line: words over the lexicon, polyphones, tone sandhi
// (pinyin in both tone modes) and the speech script the engine is given.
#include "core/speech_script.h"
#include "fuzz_util.h"
#include "pronounce/pronouncer.h"
#include "text/cleanup.h"
#include "text/tn/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace langdu;
  static const text::tn::Normalizer normalizer;
  static const pronounce::Pronouncer pronouncer;  // the lexicon from LANGDU_DATA_DIR
  const std::string_view utf8 = fuzz::Bytes(data, size);
  if (!fuzz::IsValidUtf8(utf8)) return -1;
  const text::CleanText clean = text::Cleanup(utf8);
  fuzz::ExpectOnlyLangduErrors([&] {
    for (const pronounce::ToneMode mode :
         {pronounce::ToneMode::kSpoken, pronounce::ToneMode::kCitation}) {
      std::string joined;
      for (const pronounce::Word& word : pronouncer.Words(clean.text, mode)) joined += word.text;
      if (joined != clean.text) __builtin_trap();  // the words' texts concatenate to the input
    }
    const core::SpeechScript script = pronouncer.Script(normalizer.Normalize(clean.text));
    for (const core::SpeechClause& clause : script.clauses) {
      if (!fuzz::IsValidUtf8(core::EngineInput(clause))) __builtin_trap();
    }
  });
  return 0;
}
