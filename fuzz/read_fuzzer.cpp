// The input readers (input::Read): format detection, then the text, Markdown, HTML, EPUB or SSML
// reader that this build has. The first byte chooses the format and the options.
#include "fuzz_util.h"
#include "input/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace langdu;
  if (size == 0) return 0;
  static constexpr input::InputFormat kFormats[] = {
      input::InputFormat::kAuto, input::InputFormat::kText, input::InputFormat::kMarkdown,
      input::InputFormat::kHtml, input::InputFormat::kEpub, input::InputFormat::kSsml};
  input::ReadOptions options;
  options.format = kFormats[data[0] % std::size(kFormats)];
  options.heading_levels = 1 + (data[0] / 8) % 6;
  options.read_code = (data[0] & 0x80) != 0;
  const std::string_view bytes = fuzz::Bytes(data + 1, size - 1);
  (void)input::DetectFormat("fuzz", bytes);
  fuzz::ExpectOnlyLangduErrors([&] {
    const input::ReadResult result = input::Read("fuzz", bytes, options);
    for (const core::Chapter& chapter : result.document.chapters) {
      for (const core::Paragraph& paragraph : chapter.paragraphs) {
        for (const core::Sentence& sentence : paragraph.sentences) {
          if (!fuzz::IsValidUtf8(sentence.text)) __builtin_trap();
        }
      }
    }
  });
  return 0;
}
