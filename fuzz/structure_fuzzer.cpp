// Cleanup and structure (title, chapters, paragraphs, sentences) of any decoded text.
#include "fuzz_util.h"
#include "text/cleanup.h"
#include "text/structure.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace langdu;
  const std::string_view utf8 = fuzz::Bytes(data, size);
  if (!fuzz::IsValidUtf8(utf8)) return -1;  // Decode never hands these on
  const text::CleanText clean = text::Cleanup(utf8);
  if (clean.source_offsets.size() != clean.text.size() + 1) __builtin_trap();
  fuzz::ExpectOnlyLangduErrors([&] {
    const core::Document document = text::ParseStructure(clean, utf8, "fuzz.txt");
    for (const core::Chapter& chapter : document.chapters) {
      for (const core::Paragraph& paragraph : chapter.paragraphs) {
        for (const core::Sentence& sentence : paragraph.sentences) {
          if (!fuzz::IsValidUtf8(sentence.text)) __builtin_trap();
        }
      }
    }
  });
  return 0;
}
