// Encoding detection and decoding (text/decode) of any bytes: the input file as read.
#include "fuzz_util.h"
#include "text/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace langdu;
  const std::string_view bytes = fuzz::Bytes(data, size);
  fuzz::ExpectOnlyLangduErrors([&] {
    const text::DecodedText decoded = text::Decode(bytes, "fuzz.txt");
    if (!fuzz::IsValidUtf8(decoded.utf8)) __builtin_trap();  // Decode promises valid UTF-8
  });
  // A named encoding, chosen by the first byte, decodes the rest.
  if (size > 0) {
    static constexpr const char* kEncodings[] = {"UTF-8", "GB18030", "Big5", "UTF-16LE",
                                                 "UTF-16BE"};
    const char* encoding = kEncodings[data[0] % std::size(kEncodings)];
    fuzz::ExpectOnlyLangduErrors([&] {
      const text::DecodedText decoded = text::Decode(bytes.substr(1), "fuzz.txt", encoding);
      if (!fuzz::IsValidUtf8(decoded.utf8)) __builtin_trap();
    });
  }
  return 0;
}
